"""Find the places an article names and resolve each to one gazetteer entry.

spaCy's small model finds most place names but labels them unreliably in war copy: it tags
"Aleppo" as a nationality or a language in most of the seed articles, "Homs" as an
organisation and "Sheikh Saeed" as a person, and misses districts outright. So candidates
come from three sources: place entities (GPE, LOC, FAC); mislabelled entities whose text is
a gazetteer name and not a nationality word; and a scan of running text for the project's
own places. Nationality words ("Syrian", "Russian air force") are never places.

Names are then resolved against the article as a whole: a name means the same place
throughout one article; places in the countries the article mentions most win; a district
whose city the article names beats a namesake elsewhere. Metonymic capitals ("Damascus and
its Russian ally") stay place mentions here: deciding metonymy is a later layer's job.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.gazetteer import Candidate, Gazetteer, NameScanner, fold
from rashomon.extract.names import normalise_name as _normalise_name
from rashomon.extract.names import transliteration_key
from rashomon.extract.new_actors import NameCues
from rashomon.model import DESCRIBED_PLACE_PREFIX, Place, PlaceMention, PlacePrecision

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model puts on place names; accepted only with gazetteer evidence. Names
# ending "-sk" or "-ovo" it often takes for products or works ("Kramatorsk", PRODUCT).
MISLABELS = frozenset({"NORP", "LANGUAGE", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
# A name spaCy gave only other labels needs a big city behind it (or a curated entry or a
# country): "Clinton" the person is not Clinton, Iowa.
MISLABEL_MIN_POPULATION = 100_000
SHORT_NAME = 3
_PLACELIKE = frozenset({"NORP", "LANGUAGE"})
# The Arabic article as transliterations write it, assimilated or not ("al", "az", "ash").
_ARABIC_ARTICLES = frozenset(
    {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "es", "er", "ez"}
)
# A name found only as a GeoNames alternate needs a city this big or this share of the
# article's country mentions.
ALTERNATE_MIN_POPULATION = 250_000
ALTERNATE_MIN_SHARE = 0.1
# A city this big that the article tags a place once is that place wherever it is named.
BIG_CITY_POPULATION = 1_000_000

# Words around a name that qualify it without being part of it: "eastern Aleppo",
# "Aleppo city". Tried only when the whole span is not a known name ("East Jerusalem" is).
_QUALIFIERS = frozenset({
    "east", "eastern", "west", "western", "north", "northern", "south", "southern", "central",
    "northeast", "northeastern", "northwest", "northwestern", "southeast", "southeastern",
    "southwest", "southwestern", "greater", "downtown", "rural", "besieged", "rebel-held",
    "opposition-held", "government-held", "regime-held", "occupied", "war-torn", "war-ravaged",
})  # fmt: skip
_GENERIC_NOUNS = frozenset({
    "province", "governorate", "city", "town", "village", "district", "region", "countryside",
    "area", "suburb", "suburbs", "neighbourhood", "neighborhood", "outskirts",
})  # fmt: skip
_REGION_CUE = re.compile(
    r"\b(province|governorate|countryside|region|oblast) of\s+\Z", re.IGNORECASE
)
# "Idlib and Aleppo provinces", "Donetsk and Luhansk regions", "Borno and Yobe states":
# each name is a region's (where the gazetteer knows "<name> <noun>" as one)
_REGIONS_AFTER = re.compile(
    r"\A(?:\s*,?\s+(?:and|or)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)?"
    r"\s+(province|governorate|region|oblast|state)s\b"
)
# The nouns a region cue adds to a span's key ("ghazni province"): the text itself says the
# name is a region's, so one NER mislabelled is still a place (see _credible_mislabel)
_CUED_REGION_NOUNS = frozenset({"province", "governorate", "region", "oblast", "state"})
# "the town of Houla", "the central village Taldou", "the Golan Heights town of Majdal
# Shams", "the rebel-held town of Saraqeb": a place noun says the name is a place,
# whatever label the model gave it
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:the|a)\s+(?:[\w'\u2019-]+\s+){0,3}(?:town|village|city|district|neighbou?rhood|suburb)"
    r"(?:\s+of)?(?:\s+the)?\s+\Z",  # "the town of the Majdal Shams" (a stray "the")
    re.IGNORECASE,
)
# "a mall in Kremenchuk", "near Izium": something is somewhere. People are rarely "in" or
# "near" anyone, so a big city's name after these is no person whatever the model's tag
# (not before "'s": "in Putin's Russia")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around)\s+\Z", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")  # match() anchors at the name's end
# "pro-Damascus media", "anti-Ankara rebels": the name says whose side, not where
_ALLEGIANCE = re.compile(r"\b(?:pro|anti)[-\u2010\u2011]\Z", re.IGNORECASE)
# "the Houla massacre", "Bucha killings", "the Sanaa attack": a name set before an act of
# violence says where it happened; people and groups are rarely named so. Nouns that are
# also verbs ("attacks", "strikes") count only after "the": "Israel strikes Gaza" is a
# headline's verb, not a strike's name.
_ACT_NOUN_AFTER = re.compile(
    r"\s+(?:massacres?|killings|bombings?|shelling|bombardment|air\s?strikes?|blasts?"
    r"|explosions?|siege)\b",
    re.IGNORECASE,
)
_ACT_VERB_NOUN_AFTER = re.compile(r"\s+(?:attacks?|strikes?|raids?|ambush)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_ACT_BEFORE = re.compile(
    r"\b(?:massacres?|killings|bombings?|shelling|bombardment|air\s?strikes?|attacks?"
    r"|strikes?|raids?)\s+(?:on|of|in)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _side_named(text: str, start: int) -> bool:
    """The name at `start` follows "pro-" or "anti-"."""
    return _ALLEGIANCE.search(text, max(0, start - 5), start) is not None


_LEADING_THE = re.compile(r"(?i)the\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?\Z")
_EDGE_JUNK = "\"'“”‘’«»()[]{},;:!?–—- \n\t"

# Resolution scores, heaviest first: the article's countries, a parent the article names,
# then how well the name fits (tier, own name or alternate, curated), precision and size.
_CONTEXT_WEIGHT = 2.0
_PARENT_BONUS = 1.5
_TIER_PRIOR = (1.0, 0.6, 0.0)
_LOOSE_TIER = 2  # the gazetteer's transliteration-blind tier
_MAIN_NAME_PRIOR = 0.5
_CURATED_PRIOR = 0.3
_POPULATION_SCALE = 5.0  # log10 of the population over this: 2M people give 1.26
_PRECISION_PRIOR = {
    PlacePrecision.COUNTRY: 1.0,
    PlacePrecision.REGION: 1.2,  # regions carry no population: as if a large city
    PlacePrecision.CITY: 0.3,
    PlacePrecision.DISTRICT: 0.5,
    PlacePrecision.POINT: 0.5,
}


@dataclass
class _Span:
    """A stretch of text that may name a place, with what the gazetteer offers for it."""

    start: int
    end: int
    candidates: list[Candidate]
    source: str  # "entity" (GPE/LOC/FAC), "phrase" (scanner), "mislabel", "cued", "repeat"
    key: str  # the folded name: one article, one meaning per name
    label: str = ""  # spaCy's label, when an entity
    cued: bool = False  # a place noun names it: "the town of X", "the village X"
    located: bool = False  # a locative preposition leads to it: "a mall in X", "near X"
    acted: bool = False  # it names where an act was: "the Houla massacre"

    @property
    def length(self) -> int:
        return self.end - self.start


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions in `doc`, in text order, with doc character offsets."""
    text = doc_text(doc)
    entity_spans = list(_entity_spans(doc, text, gazetteer))
    phrase_spans = list(_phrase_spans(doc, text, gazetteer))
    cued_spans = list(_cued_spans(doc, text, gazetteer))
    spans = _select([*phrase_spans, *entity_spans, *cued_spans])
    resolved = _on_land(text, _Resolver(doc, gazetteer, spans).resolve())
    resolved += _described_settlements(doc, text, gazetteer, resolved)
    resolved += _on_land(text, _repeats(doc, text, gazetteer, resolved))
    resolved += _on_land(text, _misspelt(doc, text, gazetteer, resolved))
    return sorted(
        (
            PlaceMention(start=s.start, end=s.end, text=text[s.start : s.end], place=c.place)
            for s, c in resolved
        ),
        key=lambda m: (m.start, m.end),
    )


def _on_land(text: str, found: Iterable[tuple[_Span, Candidate]]) -> list[tuple[_Span, Candidate]]:
    """Resolved spans less those inside a sea's name (see _in_water_name): checked before
    repeats are looked for, so "the Gulf of Aden" seeds no other "Aden"."""
    return [(s, c) for s, c in found if not _in_water_name(text, s.start, s.end)]


# "the Gulf of Aden", "the Sea of Azov", "the Strait of Hormuz": a sea named after a place
# is not that place (Aden the city, Azov the town); nor is its "Gulf" the Persian Gulf
_WATER_OF_BEFORE = re.compile(r"\b(?:Gulf|Bay|Sea|Straits?)\s+of\s+(?:the\s+)?$")
_WATER_WORD = re.compile(r"^(?:the\s+)?(?:Gulf|Bay|Sea|Straits?)$", re.IGNORECASE)
_OF_A_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _in_water_name(text: str, start: int, end: int) -> bool:
    """Whether the span is the place or the water word of a "Gulf of X" sea name."""
    if _WATER_OF_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    return bool(_WATER_WORD.match(text[start:end]) and _OF_A_NAME_AFTER.match(text, end))


# -- candidate spans -------------------------------------------------------------------------


def _entity_spans(doc: Doc, text: str, gazetteer: Gazetteer) -> Iterator[_Span]:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            source = "entity"
        elif ent.label_ in MISLABELS:
            source = "mislabel"
        else:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end or gazetteer.is_demonym(text[start:end]):
            continue
        if not (text[start].isupper() or text[start].isdigit()):
            continue  # "tina", "north": a proper name is capitalised
        found = _name_within(text, start, end, gazetteer)
        if found is not None:
            start, end, candidates = found
            span = _span(text, start, end, candidates, source, gazetteer)
            if span is not None:
                span.label = ent.label_
                span.cued = _PLACE_NOUN_BEFORE.search(text, max(0, start - 40), start) is not None
                span.located = (
                    _LOCATIVE_BEFORE.search(text, max(0, start - 10), start) is not None
                    and _POSSESSIVE_AFTER.match(text, end) is None
                )
                span.acted = _names_an_act(text, start, end)
                yield span


def _names_an_act(text: str, start: int, end: int) -> bool:
    """Whether the name at start..end is the where of an act of violence named after it
    ("the Houla massacre") or before it ("an attack on Majdal Shams")."""
    if _ACT_NOUN_AFTER.match(text, end) or _ACT_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(
        _ACT_VERB_NOUN_AFTER.match(text, end) and _THE_BEFORE.search(text, max(0, start - 5), start)
    )


# "Hroza in Kharkiv Oblast", tagged as one organisation: a name the text sets in a place
# ("X in", "X near") is no organisation's own name, and the place is named all the same
_LOCATED_INSIDE = re.compile(r"\s(?:in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATED_AFTER = re.compile(r",?\s+(?:in|near|outside)\s", re.IGNORECASE)


def _phrase_spans(doc: Doc, text: str, gazetteer: Gazetteer) -> Iterator[_Span]:
    """Project places in running text, unless inside a longer non-place entity.

    "Douma" inside "the Douma Revolutionary Council" names an organisation, not the town;
    "Kharkiv Oblast" inside "Hroza in Kharkiv Oblast" (an unknown village and where it
    lies, tagged as one name) is the region.
    """
    blockers = _other_entities(doc)
    for start, end in gazetteer.phrase_scanner.find(text):
        if any(b_start <= start and end <= b_end and (b_start, b_end) != (start, end)
               and not _LOCATED_INSIDE.search(text[b_start:start])
               for b_start, b_end in blockers):  # fmt: skip
            continue
        span = _span(text, start, end, gazetteer.lookup(text[start:end]), "phrase", gazetteer)
        if span is not None:
            yield span


# The nouns of a settlement (not "city": a city the gazetteer lacks is more often misspelt
# than unknown, so `_VILLAGE_OF` leaves it out; `_SETTLEMENT_OF` takes it and "port")
_VILLAGE_NOUN = r"(?:village|town|hamlet|settlement)"
# "the city of Uman", "the village of Hroza", "the Yemeni port city of Hodeidah", "the port
# of Hodeidah": a settlement noun and "of" before a name
_SETTLEMENT_OF = re.compile(
    rf"\b(?:the|a)\s+(?:[\w-]+\s+){{0,2}}(?:{_VILLAGE_NOUN}|city|port)\s+of\s+"
    r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)
_SETTLEMENTS = (PlacePrecision.CITY, PlacePrecision.DISTRICT, PlacePrecision.POINT)
# "in downtown Uman", "In Uman, firefighters ...": a locative before a name the model left
# untagged; only a town of some size, since "in X" also leads to people and groups.
# "on the outskirts of X" leads to nothing but a place: there a name the model took for a
# person's ("Zaporozhye") is the town's.
_LOCATED_NAME = re.compile(
    r"\b(?:(?P<edge>(?:outskirts|suburbs)\s+of)|[Ii]n|near|outside|around)\s+"
    r"(?:(?:downtown|central|northern|southern|eastern|western)\s+)?"
    r"(?P<name>[A-Z][\w'\u2019-]+)(?!['\u2019]s\b)"
)
LOCATED_MIN_POPULATION = 50_000


def _cued_spans(doc: Doc, text: str, gazetteer: Gazetteer) -> Iterator[_Span]:
    """Names the model left untagged that the text itself sets as places: after "the city
    of", "the village of" (any settlement the gazetteer has by that name: "a Russian
    missile in the city of Uman"), or after a locative ("in downtown Uman", a town of
    LOCATED_MIN_POPULATION or more under its own name). Never inside an entity of another
    kind; the resolver keeps them only in a country the text names."""
    blockers = _other_entities(doc)
    for match in _SETTLEMENT_OF.finditer(text):
        words = list(re.finditer(r"\S+", match.group(1)))
        for n in range(len(words), 0, -1):  # the longest name the gazetteer knows
            start, end = match.start(1), match.start(1) + words[n - 1].end()
            found = [c for c in gazetteer.lookup(text[start:end])
                     if c.place.precision in _SETTLEMENTS]  # fmt: skip
            if found:
                break
        else:
            continue
        if any(a < end and start < b for a, b in blockers):
            continue
        span = _span(text, start, end, found, "cued", gazetteer)
        if span is not None:
            span.cued = True
            yield span
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    for match in _LOCATED_NAME.finditer(text):
        start, end = match.span("name")
        found = [c for c in gazetteer.lookup(text[start:end])
                 if c.place.precision in _SETTLEMENTS and c.tier == 0
                 and c.place.population >= LOCATED_MIN_POPULATION
                 and (c.main or c.place.population >= ALTERNATE_MIN_POPULATION)]  # fmt: skip
        ignored = persons if match.group("edge") else []
        if not found or any(a < end and start < b for a, b in blockers if (a, b) not in ignored):
            continue
        span = _span(text, start, end, found, "cued", gazetteer)
        if span is not None:
            span.located = True
            yield span


def _other_entities(doc: Doc) -> list[tuple[int, int]]:
    """Where the model saw names of other kinds than places (people, organisations ...)."""
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ not in PLACE_LABELS]


def _span(
    text: str, start: int, end: int, candidates: list[Candidate], source: str, gazetteer: Gazetteer
) -> _Span | None:
    """A candidate span, its candidates narrowed by its length and by a region cue before it.

    In "the province of Idlib" the name is "Idlib" but the place is the governorate: the
    span stays on the name and takes the candidates of "Idlib province", under its own key
    so that a bare "Idlib" elsewhere in the article can still be the city.
    """
    name = text[start:end]
    if _side_named(text, start):
        return None
    cue = _REGION_CUE.search(text, max(0, start - 30), start) or _REGIONS_AFTER.match(
        text[end : end + 60]
    )
    if cue:
        regions = gazetteer.lookup(f"{name} {cue.group(1).lower()}")
        loose = all(c.tier >= _LOOSE_TIER for c in regions)  # see _name_within
        if any(c.place.precision is PlacePrecision.REGION for c in regions) and not (
            loose and any(c.tier < _LOOSE_TIER for c in candidates)
        ):
            candidates, name = regions, f"{name} {cue.group(1).lower()}"
    key = fold(name)
    candidates = _fit_for_short_name(key, candidates)
    return _Span(start, end, candidates, source, key) if candidates else None


def _fit_for_short_name(key: str, candidates: list[Candidate]) -> list[Candidate]:
    """Names of three letters or fewer only for countries and curated entries.

    GeoNames has towns called Pa, Wa, Man and Un; in English text those are abbreviations
    and words. "US", "UK" and "Pa." (Pennsylvania) stay.
    """
    if len(key.replace(" ", "")) > SHORT_NAME:
        return candidates
    return [c for c in candidates if c.curated or c.place.precision is PlacePrecision.COUNTRY]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the", a trailing possessive, quotes or punctuation."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    leading = _LEADING_THE.match(text, start, end)
    if leading:
        start = leading.end()
    possessive = _TRAILING_POSSESSIVE.search(text[start:end])
    if possessive and end - start > 2:
        end = start + possessive.start()
    return start, end


def _name_within(
    text: str, start: int, end: int, gazetteer: Gazetteer
) -> tuple[int, int, list[Candidate]] | None:
    """The whole span if it is a known name, else it without qualifiers or generic nouns.

    A whole span known only by its transliteration-blind key ("Saada province" meeting
    "Suwayda province") gives way to the name without its generic noun when that name is
    known as written ("Saada"): a loose key must not outbid an exact one.
    """
    candidates = gazetteer.lookup(text[start:end])
    if candidates and min(c.tier for c in candidates) < _LOOSE_TIER:
        return start, end, candidates
    loose = (start, end, candidates) if candidates else None
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() in _GENERIC_NOUNS:
        words.pop()
    while len(words) > 1 and text[words[0][0] : words[0][1]].lower() in _QUALIFIERS:
        words.pop(0)
    if not words or (words[0][0], words[-1][1]) == (start, end):
        return loose
    inner_start, inner_end = _trim(text, words[0][0], words[-1][1])
    if inner_start >= inner_end or gazetteer.is_demonym(text[inner_start:inner_end]):
        return loose
    inner = gazetteer.lookup(text[inner_start:inner_end])
    if loose and not (inner and min(c.tier for c in inner) < _LOOSE_TIER):
        return loose
    return (inner_start, inner_end, inner) if inner else None


_SOURCE_RANK = {"entity": 0, "phrase": 1, "mislabel": 2, "cued": 3}


def _select(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans, longest first; a scanner match equal to an entity is the entity,
    and a cued name equal to a mislabelled one is the cued name.

    A phrase match that spaCy also tagged as GPE/LOC/FAC counts as an entity (strong), so
    the context rules for single-word district names do not apply to it.
    """
    entity_labels = {(s.start, s.end): s.label for s in spans if s.source == "entity"}
    for span in spans:
        if span.source == "phrase" and (span.start, span.end) in entity_labels:
            span.source, span.label = "entity", entity_labels[(span.start, span.end)]
    # a name the text sets as a place where only a place can stand ("on the outskirts of
    # Zaporozhye") is one, whatever other label the model gave it
    cued = {(s.start, s.end) for s in spans if s.source == "cued"}
    spans = [s for s in spans if s.source != "mislabel" or (s.start, s.end) not in cued]
    chosen: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-s.length, _SOURCE_RANK[s.source], s.start)):
        if all(span.end <= a or b <= span.start for a, b in taken):
            chosen.append(span)
            taken.append((span.start, span.end))
    return chosen


# -- resolution --------------------------------------------------------------------------------


def _prior(candidate: Candidate) -> float:
    """How likely a place is for a name before reading the article."""
    place = candidate.place
    return (
        _TIER_PRIOR[candidate.tier]
        + (_MAIN_NAME_PRIOR if candidate.main else 0.0)
        + (_CURATED_PRIOR if candidate.curated else 0.0)
        + _PRECISION_PRIOR[place.precision]
        + math.log10(place.population + 1) / _POPULATION_SCALE
    )


class _Resolver:
    """Picks one candidate per name, using what the whole article mentions."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, spans: list[_Span]) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.groups: dict[str, list[_Span]] = defaultdict(list)
        for span in spans:
            self.groups[span.key].append(span)

    def resolve(self) -> list[tuple[_Span, Candidate]]:
        preliminary = {
            key: max(group[0].candidates, key=_prior) for key, group in self.groups.items()
        }
        shares = self._country_shares(preliminary)
        resolved: list[tuple[_Span, Candidate]] = []
        for key, group in self.groups.items():
            mentioned = self._mentioned_ids(preliminary, exclude=key)
            best = max(
                group[0].candidates,
                key=lambda c: (
                    _prior(c)
                    + _CONTEXT_WEIGHT * shares.get(c.place.country or "", 0.0)
                    + self._parent_bonus(c, mentioned)
                ),
            )
            own = shares
            cued = all(s.source == "cued" for s in group)
            if cued or (not best.main and not best.curated):  # its own mentions are no context
                own = self._country_shares(preliminary, exclude=key)
            if cued and not own.get(best.place.country or "", 0.0):
                continue  # a town only "the town of" found, in a country the text never names
            if not _group_is_place(group, best, own):
                continue
            if self._names_a_building_elsewhere(group, best, preliminary, key):
                continue
            resolved.extend((span, best) for span in group if self._accept(span, best, mentioned))
        return resolved

    def _country_shares(
        self, preliminary: dict[str, Candidate], exclude: str | None = None
    ) -> dict[str, float]:
        """Each country's share of the article's place names and nationality words.

        `exclude` leaves one name out: "Yelenovka", a GeoNames alternate of a town in
        Armenia, must not make an article about Donetsk an Armenian one by itself.

        A name inside a country counts 1 per mention (0.5 when its country is uncertain);
        a country's own name counts 0.5, because a story about what Washington says is not
        a story set in the United States; a nationality word counts 0.5.
        """
        weights: Counter[str] = Counter()
        for key, group in self.groups.items():
            best = preliminary[key]
            if key == exclude:
                continue
            if all(s.source == "mislabel" for s in group) and not _credible_mislabel(best, key):
                continue
            countries = {c.place.country for c in group[0].candidates}
            weight = 1.0 if len(countries) == 1 else 0.5
            if best.place.precision is PlacePrecision.COUNTRY:
                weight = 0.5
            if best.place.country:
                weights[best.place.country] += weight * len(group)
        for word in doc_arrays(self.doc).text:  # `Token.is_alpha` is `str.isalpha()`
            if word.isalpha() and word[:1].isupper():
                country = self.gazetteer.demonym_country(word)
                if country:
                    weights[country] += 0.5
        total = sum(weights.values())
        return {country: weight / total for country, weight in weights.items()} if total else {}

    def _mentioned_ids(self, preliminary: dict[str, Candidate], exclude: str) -> set[str]:
        """Ids of the places the article's other names point to, and the cities they are in.

        Only cities, not regions, are implied: sharing a US state with "Clinton" must not
        pull "Damascus" to Maryland. Names seen only as mislabelled entities do not count.
        """
        ids: set[str] = set()
        for key, candidate in preliminary.items():
            if key == exclude or all(s.source == "mislabel" for s in self.groups[key]):
                continue
            ids.add(candidate.place.id)
            ids.update(
                p.id
                for p in self.gazetteer.parent_chain(candidate.place)
                if p.precision in (PlacePrecision.CITY, PlacePrecision.DISTRICT)
            )
        return ids

    def _parent_bonus(self, candidate: Candidate, mentioned: set[str]) -> float:
        """A place inside a city the article names gets the full bonus, inside a region half.

        So "Hamdaniya" in a story about Aleppo is the Aleppo district, and "Parkland" next to
        "Florida" is the Florida town.
        """
        for parent in self.gazetteer.parent_chain(candidate.place):
            if parent.precision is PlacePrecision.COUNTRY:
                break  # the country is the context score's business
            if parent.id in mentioned:
                return _PARENT_BONUS / (2 if parent.precision is PlacePrecision.REGION else 1)
        return 0.0

    def _names_a_building_elsewhere(
        self, group: list[_Span], best: Candidate, preliminary: dict[str, Candidate], key: str
    ) -> bool:
        """ "al-Thawra hospital" in an article set in Yemen: a name the model never tagged
        as a place (the scan of the project's names finds it), each time before a building's
        noun, names that building, not a town (here Tabqa's other name) of a country the
        rest of the article never names."""
        if any(s.source not in ("mislabel", "phrase") or s.cued or s.located for s in group):
            return False
        heads = NameCues.load().building_heads
        text = doc_text(self.doc)
        if not all(_next_word(text, s.end) in heads for s in group):
            return False
        others = self._country_shares(preliminary, exclude=key)
        return bool(others) and not others.get(best.place.country or "", 0.0)

    def _accept(self, span: _Span, best: Candidate, mentioned: set[str]) -> bool:
        # "Ansari" is a district of Aleppo only in an article about Aleppo.
        if (
            span.source == "phrase"
            and " " not in span.key
            and best.place.precision in (PlacePrecision.DISTRICT, PlacePrecision.POINT)
        ):
            return self._parent_bonus(best, mentioned) > 0
        return True


_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")


def _next_word(text: str, end: int) -> str:
    """The word right after a name, lower-cased ("" when none)."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


def _group_is_place(group: list[_Span], best: Candidate, shares: dict[str, float]) -> bool:
    """Whether the mentions of one name in one article name a place at all.

    The article votes with spaCy's labels: "Tyler" tagged a person more often than a place
    is a person, unless the name is a country or a curated place. A name only ever given
    other labels needs a credible place behind it. A name that reached its place only
    through a GeoNames alternate ("Chen" for Chenzhou) needs a big city or the article's
    context.
    """
    place = best.place
    sure = best.curated or place.precision is PlacePrecision.COUNTRY
    cued = any(s.cued for s in group)  # "the town of X" outvotes the person tags
    # "a mall in X" outvotes them for a name that is surely a place on its own
    located = any(s.located for s in group) and _credible_mislabel(best, group[0].key)
    # "the Houla massacre" outvotes them for a place in a country the article is about
    acted = any(s.acted for s in group) and (
        shares.get(place.country or "", 0.0) >= ALTERNATE_MIN_SHARE
    )
    place_votes = sum(s.source in ("entity", "phrase", "cued") or s.cued for s in group)
    person_votes = sum(s.label == "PERSON" for s in group)
    # The small model's nationality/language tags on "Aleppo" still say "not a person".
    if person_votes > place_votes + sum(s.label in _PLACELIKE for s in group) and not (
        sure or cued or located or acted or (place_votes and _big_city_of_the_story(best, shares))
    ):
        return False
    if not sure and not best.main:
        share = shares.get(place.country or "", 0.0)
        if place.population < ALTERNATE_MIN_POPULATION and share < ALTERNATE_MIN_SHARE:
            return False
    if place_votes:
        return True
    non_person = any(s.label != "PERSON" for s in group)
    return located or acted or (_credible_mislabel(best, group[0].key) and (non_person or sure))


def _big_city_of_the_story(best: Candidate, shares: dict[str, float]) -> bool:
    """A city of a million people or more, by its own name, in a country the article is
    about: the model's person tags on most of its mentions ("mourners in southern Sanaa")
    do not outvote one place tag, as they do for "Tyler" or "Clinton"."""
    place = best.place
    return (
        best.tier == 0
        and best.main
        and place.precision is PlacePrecision.CITY
        and place.population >= BIG_CITY_POPULATION
        and shares.get(place.country or "", 0.0) >= ALTERNATE_MIN_SHARE
    )


def _credible_mislabel(best: Candidate, key: str) -> bool:
    """Whether a name NER gave another label is still surely a place, on its own.

    Regions are not: "The Atlantic" is a magazine and "Georgia" a first name; unless the
    text calls the name a region's ("the province of Ghazni", "Ghazni province"). The name must
    be the place's main name, unless it writes the Arabic article: "Dayr al-Zawr" (a GeoNames
    alternate of Deir ez-Zor, or "Dayr az-Zawr" with the article written another way) is no
    English first name like the alternate "Chen" for Chenzhou, yet the small model tags such
    names as people throughout an article.
    """
    place = best.place
    named_a_region = best.curated and key.rsplit(" ", 1)[-1] in _CUED_REGION_NOUNS
    return (
        ((best.tier == 0 and best.main) or (best.tier <= 1 and _writes_article(key)))
        and (place.precision is not PlacePrecision.REGION or named_a_region)
        and (
            best.curated
            or place.precision is PlacePrecision.COUNTRY
            or place.population >= MISLABEL_MIN_POPULATION
        )
    )


def _writes_article(key: str) -> bool:
    """Whether a folded name has an Arabic article between its words ("dayr al zawr").

    A leading article does not count: "Al Quds" (a hospital here) is an alternate name of
    Jerusalem, and "Al-" starts many names of organisations and people.
    """
    words = key.split()
    return any(w in _ARABIC_ARTICLES for w in words[1:-1])


def _repeats(
    doc: Doc, text: str, gazetteer: Gazetteer, resolved: list[tuple[_Span, Candidate]]
) -> list[tuple[_Span, Candidate]]:
    """Other occurrences of names already resolved in this article.

    spaCy leaves a third of the seeds' "Aleppo"s untagged; once the article has used a name
    for a place, every other capitalised occurrence outside another entity is the same place.
    """
    by_key = {span.key: candidate for span, candidate in resolved}
    if not by_key:
        return []
    taken = [(span.start, span.end) for span, _ in resolved]
    # An entity running across a line break is a tagging slip, not a name that hides one.
    blockers = [
        (e.start_char, e.end_char) for e in doc.ents if "\n" not in text[e.start_char : e.end_char]
    ]
    found: list[tuple[_Span, Candidate]] = []
    scanner = NameScanner(text[span.start : span.end] for span, _ in resolved)
    for start, end in scanner.find(text):
        key = fold(text[start:end])
        if key not in by_key or _overlaps(start, end, taken):
            continue
        if _side_named(text, start):
            continue
        if any(_overlaps(start, end, [b]) and (start, end) != b for b in blockers):
            continue
        found.append((_Span(start, end, [by_key[key]], "repeat", key), by_key[key]))
        taken.append((start, end))
    return found


def _misspelt(
    doc: Doc, text: str, gazetteer: Gazetteer, resolved: list[tuple[_Span, Candidate]]
) -> list[tuple[_Span, Candidate]]:
    """One-word GPE and LOC names the gazetteer does not know that are a city of the
    article's own country misspelt by one letter ("Kramatosk" in a story set in Ukraine):
    the country most of the article's resolved places lie in, and one such city only."""
    countries = Counter(
        c.place.country
        for _, c in resolved
        if c.place.country and c.place.precision is not PlacePrecision.COUNTRY
    )
    if not countries:
        return []
    country = countries.most_common(1)[0][0]
    taken = [(span.start, span.end) for span, _ in resolved]
    found: list[tuple[_Span, Candidate]] = []
    guessed: dict[str, Candidate | None] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or len(ent) != 1 or not ent.text[:1].isupper():
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        name = text[start:end]
        if _overlaps(start, end, taken) or gazetteer.lookup(name) or gazetteer.is_demonym(name):
            continue
        key = fold(name)
        if key not in guessed:
            near = gazetteer.near(name, country)
            guessed[key] = Candidate(near[0], 2, False) if len(near) == 1 else None
        candidate = guessed[key]
        if candidate is not None:
            found.append((_Span(start, end, [candidate], "misspelt", key), candidate))
            taken.append((start, end))
    return found


# -- settlements the text describes ------------------------------------------------------

# A name's words: capitalised, or a lower-case Arabic article joined to one ("al-Foua")
_NAME_WORD_PATTERN = r"(?:(?:al|el|ad|as|ash|an|ar|at|az)-)?[A-Z][\w'\u2019-]*"
_NAME_WORD = re.compile(_NAME_WORD_PATTERN)


def _village_noun(words: int) -> str:
    """A settlement noun (`_VILLAGE_NOUN`) with up to `words` words before it ("a small
    village")."""
    return rf"(?:[\w'\u2019-]+\s+){{0,{words}}}{_VILLAGE_NOUN}"


# "the village of Moura", "the small town of Hroza": a definite settlement noun and "of"
# before a name ("a town of Fulani" is a town of that people, not one named so)
_VILLAGE_OF = re.compile(rf"\b[Tt]he\s+{_village_noun(2)}\s+of\s+(?={_NAME_WORD_PATTERN})")
_DIRECTIONS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)"
# "Moura, a village in central Mali", "Hroza, a small village near Kupiansk"
_VILLAGE_AFTER = re.compile(
    rf",\s+an?\s+{_village_noun(3)}\s+(?:in|near|outside|on|{_DIRECTIONS})\b"
)
# What may lie between a settlement's name and the place it lies in: "X in central Y",
# "X, a village near Y", "X in the Y countryside"
_LIES_IN = re.compile(
    rf"\A(?:,?\s+an?\s+{_village_noun(3)})?,?\s+(?:in|near|outside|of|{_DIRECTIONS})"
    r"(?:\s+of)?\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}\Z"
)
_MAX_NAME_WORDS = 3
_NAME_BEFORE = re.compile(
    rf"(?<![\w'\u2019-])(?:{_NAME_WORD_PATTERN}\s){{0,{_MAX_NAME_WORDS - 1}}}{_NAME_WORD_PATTERN}\Z"
)
# Capitalised words of grammar that begin a sentence before a name ("In Moura, ...")
_NOT_NAME_WORDS = frozenset(
    {"the", "in", "at", "on", "near", "from", "and", "of", "to", "a", "an", "by", "for", "with"}
)


def _described_settlements(
    doc: Doc, text: str, gazetteer: Gazetteer, resolved: list[tuple[_Span, Candidate]]
) -> list[tuple[_Span, Candidate]]:
    """Villages the gazetteer does not hold, where the text says what they are: "the
    village of Moura", "Moura, a village in central Mali". Each becomes a place of its own
    (`DESCRIBED_PLACE_PREFIX`) inside the place the text sets it in right after its name ("in
    central Mali", "in Kharkiv Oblast"); its point is that parent's, as nothing finer is
    known. A village whose setting the text does not give stays unplaced: set in the
    country the article is about, it would stand beside the region another report names,
    and the two reports could not meet (FA-KES: the article's region or country as the
    setting cost an update on one half or the other). Its id is its name's
    transliteration key within the country, so "Jisreen" and "Jisrin" of two articles are
    one village and reports of it can meet. Never a name the gazetteer knows (the resolver has
    decided those) or one inside a longer entity."""
    taken = [(span.start, span.end) for span, _ in resolved]
    entities = [(e.start_char, e.end_char) for e in doc.ents]
    cues = NameCues.load()
    heads = cues.place_nouns | cues.building_heads | cues.group_heads | cues.description_heads
    found: list[tuple[_Span, Candidate]] = []
    made: dict[str, Candidate] = {}
    for start, end in _settlement_names(text):
        # "the village of Moura Human Rights Watch visited": the name stops where another starts
        cut = min([end, *(a for a, _ in entities if start < a < end)])
        name = text[start:cut].rstrip()
        end = start + len(name)
        if any(w.lower() in heads for w in name.split()[1:]):
            continue  # the name of a council, a hospital, a brigade: not the village's own
        key = fold(name)
        if _overlaps(start, end, taken) or gazetteer.lookup(name) or gazetteer.is_demonym(name):
            continue
        if any(start < b and end < b and not _LOCATED_AFTER.match(text, end)
               for a, b in entities if a < end):  # fmt: skip
            continue  # part of a longer name: "the town of Douma Revolutionary Council"
        candidate = made.get(key)
        if candidate is None:
            parent = _setting_of(text, end, resolved)
            if parent is None:
                continue
            near = gazetteer.near(_normalise_name(name), parent.country or "")
            if len(near) == 1:  # "the town of Kramatosk": Kramatorsk, a letter left out
                candidate = Candidate(near[0], 2, False)
            else:
                candidate = Candidate(_described_place(name, parent), 0, True)
            made[key] = candidate
        found.append((_Span(start, end, [candidate], "described", key), candidate))
        taken.append((start, end))
    return found


def _settlement_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of names a settlement noun describes, before or after them."""
    for match in _VILLAGE_OF.finditer(text):
        yield _name_from(text, match.end())
    for match in _VILLAGE_AFTER.finditer(text):
        start = _name_start_before(text, match.start())
        if start is not None:
            yield start, match.start()


def _name_from(text: str, start: int) -> tuple[int, int]:
    """The name's span: up to `_MAX_NAME_WORDS` name words from `start`, one space apart."""
    first = _NAME_WORD.match(text, start)
    end = first.end() if first is not None else start
    for _ in range(_MAX_NAME_WORDS - 1):
        word = _NAME_WORD.match(text, end + 1) if text.startswith(" ", end) else None
        if word is None or word.group().lower() in _NOT_NAME_WORDS:
            break
        end = word.end()
    return start, end


def _name_start_before(text: str, end: int) -> int | None:
    """Where the name that ends at `end` starts (its words as `_name_from` reads them,
    less a capitalised word of grammar in front: "In Moura, a village"), or None."""
    match = _NAME_BEFORE.search(text, max(0, end - 80), end)
    if match is None:
        return None
    start = match.start()
    while True:
        word = _NAME_WORD.match(text, start)
        if word is None or word.group().lower() not in _NOT_NAME_WORDS or word.end() >= end:
            break
        start = word.end() + 1
    return start if start < end else None


def _setting_of(text: str, end: int, resolved: list[tuple[_Span, Candidate]]) -> Place | None:
    """The place the text sets a name in, right after it: "Moura, a village in central
    Mali", "Hroza in Kharkiv Oblast"."""
    after = [(s.start, c.place) for s, c in resolved if end <= s.start <= end + 70]
    for start, place in sorted(after, key=lambda item: item[0]):
        if _LIES_IN.match(text[end:start]):
            return place
    return None


def _described_place(name: str, parent: Place) -> Place:
    country = (parent.country or "").lower()
    return Place(
        id=f"{DESCRIBED_PLACE_PREFIX}{country}:{transliteration_key(name) or fold(name)}",
        name=name,
        lat=parent.lat,
        lon=parent.lon,
        precision=PlacePrecision.CITY,
        country=parent.country,
        parent_id=parent.id,
    )


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


# -- descriptions of a place named before --------------------------------------------------

# What "the town", "the eastern city", "the province" can stand for: the precisions of the
# place named last that such a head fits.
_DESCRIBED = {
    "town": (PlacePrecision.CITY,), "city": (PlacePrecision.CITY,),
    "village": (PlacePrecision.CITY,),
    "province": (PlacePrecision.REGION,), "governorate": (PlacePrecision.REGION,),
    "neighbourhood": (PlacePrecision.DISTRICT,), "neighborhood": (PlacePrecision.DISTRICT,),
    "district": (PlacePrecision.DISTRICT,),
}  # fmt: skip
# "the provincial capital" is a town named before; a bare "the capital" is most often the
# country's, named or not, so it needs a word saying which capital it is
_CAPITAL_OF = frozenset({"provincial", "regional", "district", "state"})
DESCRIBED_WITHIN = 3  # sentences: the description and the two before it


def place_descriptions(
    doc: Doc, places: Iterable[PlaceMention], taken: Iterable[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """ "Jets struck Maarat al-Numan. The northern town ...": a definite description of a
    town, city, village, province or district ("the town", "the eastern town", "the
    besieged city", "the provincial capital") stands for the place of that size named last,
    in its own sentence or the two before; one that names its place after "of" ("the
    northern provincial capital of Kunduz") stands for that place. Not one that names its
    place in front ("the Douma city"), a plural, or one with no place of its size named
    that close."""
    named = sorted(places, key=lambda p: p.start)
    busy = [(p.start, p.end) for p in named] + list(taken)
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    arrays = doc_arrays(doc)  # the Doc's columns: a Token only for a place-size noun
    found: list[PlaceMention] = []
    for i, word in enumerate(arrays.lower):
        fits = _DESCRIBED.get(word)
        if word == "capital" and arrays.pos[i] == "NOUN":
            if not any(arrays.lower[c.i] in _CAPITAL_OF for c in doc[i].lefts):
                continue
            fits = (PlacePrecision.CITY,)
        if fits is None or arrays.pos[i] != "NOUN":
            continue
        head = doc[i]
        if head.tag_ in ("NNS", "NNPS"):
            continue
        before = [c for c in head.children if c.i < head.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in before):
            continue
        if any(c.pos_ == "PROPN" or c.dep_ not in ("det", "amod") for c in before):
            continue  # "the Douma city", "the town's", "the two towns"
        start = min(c.idx for c in before)
        end = head.idx + len(head)
        if any(s < end and start < e for s, e in busy):
            continue
        of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        if of:  # "the town of Douma" names it
            at = of[0].left_edge.idx, of[0].idx
            referent = next((p for p in named if p.start in at), None)
        else:
            here = bisect_right(starts, head.i) - 1  # the head's sentence
            first = sentences[max(here - DESCRIBED_WITHIN + 1, 0)].start_char
            referent = next(
                (p for p in reversed(named)
                 if first <= p.start and p.end <= start and p.place.precision in fits),
                None,
            )  # fmt: skip
        if referent is not None:
            text = doc_text(doc)
            found.append(PlaceMention(start, end, text[start:end], referent.place))
    return found
