"""The stored findings of a set of articles (a story), read once for the cross-article steps.

Figures, disputes, merged events, the timeline and the dossier all work on the same rows;
reading them here keeps SQL out of the reasoning and lets tests build facts by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.store import Store
from rashomon.store.entities import list_mentions, list_numbers, list_quotes
from rashomon.store.events import list_events


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    outlet: str | None
    wire: str | None
    published: str | None
    duplicate_of: str | None
    title: str

    @property
    def report_key(self) -> str:
        """Articles with the same key are one report published several times: a wire copy
        counts once, under the original it copies."""
        return self.duplicate_of or self.id


@dataclass
class StoryFacts:
    articles: dict[str, ArticleInfo]
    numbers: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    actor_names: dict[str, str] = field(default_factory=dict)
    place_names: dict[str, str] = field(default_factory=dict)

    def date_of(self, article_id: str) -> str | None:
        return self.articles[article_id].published

    def outlet_of(self, article_id: str) -> str | None:
        return self.articles[article_id].outlet

    def name(self, actor_id: str | None) -> str | None:
        return self.actor_names.get(actor_id, actor_id) if actor_id else None


def load_facts(store: Store, article_ids: Iterable[str]) -> StoryFacts:
    wanted = set(article_ids)
    articles = {
        row.id: ArticleInfo(row.id, row.outlet, row.wire, row.published, row.duplicate_of,
                            row.title)
        for row in store.list_articles() if row.id in wanted
    }  # fmt: skip
    return StoryFacts(
        articles=articles,
        numbers=[n for n in list_numbers(store) if n["article_id"] in wanted],
        events=[e for e in list_events(store) if e["article_id"] in wanted],
        quotes=[q for q in list_quotes(store) if q["article_id"] in wanted],
        mentions=[m for m in list_mentions(store) if m["article_id"] in wanted],
        actor_names=dict(store.conn.execute("SELECT id, name FROM actors").fetchall()),
        place_names=dict(store.conn.execute("SELECT id, name FROM places").fetchall()),
    )
