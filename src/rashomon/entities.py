"""The per-article extraction stage: places, actors, dates, quotes, numbers, events, stored.

Each extractor is a pure function over the parsed Doc; later ones read earlier findings
(quotes need resolved speakers, numbers need quotes for their claimants). Resources
(dictionary, gazetteer, lexicons, phrase matchers) are built once per process; each
article's findings carry a version so that a changed dictionary or model re-extracts.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.article.outlets import OutletDirectory
from rashomon.errors import NotFoundError
from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.extract.actors import ActorMatcher
from rashomon.extract.dates import find_dates
from rashomon.extract.events import EventLexicon, find_events
from rashomon.extract.gazetteer import Gazetteer, country_alpha3
from rashomon.extract.numbers import NumberLexicon, find_numbers
from rashomon.extract.places import find_places
from rashomon.extract.quotes import SpeechVerbs, find_quotes
from rashomon.model import Actor, ActorKind, PlaceMention, PlacePrecision, PublicationDate
from rashomon.nlp import load_docs, model_key
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.entities import ArticleEntities, MentionRow, articles_needing, save_entities

# 2: quotes and numeric claims; 3: events; 4: event targets, states; 5: figures' measure,
# victims, scope and claimant kind; 6: vetted new actors, name mentions, dated roles;
# 7: the CAMEO-derived event lexicon and PLOVER coding of reported events
EXTRACTOR_VERSION = "8"
STAGE = "entities"


@dataclass
class EntityExtractor:
    nlp: Language
    dictionary: ActorDictionary
    gazetteer: Gazetteer
    matcher: ActorMatcher
    speech_verbs: SpeechVerbs
    number_words: NumberLexicon
    outlets: OutletDirectory
    event_words: EventLexicon
    country_codes: dict[str, str]  # ISO alpha-2 (GeoNames) -> alpha-3 (actor dictionary)
    # states the dictionary lacks, by actor id ("state:jpn"): "Japan halted aid" has a doer
    unlisted_states: dict[str, Actor]

    @classmethod
    def build(
        cls, nlp: Language, actor_files: Sequence[Path] = (), event_files: Sequence[Path] = ()
    ) -> EntityExtractor:
        """One extractor per pipeline and dictionary files in a process (building costs ~1 s)."""
        return _build(
            nlp,
            tuple(Path(p).resolve() for p in actor_files),
            tuple(Path(p).resolve() for p in event_files),
        )

    @property
    def version(self) -> str:
        key = (
            f"{EXTRACTOR_VERSION}|{self.dictionary.version}|{self.event_words.version}"
            f"|{model_key(self.nlp)}"
        )
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def extract(
        self,
        article_id: str,
        doc: Doc,
        published: PublicationDate | None,
        captions: Sequence[str] = (),
    ) -> ArticleEntities:
        """Findings for one article; captions contribute places only (they name where)."""
        sentences = _SentenceIndex(doc)
        places = find_places(doc, self.gazetteer)
        setting = [
            code for p in places
            if p.place.precision != PlacePrecision.COUNTRY
            and (code := self.country_codes.get(p.place.country or "")) is not None
        ]  # fmt: skip
        on = published.value if published else None
        found = self.matcher.find(doc, [(p.start, p.end) for p in places], setting, on)
        place_at = {(p.start, p.end): p for p in places}
        rows: list[MentionRow] = []
        for m in found.mentions:
            place = place_at.pop((m.start, m.end), None)
            rows.append(
                MentionRow(m.start, m.end, m.text, m.kind, m.method, *sentences.bounds(m.start),
                           actor_id=m.actor_id, place_id=place.place.id if place else None)
            )  # fmt: skip
        for n in found.names:  # a name, but no actor: kept as evidence of who was named
            rows.append(
                MentionRow(n.start, n.end, n.text, n.kind, "name", *sentences.bounds(n.start))
            )
        for p in place_at.values():
            rows.append(
                MentionRow(p.start, p.end, p.text, "location", "gazetteer",
                           *sentences.bounds(p.start), place_id=p.place.id)
            )  # fmt: skip
        referenced = {m.actor_id for m in found.mentions} | {a.actor_id for a in found.aliases}
        new_ids = {a.id for a in found.new_actors}
        actors: list[tuple[Actor, str]] = [(a, "text") for a in found.new_actors]
        actors += [(self.dictionary.get(i), "dictionary") for i in sorted(referenced - new_ids)]
        caption_places = _caption_places(self, captions)
        rows += [row for row, _ in caption_places]
        used_places = {p.place.id: p.place for p in (*places, *(p for _, p in caption_places))}
        for place in list(used_places.values()):
            for parent in self.gazetteer.parent_chain(place):
                used_places.setdefault(parent.id, parent)
        dates = find_dates(doc, published)
        quotes = find_quotes(doc, found.mentions, verbs=self.speech_verbs, outlets=self.outlets)
        new_kinds = {a.id: a for a in found.new_actors}
        numbers = find_numbers(
            doc, mentions=found.mentions, places=places, dates=dates, quotes=quotes,
            lexicon=self.number_words,
            kind_of=lambda i: self._actor_field(i, new_kinds, "kind"),
        )  # fmt: skip
        events = find_events(
            doc, mentions=found.mentions, places=places, dates=dates, quotes=quotes,
            published=published, lexicon=self.event_words,
            kind_of=lambda i: self._actor_field(i, new_kinds, "kind"),
            affiliation_of=lambda i: self._actor_field(i, new_kinds, "affiliation"),
            place_actor=self._country_actor,
        )  # fmt: skip
        listed = {a.id for a, _ in actors}
        for event in events:  # a country acting only in an event is an actor of the article
            for actor_id in (*event.source_actor_ids, *event.target_actor_ids):
                if actor_id not in listed:
                    listed.add(actor_id)
                    actors.append(self._event_actor(actor_id))
        return ArticleEntities(
            article_id=article_id,
            version=self.version,
            actors=tuple(actors),
            aliases=found.aliases,
            mentions=tuple(sorted(rows, key=lambda r: (r.start, r.end))),
            places=tuple(used_places.values()),
            dates=tuple((d, *sentences.bounds(d.start)) for d in dates),
            quotes=tuple((q, *sentences.bounds(q.start)) for q in quotes),
            numbers=tuple((n, *sentences.bounds(n.start)) for n in numbers),
            events=tuple((e, *sentences.bounds(e.start)) for e in events),
        )

    def _actor_field(self, actor_id: str, new: dict[str, Actor], field: str) -> str | None:
        try:
            actor = (
                new.get(actor_id)
                or self.unlisted_states.get(actor_id)
                or self.dictionary.get(actor_id)
            )
        except (KeyError, NotFoundError):
            return None
        value = getattr(actor, field)
        return str(value) if value is not None else None

    def _country_actor(self, mention: PlaceMention) -> str | None:
        """The state actor for a country named as a place ("experts from Russia"); a
        country the dictionary does not list acts as a `state:` actor of its own."""
        if mention.place.precision != PlacePrecision.COUNTRY:
            return None
        for actor in self.dictionary.lookup(mention.place.name):
            if actor.kind == ActorKind.STATE:
                return actor.id
        alpha3 = country_alpha3().get(mention.place.country or "")
        unlisted = _state_id(alpha3) if alpha3 else None
        return unlisted if unlisted in self.unlisted_states else None

    def _event_actor(self, actor_id: str) -> tuple[Actor, str]:
        state = self.unlisted_states.get(actor_id)
        if state is not None:
            return state, "gazetteer"
        return self.dictionary.get(actor_id), "dictionary"


@lru_cache(maxsize=4)
def _build(
    nlp: Language, actor_files: tuple[Path, ...], event_files: tuple[Path, ...]
) -> EntityExtractor:
    dictionary = ActorDictionary.load(actor_files)
    gazetteer = Gazetteer.load()
    return EntityExtractor(
        nlp,
        dictionary,
        gazetteer,
        ActorMatcher(nlp, dictionary, gazetteer),
        SpeechVerbs.load(),
        NumberLexicon.load(),
        OutletDirectory.load(),
        EventLexicon.load(event_files),
        (codes := _country_codes(dictionary, gazetteer)),
        _unlisted_states(gazetteer, codes),
    )


def _country_codes(dictionary: ActorDictionary, gazetteer: Gazetteer) -> dict[str, str]:
    codes = {}
    for place in gazetteer:
        if place.precision is not PlacePrecision.COUNTRY or not place.country:
            continue
        states = [a for a in dictionary.lookup(place.name) if a.country]
        if states and states[0].country:
            codes[place.country] = states[0].country
    return codes


def _unlisted_states(gazetteer: Gazetteer, listed: dict[str, str]) -> dict[str, Actor]:
    """A state actor for each country with no state in the dictionary, named as GeoNames
    names it, by id; the id is stable ("state:jpn") so stories and merges can count on it."""
    alpha3 = country_alpha3()
    states = {}
    for place in gazetteer:
        code = place.country or ""
        if place.precision is not PlacePrecision.COUNTRY or code in listed or code not in alpha3:
            continue
        actor = Actor(_state_id(alpha3[code]), place.name, ActorKind.STATE, alpha3[code], "GOV")
        states[actor.id] = actor
    return states


def _state_id(alpha3: str) -> str:
    return f"state:{alpha3.lower()}"


def _caption_places(
    extractor: EntityExtractor, captions: Sequence[str]
) -> list[tuple[MentionRow, PlaceMention]]:
    found: list[tuple[MentionRow, PlaceMention]] = []
    for index, doc in enumerate(extractor.nlp.pipe(captions)):
        for p in find_places(doc, extractor.gazetteer):
            row = MentionRow(
                p.start, p.end, p.text, "location", "gazetteer", 0, len(doc.text),
                place_id=p.place.id, field=f"caption:{index}",
            )  # fmt: skip
            found.append((row, p))
    return found


class _SentenceIndex:
    def __init__(self, doc: Doc) -> None:
        self.spans = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [s for s, _ in self.spans]

    def bounds(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return 0, 0
        return self.spans[max(bisect.bisect_right(self.starts, offset) - 1, 0)]


def extract_pending(
    store: Store,
    extractor: EntityExtractor,
    settings: Settings,
    on_done: Callable[[str], None] | None = None,
) -> int:
    """Run the stage on every article without current findings; one transaction each."""
    pending = articles_needing(store, STAGE, extractor.version)
    for start in range(0, len(pending), settings.batch_size):
        batch = pending[start : start + settings.batch_size]
        docs = load_docs(store, extractor.nlp, batch, settings)
        for article_id in batch:
            article, _ = store.get_article(article_id)
            found = extractor.extract(
                article_id, docs[article_id], article.published, article.captions
            )
            save_entities(store, found)
            if on_done:
                on_done(article_id)
    return len(pending)
