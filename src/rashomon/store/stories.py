"""Storage of stories: which story each article joined, and the index that decides the next.

Stories are incremental: a new article joins a story or starts one and no story is ever
rebuilt, so the index's state is saved after every batch with the articles it placed, in
one transaction; batches are short, so placement commits as it goes. An article whose
findings are not extracted yet waits for the next run.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from rashomon.reconcile.stories import Story, StoryFeatures, StoryIndex
from rashomon.store.db import Store
from rashomon.store.events import list_events

_LABEL_SKIP = ("media", "state")
_ACTING_KINDS = ("person", "organisation", "title", "metonym", "nationality", "location")


def load_index(store: Store) -> StoryIndex:
    row = store.conn.execute("SELECT state FROM story_index WHERE id = 1").fetchone()
    return StoryIndex.from_state(json.loads(row[0])) if row else StoryIndex()


def assign_stories(
    store: Store, on_done: Callable[[str], None] | None = None, commit_every: float = 1.0
) -> int:
    """Place every extracted article that has no story yet; returns how many were placed.

    Placement commits as it goes, a batch about every `commit_every` seconds, each batch in
    one write transaction that also saves the index: an interrupted run keeps what it
    placed, and two processes placing at once take turns (the index is read again only when
    the other one placed something since)."""
    placed = 0
    index: StoryIndex | None = None
    last_position: int | None = None
    while True:
        started = time.monotonic()
        with store.transaction() as conn:
            pending = pending_placement(store)
            if not pending:
                break
            top = conn.execute("SELECT COALESCE(MAX(position), -1) FROM story_articles")
            start = top.fetchone()[0]
            if index is None or start != last_position:
                index = load_index(store)
            batch = []
            for article_id in pending:
                batch.append((article_id, index.add(story_features(store, article_id))))
                if on_done:
                    on_done(article_id)
                if time.monotonic() - started >= commit_every:
                    break
            conn.executemany(
                "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)",
                [(aid, sid, start + 1 + i) for i, (aid, sid) in enumerate(batch)],
            )
            conn.execute(
                "INSERT OR REPLACE INTO story_index (id, state, updated_at) VALUES (1, ?, ?)",
                (json.dumps(index.to_state()), datetime.now(UTC).isoformat(timespec="seconds")),
            )
            last_position = start + len(batch)
        placed += len(batch)
    return placed


def pending_placement(store: Store) -> list[str]:
    """Extracted articles with no story yet, in the order they are placed."""
    return [
        r[0] for r in store.conn.execute(
            "SELECT a.id FROM articles a JOIN article_stages s ON s.article_id = a.id"
            " AND s.stage = 'entities' LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " WHERE sa.article_id IS NULL"
            " ORDER BY COALESCE(a.published, ''), a.duplicate_of IS NOT NULL, a.source, a.id"
        )
    ]  # fmt: skip


def story_features(store: Store, article_id: str) -> StoryFeatures:
    article, summary = store.get_article(article_id)
    mentions = store.conn.execute(
        "SELECT actor_id, place_id, kind FROM mentions WHERE article_id = ? AND field = 'body'",
        (article_id,),
    ).fetchall()
    actors = _salient(Counter(a for a, _, kind in mentions if a and kind in _ACTING_KINDS))
    places = _salient(Counter(p for a, p, _ in mentions if p and not a))
    events = frozenset(
        f"{e['type']}|{','.join(e['source_actor_ids'])}|{','.join(e['target_actor_ids'])}"
        for e in list_events(store, article_id)
        if e["source_actor_ids"] or e["target_actor_ids"]
    )
    return StoryFeatures(
        article_id=article_id, text=article.body, title=article.title,
        published=summary.published, actor_ids=actors, place_ids=places, event_keys=events,
        duplicate_of=summary.duplicate_of,
    )  # fmt: skip


def _salient(counts: Counter[str], top: int = 6) -> frozenset[str]:
    """What an article is about, not everything it names: its most mentioned actors or
    places (named at least twice, or the single most named). An aside ("Russia, an ally
    of Assad") would otherwise make every Syria story look alike."""
    ranked = [key for key, n in counts.most_common(top) if n >= 2]
    return frozenset(ranked or [key for key, _ in counts.most_common(1)])


def list_stories(store: Store) -> list[dict[str, object]]:
    """Stories in creation order with their articles and outlets (wire copies included)."""
    index = load_index(store)
    names = dict(store.conn.execute("SELECT id, name FROM actors").fetchall())
    names |= dict(store.conn.execute("SELECT id, name FROM places").fetchall())
    outlets = dict(store.conn.execute("SELECT id, outlet FROM articles").fetchall())
    rows = []
    for story in index.stories(names, lambda ids: story_lead(store, ids, names)):
        counted = Counter(outlets.get(a) for a in story.article_ids if outlets.get(a))
        rows.append(_story_row(story, sorted(counted)))
    return rows


def story_lead(store: Store, article_ids: tuple[str, ...], names: dict[str, str]) -> list[str]:
    """What a story's label leads with, "Jabhat Fateh al-Sham", "Aleppo": the actor and the
    town named most often across its reports (outlets and countries say little about which
    story it is); the index adds its two most salient terms."""
    marks = ",".join("?" * len(article_ids))
    rows = store.conn.execute(
        "SELECT m.actor_id, m.place_id, a.kind, p.precision FROM mentions m"
        " LEFT JOIN actors a ON a.id = m.actor_id LEFT JOIN places p ON p.id = m.place_id"
        f" WHERE m.field = 'body' AND m.article_id IN ({marks})",
        article_ids,
    ).fetchall()
    actors = Counter(a for a, _, kind, _ in rows if a and kind not in _LABEL_SKIP)
    places = Counter(p for a, p, _, precision in rows if p and not a and precision != "country")
    return [names.get(top[0][0], top[0][0]) for top in (actors.most_common(1),
                                                        places.most_common(1)) if top]  # fmt: skip


def _story_row(story: Story, outlets: list[str]) -> dict[str, object]:
    return {
        "id": story.id, "label": story.label, "start": story.start, "end": story.end,
        "article_ids": list(story.article_ids), "outlets": outlets,
        "articles": len(story.article_ids), "reports": story.reports,
    }  # fmt: skip


def story_articles(store: Store, story_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (story_id,)
    )
    return [r[0] for r in rows]
