"""Storage of who/where/when findings: actors, aliases, places, mentions and dates.

An article's findings are replaced as a whole in one transaction, so re-running extraction
with a new dictionary or model never leaves a mix of old and new rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rashomon.model import (
    Actor,
    AliasEvidence,
    DateMention,
    EntitySummary,
    Event,
    NumberClaim,
    Place,
    Quote,
)
from rashomon.store.db import Store
from rashomon.store.events import article_event_lines, insert_events


@dataclass(frozen=True)
class MentionRow:
    """One actor or place mention with the sentence it sits in (offsets into the clean body)."""

    start: int
    end: int
    text: str
    kind: str
    method: str
    sentence_start: int
    sentence_end: int
    actor_id: str | None = None
    place_id: str | None = None
    field: str = "body"  # or "caption:N": offsets then point into Article.captions[N]


@dataclass(frozen=True)
class ArticleEntities:
    article_id: str
    version: str  # dictionary + gazetteer + extractor version: re-extract when it changes
    actors: tuple[tuple[Actor, str], ...]  # (actor, origin: 'dictionary', 'text' or 'gazetteer')
    aliases: tuple[AliasEvidence, ...]
    mentions: tuple[MentionRow, ...]
    places: tuple[Place, ...]
    dates: tuple[tuple[DateMention, int, int], ...]  # (date, sentence_start, sentence_end)
    quotes: tuple[tuple[Quote, int, int], ...] = ()  # (quote, sentence bounds)
    numbers: tuple[tuple[NumberClaim, int, int], ...] = ()
    events: tuple[tuple[Event, int, int], ...] = ()


def save_entities(store: Store, found: ArticleEntities) -> None:
    with store.transaction() as conn:
        write_entities(conn, found)


def write_entities(conn: sqlite3.Connection, found: ArticleEntities) -> None:
    """One article's findings in place of its old ones, inside the caller's transaction."""
    aid = found.article_id
    for table in ("mentions", "date_mentions", "quotes", "numbers", "events"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM actor_aliases WHERE article_id = ?", (aid,))
    # every actor, then every actor's names in the same order: two statements, not two per
    # actor, and the same rows (an alias row needs only its actor, upserted before it)
    conn.executemany(
        "INSERT INTO actors (id, name, kind, country, sector, affiliation, origin,"
        " former_affiliations) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
        " name=excluded.name, kind=excluded.kind, country=excluded.country,"
        " sector=excluded.sector, affiliation=excluded.affiliation,"
        " former_affiliations=excluded.former_affiliations",
        [(actor.id, actor.name, actor.kind.value, actor.country, actor.sector,
          actor.affiliation, origin,
          json.dumps([[f.affiliation, f.until] for f in actor.former_affiliations]))
         for actor, origin in found.actors],
    )  # fmt: skip
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, origin)"
        " VALUES (?, ?, 'dictionary')",
        [(actor.id, alias) for actor, _origin in found.actors
         for alias in (actor.name, *actor.aliases)],
    )  # fmt: skip
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, origin, article_id, start,"
        " end, pattern) VALUES (?, ?, 'text', ?, ?, ?, ?)",
        [(a.actor_id, a.alias, aid, a.start, a.end, a.pattern) for a in found.aliases],
    )
    # What INSERT OR REPLACE did (new values, the row moved last in rowid order, which
    # readers of the gazette see), without deleting the row: a delete makes SQLite look for
    # the place's references in every table that names a place, most without an index on
    # it, so each article cost a scan of the whole corpus's events, numbers and figures.
    conn.executemany(
        "INSERT INTO places (id, name, lat, lon, precision, country, parent_id)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
        " lat=excluded.lat, lon=excluded.lon, precision=excluded.precision,"
        " country=excluded.country, parent_id=excluded.parent_id,"
        " rowid=(SELECT MAX(rowid) + 1 FROM places)",
        [(p.id, p.name, p.lat, p.lon, p.precision.value, p.country, p.parent_id)
         for p in found.places],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO mentions (article_id, field, start, end, text, kind, actor_id,"
        " place_id, method, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, m.field, m.start, m.end, m.text, m.kind, m.actor_id, m.place_id, m.method,
          m.sentence_start, m.sentence_end) for m in found.mentions],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO date_mentions (article_id, start, end, text, value, precision,"
        " relation, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?)",
        [(aid, d.start, d.end, d.text, d.value, d.precision, d.relation, s, e)
         for d, s, e in found.dates],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO quotes (article_id, start, end, text, kind, cue, cue_start, cue_end,"
        " speaker, speaker_start, speaker_end, speaker_actor_id, intermediary,"
        " sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, q.start, q.end, q.text, q.kind, q.cue, q.cue_start, q.cue_end, q.speaker,
          q.speaker_start, q.speaker_end, q.speaker_actor_id, q.intermediary, s, e)
         for q, s, e in found.quotes],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO numbers (article_id, start, end, text, value, low, high, qualifier,"
        " what, unit, about_actor_id, place_id, time, claimant, claimant_actor_id, status,"
        " measure, victims, scope, scope_since, claimant_kind, sentence_start,"
        " sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, n.start, n.end, n.text, n.value, n.low, n.high, n.qualifier, n.what, n.unit,
          n.about_actor_id, n.place_id, n.time, n.claimant, n.claimant_actor_id, n.status,
          n.measure, n.victims, n.scope, n.scope_since, n.claimant_kind, s, e)
         for n, s, e in found.numbers],
    )  # fmt: skip
    insert_events(conn, aid, found.events)
    conn.execute(
        "INSERT OR REPLACE INTO article_stages (article_id, stage, version, done_at)"
        " VALUES (?, 'entities', ?, ?)",
        (aid, found.version, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def articles_needing(
    store: Store, stage: str, version: str, parsed_with: str | None = None
) -> list[str]:
    """Ids of articles whose `stage` never ran or ran with another version; with
    `parsed_with`, only those that have a cached parse by that model."""
    rows = store.conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN article_stages s ON s.article_id = a.id"
        " AND s.stage = ? WHERE (s.version IS NULL OR s.version != ?) AND (? IS NULL OR"
        " EXISTS (SELECT 1 FROM parsed_docs p WHERE p.article_id = a.id AND p.model = ?))"
        " ORDER BY a.rowid",
        (stage, version, parsed_with, parsed_with),
    )
    return [r[0] for r in rows]


def list_actors(store: Store, only: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Actors with their mentions and articles; with `only`, counted in those articles."""
    rows = _counted(
        store,
        "SELECT a.id, a.name, a.kind, a.country, a.sector, a.affiliation, a.origin,"
        " m.article_id, COUNT(m.rowid) AS n FROM actors a JOIN mentions m ON m.actor_id = a.id"
        " GROUP BY a.id, m.article_id",
        only,
    )
    aliases: dict[str, list[str]] = {}
    for actor_id, alias in store.conn.execute(
        "SELECT DISTINCT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias"
    ):
        aliases.setdefault(actor_id, []).append(alias)
    evidence: dict[str, list[dict[str, Any]]] = {}
    for row in list_alias_evidence(store):
        evidence.setdefault(row.pop("actor_id"), []).append(row)
    return [
        dict(row)
        | {"aliases": aliases.get(row["id"], []), "alias_evidence": evidence.get(row["id"], [])}
        for row in rows
    ]


def list_alias_evidence(store: Store) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT actor_id, alias, article_id, start, end, pattern FROM actor_aliases"
        " WHERE origin = 'text' ORDER BY actor_id, article_id, start"
    )
    return [dict(row) for row in rows]


def list_places(store: Store, only: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Places with their mentions and articles; with `only`, counted in those articles."""
    return _counted(
        store,
        "SELECT p.id, p.name, p.lat, p.lon, p.precision, p.country, p.parent_id AS parent,"
        " m.article_id, COUNT(m.rowid) AS n FROM places p JOIN mentions m ON m.place_id = p.id"
        " GROUP BY p.id, m.article_id",
        only,
    )


def _counted(store: Store, sql: str, only: Collection[str] | None) -> list[dict[str, Any]]:
    """Rows of `sql` (one per thing and article, with its count `n`) summed per thing into
    `mentions` and `articles`, most mentioned first; only articles in `only` count."""
    found: dict[str, dict[str, Any]] = {}
    for row in store.conn.execute(sql):
        if only is not None and row["article_id"] not in only:
            continue
        values = dict(row)
        article, n = values.pop("article_id"), values.pop("n")
        entry = found.setdefault(values["id"], values | {"mentions": 0, "articles": 0})
        entry["mentions"] += n
        entry["articles"] += 1 if article else 0
    return sorted(found.values(), key=lambda r: (-r["mentions"], r["name"]))


def list_dates(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT article_id, text, start, end, value, precision, relation FROM date_mentions"
        " WHERE ? IS NULL OR article_id = ? ORDER BY article_id, start",
        (article_id, article_id),
    )
    return [dict(row) for row in rows]


def list_mentions(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT article_id, field, start, end, text, kind, actor_id, place_id, method,"
        " sentence_start, sentence_end FROM mentions"
        " WHERE ? IS NULL OR article_id = ? ORDER BY article_id, start",
        (article_id, article_id),
    )
    return [dict(row) for row in rows]


def article_entity_summary(store: Store, article_id: str, top: int = 8) -> EntitySummary:
    actors = store.conn.execute(
        "SELECT a.name, COUNT(*) AS n FROM mentions m JOIN actors a ON a.id = m.actor_id"
        " WHERE m.article_id = ? AND m.field = 'body'"
        " GROUP BY a.id ORDER BY n DESC, a.name LIMIT ?",
        (article_id, top),
    ).fetchall()
    places = store.conn.execute(
        "SELECT p.name, COUNT(*) AS n, p.lat, p.lon FROM mentions m"
        " JOIN places p ON p.id = m.place_id WHERE m.article_id = ?"
        " GROUP BY p.id ORDER BY n DESC, p.name LIMIT ?",
        (article_id, top),
    ).fetchall()
    dates = store.conn.execute(
        "SELECT text, value, precision FROM date_mentions WHERE article_id = ? ORDER BY start",
        (article_id,),
    ).fetchall()
    quotes = store.conn.execute(
        "SELECT COALESCE(ac.name, q.speaker, 'unattributed') AS who, COUNT(*) AS n"
        " FROM quotes q LEFT JOIN actors ac ON ac.id = q.speaker_actor_id"
        " WHERE q.article_id = ? GROUP BY who ORDER BY n DESC, who",
        (article_id,),
    ).fetchall()
    numbers = store.conn.execute(
        "SELECT n.text, n.what, COALESCE(ac.name, n.claimant, a.outlet, 'unknown outlet')"
        " FROM numbers n JOIN articles a ON a.id = n.article_id"
        " LEFT JOIN actors ac ON ac.id = n.claimant_actor_id"
        " WHERE n.article_id = ? ORDER BY n.start",
        (article_id,),
    ).fetchall()
    return EntitySummary(
        quotes=tuple((r[0], r[1]) for r in quotes),
        numbers=tuple((r[0], r[1], r[2]) for r in numbers),
        actors=tuple((r[0], r[1]) for r in actors),
        places=tuple((r[0], r[1], r[2], r[3]) for r in places),
        dates=tuple((r[0], r[1], r[2]) for r in dates),
        events=tuple(article_event_lines(store, article_id)),
    )


def list_quotes(store: Store) -> list[dict[str, Any]]:
    """Quotes with the publishing outlet beside the speaker (who said it, who reported it)."""
    rows = store.conn.execute(
        "SELECT q.article_id, a.outlet, q.speaker, q.speaker_actor_id, q.cue, q.kind, q.text,"
        " q.start, q.end, q.intermediary, substr(a.body, q.sentence_start + 1,"
        " q.sentence_end - q.sentence_start) AS sentence"
        " FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.source, q.start"
    )
    return [dict(row) for row in rows]


def list_numbers(store: Store) -> list[dict[str, Any]]:
    """Numeric claims; with no claimant in the text the outlet is the (marked) fallback."""
    rows = store.conn.execute(
        "SELECT n.article_id, a.outlet, n.value, n.low, n.high, n.qualifier,"
        " COALESCE(n.what, n.unit) AS unit_or_what, n.what, n.unit, n.about_actor_id,"
        " n.place_id, n.time, COALESCE(n.claimant, a.outlet) AS claimant,"
        " CASE WHEN n.claimant IS NULL THEN 'outlet' ELSE 'text' END AS claimant_from,"
        " n.claimant_actor_id, n.claimant_kind, n.status, n.measure, n.victims, n.scope,"
        " n.scope_since, n.text, n.start, n.end,"
        " substr(a.body, n.sentence_start + 1, n.sentence_end - n.sentence_start) AS sentence"
        " FROM numbers n JOIN articles a ON a.id = n.article_id ORDER BY a.source, n.start"
    )
    return [dict(row) for row in rows]
