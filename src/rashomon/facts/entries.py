"""Per-article findings joined with what they point to: the records `rashomon.api` lists and
the exports flatten.

A stored event names its actors and place by id; a reader (an analyst in a notebook, a
spreadsheet, an event-data pipeline) wants the names, sectors, countries and coordinates
beside them, and the outlet and date of the article that reported it. These records carry
both, built from `ArticleFacts` and a `Gazette` by pure functions, so the API, the command
line and every export show the same joined view and compute it in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rashomon.facts import (
    ActorFact,
    Argument,
    ArticleFact,
    ArticleFacts,
    EventFact,
    FigureFact,
    Gazette,
    PlaceFact,
    QuoteFact,
)
from rashomon.model import Record


@dataclass(frozen=True)
class Participant(Record):
    """One event participant as written, with the actor it resolves to (None: unresolved)."""

    text: str
    start: int
    end: int
    actor: ActorFact | None = None


@dataclass(frozen=True)
class EventEntry(Record):
    """An event with its id, the article that reported it, its participants' actors and its
    place. `id` is stable across databases: the article id and the trigger's offset."""

    id: str
    event: EventFact
    article: ArticleFact
    sources: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    place: PlaceFact | None = None


@dataclass(frozen=True)
class QuoteEntry(Record):
    quote: QuoteFact
    article: ArticleFact
    speaker: ActorFact | None = None


@dataclass(frozen=True)
class FigureEntry(Record):
    """A number one article reports, with the actors it names (claimant, about) and where."""

    figure: FigureFact
    article: ArticleFact
    claimant: ActorFact | None = None
    about: ActorFact | None = None
    place: PlaceFact | None = None


@dataclass(frozen=True)
class ActorEntry(Record):
    """An actor with how often the selected articles mention it."""

    actor: ActorFact
    mentions: int = 0
    articles: int = 0


@dataclass(frozen=True)
class PlaceEntry(Record):
    place: PlaceFact
    mentions: int = 0
    articles: int = 0


def event_id(article_id: str, start: int, seen: int = 0) -> str:
    """The id of the event whose trigger starts at `start` (`seen`: how many events of the
    article started there before it, which is almost always none)."""
    return f"event:{article_id}:{start}" + (f"-{seen + 1}" if seen else "")


def event_entries(facts: Iterable[ArticleFacts], gazette: Gazette) -> Iterator[EventEntry]:
    for article in facts:
        starts: Counter[int] = Counter()
        for event in article.events:
            seen = starts[event.start]
            starts[event.start] += 1
            yield EventEntry(
                id=event_id(article.id, event.start, seen),
                event=event,
                article=article.article,
                sources=_participants(event.sources, gazette),
                targets=_participants(event.targets, gazette),
                place=gazette.places.get(event.place_id or ""),
            )


def quote_entries(facts: Iterable[ArticleFacts], gazette: Gazette) -> Iterator[QuoteEntry]:
    for article in facts:
        for quote in article.quotes:
            speaker = gazette.actors.get(quote.speaker_actor_id or "")
            yield QuoteEntry(quote, article.article, speaker)


def figure_entries(facts: Iterable[ArticleFacts], gazette: Gazette) -> Iterator[FigureEntry]:
    for article in facts:
        for figure in article.figures:
            yield FigureEntry(
                figure,
                article.article,
                claimant=gazette.actors.get(figure.claimant_actor_id or ""),
                about=gazette.actors.get(figure.about_actor_id or ""),
                place=gazette.places.get(figure.place_id or ""),
            )


def mention_counts(facts: Iterable[ArticleFacts], of: str) -> tuple[Counter[str], Counter[str]]:
    """How often the articles mention each actor (`of`="actor_id") or place ("place_id"),
    and in how many articles."""
    mentions: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for article in facts:
        found = [key for m in article.mentions if (key := getattr(m, of))]
        mentions.update(found)
        articles.update(set(found))
    return mentions, articles


def actor_entries(facts: Sequence[ArticleFacts], gazette: Gazette) -> list[ActorEntry]:
    """Actors mentioned in the articles, most mentioned first (then by name)."""
    mentions, articles = mention_counts(facts, "actor_id")
    found = [ActorEntry(gazette.actors[a], n, articles[a]) for a, n in mentions.items()
             if a in gazette.actors]  # fmt: skip
    return sorted(found, key=lambda e: (-e.mentions, e.actor.name))


def place_entries(facts: Sequence[ArticleFacts], gazette: Gazette) -> list[PlaceEntry]:
    """Places named in the articles, most named first (then by name)."""
    mentions, articles = mention_counts(facts, "place_id")
    found = [PlaceEntry(gazette.places[p], n, articles[p]) for p, n in mentions.items()
             if p in gazette.places]  # fmt: skip
    return sorted(found, key=lambda e: (-e.mentions, e.place.name))


def referenced_actors(facts: ArticleFacts, gazette: Gazette) -> tuple[ActorFact, ...]:
    """The actors one article's findings point to, and every actor they belong to, by id."""
    wanted = {m.actor_id for m in facts.mentions}
    wanted |= {q.speaker_actor_id for q in facts.quotes}
    wanted |= {f.claimant_actor_id for f in facts.figures} | {
        f.about_actor_id for f in facts.figures
    }
    wanted |= {a.actor_id for e in facts.events for a in (*e.sources, *e.targets)}
    found: dict[str, ActorFact] = {}
    queue = [a for a in wanted if a]
    while queue:
        actor = gazette.actors.get(queue.pop())
        if actor is not None and actor.id not in found:
            found[actor.id] = actor
            if actor.affiliation:
                queue.append(actor.affiliation)
    return tuple(found[k] for k in sorted(found))


def referenced_places(facts: ArticleFacts, gazette: Gazette) -> tuple[PlaceFact, ...]:
    """The places one article's findings point to, and every place they lie in, by id."""
    wanted = {m.place_id for m in facts.mentions} | {f.place_id for f in facts.figures}
    wanted |= {e.place_id for e in facts.events}
    found = {p: gazette.places[p] for w in wanted for p in gazette.place_chain(w)
             if p in gazette.places}  # fmt: skip
    return tuple(found[k] for k in sorted(found))


def _participants(arguments: Sequence[Argument], gazette: Gazette) -> tuple[Participant, ...]:
    return tuple(
        Participant(a.text, a.start, a.end, gazette.actors.get(a.actor_id or "")) for a in arguments
    )
