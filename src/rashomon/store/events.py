"""Storage of events: one row per event, its participants as JSON, its sentence by offsets.

Participants are JSON lists rather than a join table: an event has one to four of them, they
are always read with their event, and `rashomon events --json` returns them as lists.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from rashomon.model import Event, EventArgument
from rashomon.store.db import Store


def insert_events(
    conn: sqlite3.Connection, article_id: str, events: Sequence[tuple[Event, int, int]]
) -> None:
    """Rows for one article's events, inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO events (article_id, start, end, trigger, type, mode, factuality, frame,"
        " sources, targets, place_id, place_from, date, date_precision, date_from,"
        " sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, e.start, e.end, e.trigger, e.type, e.mode, e.factuality, e.frame,
          _arguments_json(e.sources), _arguments_json(e.targets), e.place_id, e.place_from,
          e.date, e.date_precision, e.date_from, s, end) for e, s, end in events],
    )  # fmt: skip


def _arguments_json(arguments: Sequence[EventArgument]) -> str:
    return json.dumps([asdict(a) for a in arguments], ensure_ascii=False)


def list_events(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    """Events with the outlet that reported them and the sentence they were read from."""
    rows = store.conn.execute(
        "SELECT e.article_id, a.outlet, e.type, e.mode, e.sources, e.targets, e.factuality,"
        " e.frame, e.place_id, e.place_from, e.date, e.date_precision, e.date_from,"
        " e.trigger, e.start, e.end, substr(a.body, e.sentence_start + 1,"
        " e.sentence_end - e.sentence_start) AS sentence"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE ? IS NULL OR e.article_id = ? ORDER BY a.source, e.start",
        (article_id, article_id),
    )
    found = []
    for row in rows:
        event = dict(row)
        sources = json.loads(event.pop("sources"))
        targets = json.loads(event.pop("targets"))
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
