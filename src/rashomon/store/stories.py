"""Storage of stories: which story each article joined, what the story index keeps of each
article, and one summary row per story.

Stories are incremental: a new article joins a story or starts one and no story is ever
rebuilt. Each article's placement (its story, its index entry, and the incidents it reports)
is written in one transaction, so an interrupted run keeps every article it placed and the
next run places the rest. An article whose findings are not extracted yet waits.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from rashomon.facts import DateWindow, Story
from rashomon.store.db import Store


def pending_articles(store: Store) -> list[str]:
    """Extracted articles not placed yet, in the order placement takes them: by
    publication date (undated last), originals before their copies, then by source."""
    rows = store.conn.execute(
        "SELECT a.id FROM articles a JOIN article_stages s ON s.article_id = a.id"
        " AND s.stage = 'entities' LEFT JOIN story_articles sa ON sa.article_id = a.id"
        " WHERE sa.article_id IS NULL"
        " ORDER BY a.published IS NULL, COALESCE(a.published, ''), a.duplicate_of IS NOT NULL,"
        " a.source, a.id"
    )
    return [r[0] for r in rows]


def story_entries(store: Store) -> list[dict[str, Any]]:
    """Every placed article's index entry, in placement order."""
    rows = store.conn.execute(
        "SELECT e.entry FROM story_entries e JOIN story_articles s ON s.article_id = e.article_id"
        " ORDER BY s.position"
    )
    return [json.loads(r[0]) for r in rows]


def is_placed(store: Store, article_id: str) -> bool:
    row = store.conn.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,))
    return row.fetchone() is not None


def next_position(store: Store) -> int:
    row = store.conn.execute("SELECT COALESCE(MAX(position), -1) FROM story_articles").fetchone()
    return int(row[0]) + 1


def save_placement(
    conn: sqlite3.Connection,
    article_id: str,
    story_id: str,
    position: int,
    entry: dict[str, Any],
    weight: float = 1.0,
) -> None:
    """The article's story and index entry, inside the caller's transaction. The story row
    must exist (see `save_story`)."""
    conn.execute(
        "INSERT INTO story_articles (article_id, story_id, position, weight) VALUES (?,?,?,?)",
        (article_id, story_id, position, weight),
    )
    conn.execute(
        "INSERT INTO story_entries (article_id, entry) VALUES (?, ?)",
        (article_id, json.dumps(entry, ensure_ascii=False)),
    )


def save_story(conn: sqlite3.Connection, story: Story) -> None:
    window = story.estimated
    conn.execute(
        "INSERT INTO stories (id, label, start, end, estimated_start, estimated_end, articles,"
        " reports, independent, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET label=excluded.label, start=excluded.start,"
        " end=excluded.end, estimated_start=excluded.estimated_start,"
        " estimated_end=excluded.estimated_end, articles=excluded.articles,"
        " reports=excluded.reports, independent=excluded.independent,"
        " updated_at=excluded.updated_at",
        (story.id, story.label, story.start, story.end, window.start if window else None,
         window.end if window else None, len(story.article_ids), story.reports,
         story.independent, datetime.now(UTC).isoformat(timespec="seconds")),
    )  # fmt: skip


def save_window(conn: sqlite3.Connection, article_id: str, window: DateWindow | None) -> None:
    """An undated article's estimated window (or none), replacing an earlier estimate."""
    conn.execute("DELETE FROM article_windows WHERE article_id = ?", (article_id,))
    if window is not None:
        conn.execute(
            "INSERT INTO article_windows (article_id, start, end, evidence) VALUES (?,?,?,?)",
            (article_id, window.start, window.end, json.dumps(list(window.evidence))),
        )


def read_stories(store: Store, story_id: str | None = None) -> list[Story]:
    """Stories in creation order with their articles (copies included), outlets and
    incidents."""
    members: dict[str, list[str]] = defaultdict(list)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    for sid, aid, outlet in store.conn.execute(
        "SELECT s.story_id, s.article_id, a.outlet FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id WHERE ? IS NULL OR s.story_id = ?"
        " ORDER BY s.position",
        (story_id, story_id),
    ):
        members[sid].append(aid)
        if outlet:
            outlets[sid][outlet] += 1
    incidents: dict[str, list[str]] = defaultdict(list)
    for sid, iid in store.conn.execute(
        "SELECT story_id, id FROM incidents WHERE story_id IS NOT NULL"
        " AND (? IS NULL OR story_id = ?) ORDER BY rowid",
        (story_id, story_id),
    ):
        incidents[sid].append(iid)
    rows = store.conn.execute(
        "SELECT * FROM stories WHERE ? IS NULL OR id = ? ORDER BY"
        " (SELECT MIN(position) FROM story_articles s WHERE s.story_id = stories.id)",
        (story_id, story_id),
    ).fetchall()
    return [
        Story(
            id=r["id"],
            label=r["label"],
            start=r["start"],
            end=r["end"],
            article_ids=tuple(members[r["id"]]),
            reports=r["reports"],
            outlets=tuple(sorted(outlets[r["id"]])),
            independent=r["independent"],
            estimated=DateWindow(r["estimated_start"], r["estimated_end"])
            if r["estimated_start"]
            else None,
            incident_ids=tuple(incidents[r["id"]]),
        )  # fmt: skip
        for r in rows
    ]


def story_of_articles(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for at in range(0, len(article_ids), 500):
        chunk = list(article_ids[at : at + 500])
        found |= dict(
            store.conn.execute(
                "SELECT article_id, story_id FROM story_articles"
                f" WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    return found


def story_articles(store: Store, story_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (story_id,)
    )
    return [r[0] for r in rows]


def clear_cross_article(store: Store) -> None:
    """Forget every placement, incident, figure and dispute (the articles and their
    findings stay): the next run places every article again."""
    with store.transaction() as conn:
        for table in ("dispute_sides", "disputes", "figure_claims", "figures",
                      "incident_actors", "incident_reports", "incidents", "story_entries",
                      "story_articles", "stories", "article_windows", "report_terms"):  # fmt: skip
            conn.execute(f"DELETE FROM {table}")
