"""The workbench's look-ups: full-text search (the FTS5 index of migration 15), which articles
name an actor or a place and how often, where an actor acts, claims or speaks, and the counts
the story list sorts and filters by. Rows become records of `rashomon.facts.lookup`."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rashomon.facts.lookup import AliasEntry, ArticleCount, SearchHit
from rashomon.store.db import Store

_OPEN, _CLOSE = "\x02", "\x03"  # around matched words in FTS5 snippets (never in text)
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query every word of which must match (as a word, or as a
    word's start when typed with a trailing *); None when no word is left. Quoting each word
    keeps FTS5's operators and syntax errors out of the user's way."""
    terms = []
    for raw in text.split():
        prefix = raw.endswith("*")
        for word in _WORD.findall(raw):
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def search_articles(
    store: Store, text: str, limit: int = 20, offset: int = 0
) -> tuple[list[SearchHit], int]:
    """Articles matching every word of `text`, best first, and how many match in all."""
    query = fts_query(text)
    if query is None:
        return [], 0
    total = store.conn.execute(
        "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?", (query,)
    ).fetchone()[0]
    rows = store.conn.execute(
        "SELECT s.article_id, a.title, a.outlet, a.published,"
        f" snippet(article_search, 2, '{_OPEN}', '{_CLOSE}', ' … ', 24) AS snippet,"
        " bm25(article_search) AS score"
        " FROM article_search s JOIN articles a ON a.id = s.article_id"
        " WHERE article_search MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (query, limit, offset),
    )
    return [_hit(r) for r in rows], int(total)


def _hit(row: object) -> SearchHit:
    marked = row["snippet"]  # type: ignore[index]
    text, marks, start = [], [], None
    length = 0
    for char in marked:
        if char == _OPEN:
            start = length
        elif char == _CLOSE and start is not None:
            marks.append((start, length))
            start = None
        else:
            text.append(char)
            length += 1
    return SearchHit(row["article_id"], row["title"], row["outlet"], row["published"],  # type: ignore[index]
                     "".join(text), tuple(marks), float(row["score"]))  # type: ignore[index]  # fmt: skip


def alias_entries(store: Store, actor_id: str) -> list[AliasEntry]:
    rows = store.conn.execute(
        "SELECT alias, origin, article_id, start, end, pattern FROM actor_aliases"
        " WHERE actor_id = ? ORDER BY origin, alias, article_id, start",
        (actor_id,),
    )
    return [AliasEntry(*row) for row in rows]


def member_ids(store: Store, actor_id: str) -> list[str]:
    """Actors that belong to this one (its affiliation is this actor)."""
    rows = store.conn.execute("SELECT id FROM actors WHERE affiliation = ? ORDER BY name",
                              (actor_id,))  # fmt: skip
    return [r[0] for r in rows]


def child_place_ids(store: Store, place_id: str) -> list[str]:
    rows = store.conn.execute("SELECT id FROM places WHERE parent_id = ? ORDER BY name",
                              (place_id,))  # fmt: skip
    return [r[0] for r in rows]


def mention_articles(store: Store, column: str, ids: Collection[str]) -> list[ArticleCount]:
    """Articles naming any of `ids` (`column`: actor_id or place_id), the latest first."""
    if column not in ("actor_id", "place_id") or not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, COUNT(*) AS n FROM mentions m"
        f" JOIN articles a ON a.id = m.article_id WHERE m.{column} IN ({marks})"
        " GROUP BY a.id ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC",
        tuple(ids),
    )
    return [ArticleCount(*row) for row in rows]


def actor_role_articles(store: Store, actor_id: str) -> list[str]:
    """Articles where the actor takes part in an event, claims a figure or is quoted."""
    rows = store.conn.execute(
        "SELECT e.article_id FROM event_actors x JOIN events e ON e.id = x.event_id"
        " WHERE x.actor_id = ?1"
        " UNION SELECT article_id FROM numbers WHERE claimant_actor_id = ?1"
        " UNION SELECT article_id FROM quotes WHERE speaker_actor_id = ?1",
        (actor_id,),
    )
    return [r[0] for r in rows]


def place_role_articles(store: Store, place_ids: Sequence[str]) -> list[str]:
    """Articles with an event or a figure placed at one of `place_ids`."""
    if not place_ids:
        return []
    marks = ",".join("?" * len(place_ids))
    rows = store.conn.execute(
        f"SELECT article_id FROM events WHERE place_id IN ({marks})"
        f" UNION SELECT article_id FROM numbers WHERE place_id IN ({marks})",
        (*place_ids, *place_ids),
    )
    return [r[0] for r in rows]


def incident_ids_at(store: Store, place_ids: Sequence[str]) -> list[str]:
    if not place_ids:
        return []
    marks = ",".join("?" * len(place_ids))
    rows = store.conn.execute(
        f"SELECT id FROM incidents WHERE place_id IN ({marks}) ORDER BY date_start", place_ids
    )
    return [r[0] for r in rows]


def dispute_stories(store: Store) -> dict[str, str]:
    """The story of every dispute (not update), an incident's disputes included."""
    rows = store.conn.execute(
        "SELECT d.id, COALESCE(d.story_id, i.story_id) FROM disputes d"
        " LEFT JOIN incidents i ON i.id = d.incident_id WHERE d.status = 'dispute'"
    )
    return {r[0]: r[1] for r in rows if r[1]}


def has_record(store: Store, table: str, article_id: str, start: int) -> bool:
    """Whether `table` (events, numbers, quotes) holds a finding at this offset."""
    if table not in ("events", "numbers", "quotes"):
        return False
    row = store.conn.execute(
        f"SELECT 1 FROM {table} WHERE article_id = ? AND start = ? LIMIT 1", (article_id, start)
    ).fetchone()
    return row is not None


def stories_naming(store: Store, column: str, ids: Collection[str]) -> set[str]:
    """Stories with an article that names any of `ids` (`column`: actor_id or place_id)."""
    if column not in ("actor_id", "place_id") or not ids:
        return set()
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT DISTINCT s.story_id FROM mentions m JOIN story_articles s"
        f" ON s.article_id = m.article_id WHERE m.{column} IN ({marks})",
        tuple(ids),
    )
    return {r[0] for r in rows}
