"""Storage of events: one row per event, one row per participant in `event_actors` (its role,
position, span and actor), its sentence by offsets.

Participants are rows of a link table, not JSON lists, so that SQLite tools can join events to
actors (`event_view` does); `rashomon events --json` still returns them as lists.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from rashomon.model import Event, EventArgument
from rashomon.store.db import Store

ROLES = ("source", "target")


def insert_events(
    conn: sqlite3.Connection, article_id: str, events: Sequence[tuple[Event, int, int]]
) -> None:
    """Rows for one article's events and their participants, inside the caller's transaction."""
    for e, start, end in events:
        cursor = conn.execute(
            "INSERT INTO events (article_id, start, end, trigger, type, mode, factuality, frame,"
            " place_id, place_from, date, date_precision, date_from, sentence_start,"
            " sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, e.start, e.end, e.trigger, e.type, e.mode, e.factuality, e.frame,
             e.place_id, e.place_from, e.date, e.date_precision, e.date_from, start, end),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO event_actors (event_id, role, position, start, end, text, actor_id)"
            " VALUES (?,?,?,?,?,?,?)",
            [(cursor.lastrowid, role, position, a.start, a.end, a.text, a.actor_id)
             for role, arguments in zip(ROLES, (e.sources, e.targets), strict=True)
             for position, a in enumerate(arguments)],
        )  # fmt: skip


def event_participants(
    conn: sqlite3.Connection, event_ids: Iterable[int]
) -> dict[int, dict[str, list[EventArgument]]]:
    """Event id -> role ("source", "target") -> its participants in written order."""
    found: dict[int, dict[str, list[EventArgument]]] = defaultdict(lambda: defaultdict(list))
    ids = list(event_ids)
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        for row in conn.execute(
            "SELECT event_id, role, start, end, text, actor_id FROM event_actors"
            f" WHERE event_id IN ({','.join('?' * len(chunk))}) ORDER BY event_id, role, position",
            chunk,
        ):
            found[row[0]][row[1]].append(EventArgument(row[2], row[3], row[4], row[5]))
    return found


def list_events(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    """Events with the outlet that reported them and the sentence they were read from."""
    rows = store.conn.execute(
        "SELECT e.id, e.article_id, a.outlet, e.type, e.mode, e.factuality,"
        " e.frame, e.place_id, e.place_from, e.date, e.date_precision, e.date_from,"
        " e.trigger, e.start, e.end, substr(a.body, e.sentence_start + 1,"
        " e.sentence_end - e.sentence_start) AS sentence"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE ? IS NULL OR e.article_id = ? ORDER BY a.source, e.start",
        (article_id, article_id),
    )
    found = []
    rows = rows.fetchall()
    participants = event_participants(store.conn, [row["id"] for row in rows])
    for row in rows:
        event = dict(row)
        roles = participants[event.pop("id")]
        sources = [asdict(a) for a in roles["source"]]
        targets = [asdict(a) for a in roles["target"]]
        event["source_actor_ids"] = _actor_ids(sources)
        event["target_actor_ids"] = _actor_ids(targets)
        event["sources"] = sources
        event["targets"] = targets
        found.append(event)
    return found


def _actor_ids(arguments: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(a["actor_id"] for a in arguments if a.get("actor_id")))


def article_event_lines(store: Store, article_id: str, top: int = 12) -> list[str]:
    """Readable event lines for the report: "Jabhat Fateh al-Sham REJECT Russia (asserted)";
    only events with a known actor, the first `top` of them, then a line saying how many
    more `rashomon events --article` lists."""
    names = dict(store.conn.execute("SELECT id, name FROM actors").fetchall())
    places = dict(store.conn.execute("SELECT id, name FROM places").fetchall())
    lines = []
    events = list_events(store, article_id)
    known = [e for e in events if e["source_actor_ids"] or e["target_actor_ids"]]
    for event in known[:top]:
        who = _names(event["sources"], names) or "?"
        whom = _names(event["targets"], names)
        mode = f" ({event['mode']})" if event["mode"] else ""
        line = f"{who} {event['type']}{mode}" + (f" {whom}" if whom else "")
        line += f" [{event['factuality']}; '{event['trigger']}'"
        if event["place_id"]:
            line += f"; in {places.get(event['place_id'], event['place_id'])}"
        if event["date"] and event["date_from"] == "text":
            line += f"; {event['date']}"
        lines.append(line + "]")
    if len(events) > len(lines):
        lines.append(f"... {len(events) - len(lines)} more: rashomon events --article {article_id}")
    return lines


def _names(arguments: list[dict[str, Any]], names: dict[str, str]) -> str:
    shown = [names.get(a["actor_id"], a["text"]) if a.get("actor_id") else a["text"]
             for a in arguments]  # fmt: skip
    return " and ".join(dict.fromkeys(shown))
