"""Records of the workbench's look-ups: full-text search hits, and an actor's or a place's
page (names, renamings, and everything the articles say it did, suffered, claimed or saw).
Built by `rashomon.api` from the store's rows and the joined entries of `facts.entries`."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.facts import ActorFact, Incident, PlaceFact
from rashomon.facts.entries import EventEntry, FigureEntry, QuoteEntry
from rashomon.model import Record


@dataclass(frozen=True)
class SearchHit(Record):
    """An article matching a full-text query, with a snippet of its text around the match;
    `marks` are the (start, end) offsets of the matched words in `snippet`."""

    article_id: str
    title: str
    outlet: str | None
    published: str | None
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    score: float = 0.0  # bm25: lower is better


@dataclass(frozen=True)
class AliasEntry(Record):
    """A name an actor goes by: from the dictionary, or found in an article (with where)."""

    alias: str
    origin: str  # dictionary or text
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    pattern: str | None = None  # "formerly known as", "acronym" ...


@dataclass(frozen=True)
class FormerName(Record):
    """A name no longer in use, and the month it stopped (from the actor dictionary)."""

    name: str
    until: str | None


@dataclass(frozen=True)
class ArticleCount(Record):
    """How often one article names the actor or place."""

    article_id: str
    title: str
    outlet: str | None
    published: str | None
    mentions: int


@dataclass(frozen=True)
class ActorDetail(Record):
    """An actor's page: who it is, its names, where it is named, and what the articles say
    it did (events as source), suffered (as target), claimed (figures) and said (quotes).
    Lists cover the `articles` most recent articles naming it; `total_articles` counts all."""

    actor: ActorFact
    affiliation: ActorFact | None
    members: tuple[ActorFact, ...]
    aliases: tuple[AliasEntry, ...]
    former_names: tuple[FormerName, ...]
    mentions: int
    articles: tuple[ArticleCount, ...]
    total_articles: int
    as_source: tuple[EventEntry, ...] = ()
    as_target: tuple[EventEntry, ...] = ()
    figures: tuple[FigureEntry, ...] = ()
    quotes: tuple[QuoteEntry, ...] = ()


@dataclass(frozen=True)
class PlaceDetail(Record):
    """A place's page: where it lies, what lies in it, the articles naming it, the events and
    figures placed there (or inside it) and the incidents located there."""

    place: PlaceFact
    within: tuple[PlaceFact, ...]  # the places it lies in, nearest first
    contains: tuple[PlaceFact, ...]
    mentions: int
    articles: tuple[ArticleCount, ...]
    total_articles: int
    events: tuple[EventEntry, ...] = ()
    figures: tuple[FigureEntry, ...] = ()
    incidents: tuple[Incident, ...] = ()
