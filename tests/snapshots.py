"""Everything a run stored, as comparable rows: two runs that must agree compare equal.

Columns that record when something happened (updated_at, done_at ...) are left out, and so
are surrogate row ids (an event's id is its rowid, a link by it is read as the event's
article and span); every other column of every table named is read, rows sorted, so the
comparison does not depend on the order rows were written in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

CROSS_ARTICLE = (
    "stories", "story_articles", "story_entries", "article_windows", "incidents",
    "incident_aliases", "incident_reports", "incident_actors", "figures", "figure_claims",
    "disputes", "dispute_sides", "report_terms",
)  # fmt: skip
PER_ARTICLE = (
    "articles", "parsed_docs", "article_stages", "actors", "actor_aliases", "places",
    "mentions", "date_mentions", "quotes", "numbers", "events", "event_actors",
)  # fmt: skip
_WHEN = {"updated_at", "merged_at", "done_at", "parsed_at", "ingested_at", "changed_at"}
_SURROGATE = {"events": {"id"}, "event_actors": {"event_id"}}
# what a surrogate link stands for: the linked row's own columns, joined in
_LINKED = {"event_actors": ("JOIN events e ON e.id = t.event_id", "e.article_id, e.start, e.end")}


def snapshot(db: str | Path, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Rows of each table (timestamps aside), sorted."""
    conn = sqlite3.connect(db)
    try:
        found = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            left_out = _WHEN | _SURROGATE.get(table, set())
            kept = ", ".join(f't."{c}"' for c in columns if c not in left_out)
            join, linked = _LINKED.get(table, ("", ""))
            rows = conn.execute(
                f"SELECT {kept}{', ' + linked if linked else ''} FROM {table} t {join}"
            ).fetchall()
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        conn.close()


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> list[str]:
    """One line per table that differs, with a row found on one side only."""
    lines = []
    for table in a:
        if a[table] != b[table]:
            only_a = [r for r in a[table] if r not in b[table]][:1]
            only_b = [r for r in b[table] if r not in a[table]][:1]
            lines.append(
                f"{table}: {len(a[table])} vs {len(b[table])} rows; "
                f"first only in one: {only_a!r:.300} / {only_b!r:.300}"
            )
    return lines
