"""`Corpus.search`, `Corpus.actor` and `Corpus.place`: the look-ups behind the workbench's
search box and its actor and place pages.

The store says which articles matter (those naming the actor or place, or where it acts,
claims or is quoted); their findings are read as records once and filtered here, so an
actor's page shows the same joined events, figures and quotes as `Corpus.events()` and the
exports. A page covers the most recent `articles` of them; the counts cover all."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rashomon.errors import NotFoundError
from rashomon.facts.entries import event_entries, figure_entries, quote_entries
from rashomon.facts.lookup import ActorDetail, FormerName, PlaceDetail, SearchHit
from rashomon.store.facts import article_facts, gazette
from rashomon.store.incidents import read_incidents
from rashomon.store.lookup import (
    actor_role_articles,
    alias_entries,
    child_place_ids,
    incident_ids_at,
    member_ids,
    mention_articles,
    place_role_articles,
    search_articles,
)

if TYPE_CHECKING:
    from rashomon.api.corpus import Corpus
    from rashomon.extract.actor_dictionary import ActorDictionary


def search(corpus: Corpus, text: str, limit: int, offset: int) -> tuple[list[SearchHit], int]:
    return search_articles(corpus.store, text, limit, offset)


def actor_detail(corpus: Corpus, actor_id: str, articles: int) -> ActorDetail:
    from rashomon.api.reviewing import corrected_events, corrected_figures, corrected_quotes

    names = gazette(corpus.store)
    actor = names.actors.get(actor_id)
    if actor is None:
        raise NotFoundError(f"no actor {actor_id!r} (`rashomon actors` lists them)")
    named = mention_articles(corpus.store, "actor_id", [actor_id])
    ids = _latest(corpus, [a.article_id for a in named], actor_role_articles(corpus.store,
                  actor_id), articles)  # fmt: skip
    facts = article_facts(corpus.store, ids)
    book = corpus.review_book()
    events = corrected_events(event_entries(facts, names), book, names)
    return ActorDetail(
        actor=actor,
        affiliation=names.actors.get(actor.affiliation or ""),
        members=tuple(names.actors[m] for m in member_ids(corpus.store, actor_id)),
        aliases=tuple(alias_entries(corpus.store, actor_id)),
        former_names=_former_names(actor_id),
        mentions=sum(a.mentions for a in named),
        articles=tuple(named[:articles]),
        total_articles=len(named),
        as_source=tuple(e for e in events if any(
            p.actor and p.actor.id == actor_id for p in e.sources)),
        as_target=tuple(e for e in events if any(
            p.actor and p.actor.id == actor_id for p in e.targets)),
        figures=tuple(f for f in corrected_figures(figure_entries(facts, names), book, names)
                      if f.claimant and f.claimant.id == actor_id),
        quotes=tuple(q for q in corrected_quotes(quote_entries(facts, names), book, names)
                     if q.speaker and q.speaker.id == actor_id),
    )  # fmt: skip


def place_detail(corpus: Corpus, place_id: str, articles: int) -> PlaceDetail:
    from rashomon.api.reviewing import corrected_events, corrected_figures

    names = gazette(corpus.store)
    place = names.places.get(place_id)
    if place is None:
        raise NotFoundError(f"no place {place_id!r} (`rashomon places` lists them)")
    within = inside(corpus, place_id)
    named = mention_articles(corpus.store, "place_id", [place_id])
    ids = _latest(corpus, [a.article_id for a in named],
                  place_role_articles(corpus.store, sorted(within)), articles)  # fmt: skip
    facts = article_facts(corpus.store, ids)
    book = corpus.review_book()
    incidents = read_incidents(corpus.store, incident_ids_at(corpus.store, sorted(within)))
    return PlaceDetail(
        place=place,
        within=tuple(names.places[p] for p in names.place_chain(place_id)[1:]
                     if p in names.places),
        contains=tuple(names.places[c] for c in child_place_ids(corpus.store, place_id)),
        mentions=sum(a.mentions for a in named),
        articles=tuple(named[:articles]),
        total_articles=len(named),
        events=tuple(e for e in corrected_events(event_entries(facts, names), book, names)
                     if e.event.place_id in within),
        figures=tuple(f for f in corrected_figures(figure_entries(facts, names), book, names)
                      if f.figure.place_id in within),
        incidents=tuple(corpus.apply_incident_reviews(incidents)),
    )  # fmt: skip


def inside(corpus: Corpus, place_id: str, depth: int = 3) -> set[str]:
    """The place and the places within it (a few levels down)."""
    found, frontier = {place_id}, [place_id]
    for _ in range(depth):
        frontier = [c for p in frontier for c in child_place_ids(corpus.store, p)
                    if c not in found]  # fmt: skip
        found.update(frontier)
    return found


def _latest(corpus: Corpus, named: list[str], acting: list[str], limit: int) -> list[str]:
    """The `limit` most recent of the articles that name it or where it acts."""
    wanted = set(named) | set(acting)
    order = {a.id: (a.published or "", i) for i, a in enumerate(corpus.store.list_articles())}
    return sorted(wanted, key=lambda a: order.get(a, ("", 0)), reverse=True)[:limit]


def _former_names(actor_id: str) -> tuple[FormerName, ...]:
    try:
        actor = _dictionary().get(actor_id)
    except KeyError:
        return ()
    return tuple(FormerName(r.name, r.until) for r in actor.former_names)


@lru_cache(maxsize=1)
def _dictionary() -> ActorDictionary:
    """The packaged actor dictionary (where renamings are dated), read once."""
    from rashomon.extract.actor_dictionary import ActorDictionary

    return ActorDictionary.load()
