"""What story placement and story labels need to know about articles, read off their facts.

An article is about the actors and places it names most, not everything it names: an aside
("Russia, an ally of Assad") would otherwise make every Syria story look alike. Labels lead
with the actor and the town a story's reports name most often (outlets and countries say
little about which story it is).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rashomon.facts import ArticleFacts, Gazette
from rashomon.model import GENERIC_GROUP
from rashomon.reconcile.stories import StoryFeatures

_ACTING_KINDS = ("person", "organisation", "title", "metonym", "nationality", "location")
_LABEL_SKIP = ("media", "state")


def features_of(
    facts: ArticleFacts, gazette: Gazette, incident_story: str | None = None
) -> StoryFeatures:
    body = [m for m in facts.mentions if m.field == "body"]
    actors = salient(Counter(
        m.actor_id for m in body
        if m.actor_id and m.kind in _ACTING_KINDS and m.method != GENERIC_GROUP
    ))  # fmt: skip
    places = salient(Counter(m.place_id for m in body if m.place_id and not m.actor_id))
    generic = {m.actor_id for m in body if m.method == GENERIC_GROUP} - {
        m.actor_id for m in body if m.method != GENERIC_GROUP
    }

    def named(ids: Iterable[str]) -> list[str]:
        return [a for a in ids if a not in generic]

    events = frozenset(
        f"{e.type}|{','.join(named(e.source_actor_ids))}|{','.join(named(e.target_actor_ids))}"
        for e in facts.events
        if named(e.source_actor_ids) or named(e.target_actor_ids)
    )
    article = facts.article
    return StoryFeatures(
        article_id=article.id, text=facts.body, title=article.title,
        published=article.published, actor_ids=actors, place_ids=places, event_keys=events,
        duplicate_of=article.duplicate_of, incident_story=incident_story,
    )  # fmt: skip


def salient(counts: Counter[str], top: int = 6) -> frozenset[str]:
    """The most mentioned keys (named at least twice, or the single most named)."""
    ranked = [key for key, n in counts.most_common(top) if n >= 2]
    return frozenset(ranked or [key for key, _ in counts.most_common(1)])


def story_lead(articles: Iterable[ArticleFacts], gazette: Gazette) -> list[str]:
    """The names a story's label leads with: its most named actor and its most named place
    finer than a country."""
    actors: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for facts in articles:
        for m in facts.mentions:
            if m.field != "body":
                continue
            if m.actor_id:
                actor = gazette.actors.get(m.actor_id)
                if actor is not None and actor.kind not in _LABEL_SKIP:
                    actors[m.actor_id] += 1
            elif m.place_id:
                place = gazette.places.get(m.place_id)
                if place is not None and place.precision != "country":
                    places[m.place_id] += 1
    lead = []
    if actors:
        lead.append(gazette.actor_name(actors.most_common(1)[0][0]) or "")
    if places:
        lead.append(gazette.place_name(places.most_common(1)[0][0]) or "")
    return [name for name in lead if name]
