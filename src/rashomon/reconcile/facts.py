"""The stored findings of a set of articles (a story), read once for the cross-article steps.

Figures, disputes, merged events, the timeline and the dossier all work on the same rows;
reading them here keeps SQL out of the reasoning and lets tests build facts by hand.
"""

from __future__ import annotations

from collections import defaultdict
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
    """One story's facts; for many stories, `FactsReader` reads the store once."""
    return FactsReader(store).facts(article_ids)


class FactsReader:
    """Every stored finding read once and split by article, so that the facts of each of
    hundreds of stories cost a lookup, not a pass over the whole store."""

    def __init__(self, store: Store) -> None:
        self.articles = {
            row.id: ArticleInfo(row.id, row.outlet, row.wire, row.published,
                                row.duplicate_of, row.title)
            for row in store.list_articles()
        }  # fmt: skip
        self.rows: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for kind, rows in (
            ("numbers", list_numbers(store)), ("events", list_events(store)),
            ("quotes", list_quotes(store)), ("mentions", list_mentions(store)),
        ):  # fmt: skip
            for row in rows:
                self.rows[kind][row["article_id"]].append(row)
        self.actor_names = dict(store.conn.execute("SELECT id, name FROM actors").fetchall())
        self.place_names = dict(store.conn.execute("SELECT id, name FROM places").fetchall())

    def facts(self, article_ids: Iterable[str]) -> StoryFacts:
        wanted = [a for a in dict.fromkeys(article_ids) if a in self.articles]

        def rows(kind: str) -> list[dict[str, Any]]:
            return [row for a in wanted for row in self.rows[kind].get(a, ())]

        return StoryFacts(
            articles={a: self.articles[a] for a in wanted},
            numbers=rows("numbers"), events=rows("events"), quotes=rows("quotes"),
            mentions=rows("mentions"), actor_names=self.actor_names,
            place_names=self.place_names,
        )  # fmt: skip
