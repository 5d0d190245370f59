"""Sites: the hospitals, prisons, stations and theatres a report is about, as points.

Reports of an attack name what was hit as often as the town it is in, and each outlet names
it its own way: one article has "Al-Ahli Arab Hospital", "the al-Ahli hospital", "a hospital
in Gaza" and "the hospital compound" for one building; another "the Olenivka prison", "the
pre-trial detention center" and "the penal colony". No gazetteer holds such buildings, and
the model tags their names as organisations, facilities or nothing, so a reader's "which
building" was lost. Here every singular noun phrase headed by a site's noun (data/sites.yaml)
is a mention of a site, and the mentions of one article are told apart as a reader does:

- a name (its proper words, or the organisation that runs it: "the MSF trauma centre") says
  which site; mentions of one kind sharing a name word are one site;
- a place in the phrase ("the Olenivka prison", "a hospital in Kunduz") says where it is;
  mentions set in places that do not nest are different sites;
- a description without a name ("the hospital", "the facility") is the site of its kind
  met last (or, before any, the first one after it), as "the town" is the town named last;
  "a hospital" before any site of its kind introduces one ("struck a prison ..., a
  detention centre near Olenivka"), after one it is another.

A site the article never names nor places ("the hospital", alone) is not kept: it says
nothing a reader could look up. A kept site is a `Place` of precision `point` inside the
place the article sets it in (its point is that place's, nothing finer being known), with an
id from that place, its kind and its name: `site:<parent>:<kind>:<name words>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import yaml
from spacy.tokens import Doc

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.gazetteer import fold
from rashomon.model import SITE_PREFIX, ActorMention, Place, PlaceMention, PlacePrecision

SITES_FILE = "sites.yaml"
GENERIC = ""  # the kind of a head that names none ("the facility")

# Determiners a description of one known site may take; "any hospital", "no prison",
# "every school" are no site.
_ONE = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})
_INDEFINITE = frozenset({"a", "an"})
_DETS = frozenset({"DET", "PRON"})
# direction words a site's name is wrongly hung on ("the X Centre east of Tripoli")
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                         "southeast", "southwest"})  # fmt: skip
# Between a site's head and the place it is in: "in Kunduz", "in the city of Kunduz",
# "in the area of the settlement of Olenivka", "near besieged Gaza"
_LIES_IN = re.compile(
    r"\s+(?:in|near|at|outside|of)\s+(?:(?:the|a|of|area|city|town|village|settlement|region"
    r"|province|district|governorate|suburbs?|outskirts|[a-z-]+(?:ern|al|ed|held|controlled))"
    r"\s+){0,6}"
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class SiteWords:
    """data/sites.yaml as lookups: a head's kind, two-word heads, generic heads."""

    kinds: dict[str, str]
    phrases: dict[tuple[str, str], str]
    generic: frozenset[str]
    bare_generic: frozenset[str]
    not_sites: frozenset[str]
    plain_name_words: frozenset[str]

    @classmethod
    def load(cls) -> SiteWords:
        return _packaged_words()

    @cached_property
    def kind_words(self) -> frozenset[str]:
        """Every word of a head ("detention", "centre"): what a site is, never its name."""
        return frozenset(
            {*self.kinds, *(w for pair in self.phrases for w in pair), *self.generic,
             *self.bare_generic}
        )  # fmt: skip


@cache
def _packaged_words() -> SiteWords:
    text = resources.files("rashomon.data").joinpath(SITES_FILE).read_text("utf-8")
    data = yaml.safe_load(text) or {}
    kinds = {str(w).lower(): kind for kind, words in data["kinds"].items() for w in words}
    phrases: dict[tuple[str, str], str] = {}
    for kind, pairs in data["phrases"].items():
        for pair in pairs:
            before, head = str(pair).lower().split()
            phrases[(before, head)] = kind
    return SiteWords(
        kinds=kinds,
        phrases=phrases,
        generic=frozenset(str(w).lower() for w in data["generic"]),
        bare_generic=frozenset(str(w).lower() for w in data["bare_generic"]),
        not_sites=frozenset(str(w).lower() for w in data["not_sites"]),
        plain_name_words=frozenset(str(w).lower() for w in data["plain_name_words"]),
    )


@dataclass
class _Mention:
    start: int
    end: int
    kind: str  # GENERIC for "the facility"
    names: frozenset[str]  # name words and "actor:<id>" keys of the organisation running it
    place: Place | None  # the place the phrase sets it in
    definite: bool  # "the hospital", "its compound"; not "a hospital", nor "in hospital"


@dataclass
class _Site:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return next((m.kind for m in self.mentions if m.kind != GENERIC), GENERIC)

    @property
    def names(self) -> frozenset[str]:
        return frozenset().union(*(m.names for m in self.mentions))

    @property
    def places(self) -> list[Place]:
        return [m.place for m in self.mentions if m.place is not None]


def find_sites(
    doc: Doc,
    places: Sequence[PlaceMention],
    actors: Iterable[ActorMention],
    parents: Callable[[Place], list[Place]],
    is_demonym: Callable[[str], bool],
    words: SiteWords | None = None,
) -> list[PlaceMention]:
    """The article's mentions of sites, each resolved to its site as a point `Place`.

    `places` are the article's place mentions, `actors` its actor mentions (the organisation
    running a site names it), `parents` a place's enclosing places, nearest first, and
    `is_demonym` tells nationality words ("the Afghan hospital" names no hospital)."""
    words = words or SiteWords.load()
    actor_spans = sorted((m.start, m.end, m.actor_id) for m in actors)
    found = _mentions(doc, places, actor_spans, is_demonym, words)
    sites = _grouped(found, parents)
    text = doc_text(doc)
    placed: list[PlaceMention] = []
    for site in sites:
        setting = _setting(site, places, parents)
        if setting is None or not (site.names or site.places):
            continue
        place = _site_place(site, setting, text)
        placed += [
            PlaceMention(m.start, m.end, text[m.start : m.end], place) for m in site.mentions
        ]
    return sorted(placed, key=lambda p: p.start)


def _mentions(
    doc: Doc,
    places: Sequence[PlaceMention],
    actor_spans: Sequence[tuple[int, int, str]],
    is_demonym: Callable[[str], bool],
    words: SiteWords,
) -> list[_Mention]:
    arrays = doc_arrays(doc)
    text = doc_text(doc)
    found: list[_Mention] = []
    for i, word in enumerate(arrays.lower):
        kind = words.kinds.get(word)
        two_words = words.phrases.get((arrays.lower[i - 1], word)) if i else None
        bare = word in words.bare_generic and two_words is None  # not "detention centre"
        if kind is None and two_words is None and word not in words.generic and not bare:
            continue
        if arrays.pos[i] not in ("NOUN", "PROPN") or doc[i].tag_ in ("NNS", "NNPS"):
            continue
        if (arrays.dep[i] in ("compound", "amod", "nmod") and arrays.head[i] != i
                and arrays.lower[arrays.head[i]] not in _DIRECTIONS):  # fmt: skip
            continue  # "hospital officials", "prison guards": it describes another noun
            # (not "the Tajoura Detention Centre east of Tripoli", parsed as one phrase)
        if (word in ("theatre", "theater") or bare) and _next_word(arrays.lower, i) == "of":
            continue  # "the theatre of war", "the centre of Aleppo"
        if bare and any(arrays.dep[c] != "det" for c in arrays.children(i) if c < i):
            continue  # "the city centre", "a research center"
        head_start, head_end = arrays.idx[i], arrays.idx[i] + len(arrays.text[i])
        if any(s <= head_start and head_end <= e for s, e, _ in actor_spans):
            continue  # inside an organisation's name
        left = [c for c in arrays.children(i) if c < i]
        first = min((arrays.subtree(c)[0] for c in left), default=i)
        modifiers = range(first, i)
        if any(arrays.lower[t] in words.not_sites for t in modifiers):
            continue
        # determiners and possessive pronouns ("its compound"); not a name's possessive
        # ("Kramatorsk's railway station", "the city's hospital": definite, and placed)
        dets = [t for t in left if arrays.dep[t] in ("det", "poss") and arrays.pos[t] in _DETS]
        if dets and arrays.lower[dets[0]] not in _ONE:
            continue  # "any hospital", "no prison"
        if kind is None:  # "the hospital compound", "a detention facility"
            kind = next((words.kinds[arrays.lower[t]] for t in modifiers
                         if arrays.lower[t] in words.kinds), GENERIC)  # fmt: skip
        kind = two_words or kind
        if arrays.lower[first] in _INDEFINITE:  # "a prison": the mention is "prison"
            first += 1
        start = arrays.idx[first]
        # "Doctors Without Borders hospital", whose parse hangs only "Borders" on the head
        start = min([s for s, e, _ in actor_spans if s < start < e], default=start)
        inside = [p for p in places if start <= p.start and p.end <= head_start]
        owners = {a for s, e, a in actor_spans if start <= s and e <= head_start}
        proper = [
            t for t in modifiers
            if (arrays.pos[t] == "PROPN"
                or (arrays.text[t][:1].isupper() and arrays.sentence(t)[0] != t))
            and not _within(arrays.idx[t], inside, actor_spans)
        ]  # fmt: skip
        if all(is_demonym(arrays.text[t]) for t in proper):
            proper = []  # "the Afghan hospital"; but "the Ahli Arab hospital" keeps "Arab"
        names = {
            w for t in proper for w in _WORD.findall(fold(arrays.text[t]))
            if len(w) > 2 and w not in words.plain_name_words and w not in words.kind_words
        }  # fmt: skip
        place = inside[-1].place if inside else _place_after(text, head_end, places)
        owned = any(arrays.dep[t] == "poss" for t in left)  # "the city's", "Kramatorsk's"
        definite = (bool(dets) and arrays.lower[dets[0]] not in _INDEFINITE) or owned
        found.append(
            _Mention(
                start, head_end, kind, frozenset(names | {f"actor:{a}" for a in owners}),
                place, definite=definite,
            )
        )  # fmt: skip
    return found


def _next_word(lower: Sequence[str], i: int) -> str:
    return lower[i + 1] if i + 1 < len(lower) else ""


def _within(
    offset: int, places: Sequence[PlaceMention], actor_spans: Sequence[tuple[int, int, str]]
) -> bool:
    """Whether a word is part of a place's or an organisation's name (they locate or run the
    site; they are not its name)."""
    return any(p.start <= offset < p.end for p in places) or any(
        s <= offset < e for s, e, _ in actor_spans
    )


def _place_after(text: str, end: int, places: Sequence[PlaceMention]) -> Place | None:
    """The place a site's phrase sets it in after its head ("... hospital in Gaza City")."""
    for p in places:
        if end <= p.start <= end + 60 and _LIES_IN.fullmatch(text[end : p.start]):
            return p.place
    return None


def _grouped(found: Sequence[_Mention], parents: Callable[[Place], list[Place]]) -> list[_Site]:
    """The article's sites: each mention joins the site it names (a shared name word), or, told
    without a name, the site of its kind met last; never one set in another place."""
    sites: list[_Site] = []
    last: dict[int, int] = {}  # site index -> where it was last mentioned
    for mention in found:
        fits = [
            n for n, site in enumerate(sites)
            if _kinds_fit(mention.kind, site.kind)
            and all(_places_fit(mention.place, p, parents) for p in site.places)
        ]  # fmt: skip
        chosen = None
        if mention.names:
            chosen = next((n for n in fits if sites[n].names & mention.names), None)
            if chosen is None:  # a name given to the site only described so far
                chosen = _latest([n for n in fits if not sites[n].names], last)
        elif mention.definite or mention.place is not None:
            chosen = _latest(fits, last)
        elif fits:
            continue  # "taken to a hospital" after one was named: another one
        if chosen is None:
            sites.append(_Site())
            chosen = len(sites) - 1
        sites[chosen].mentions.append(mention)
        last[chosen] = mention.start
    # a description before any site of its kind: the one such site named after it
    for n, site in enumerate(sites):
        if site.names or site.places or len(site.mentions) != 1:
            continue
        mention = site.mentions[0]
        later = [m for m, other in enumerate(sites) if m != n and (other.names or other.places)
                 and _kinds_fit(mention.kind, other.kind)]  # fmt: skip
        if len(later) == 1:
            sites[later[0]].mentions.insert(0, mention)
            site.mentions.clear()
    return [s for s in sites if s.mentions]


def _latest(candidates: Sequence[int], last: dict[int, int]) -> int | None:
    return max(candidates, key=lambda n: last[n], default=None)


def _kinds_fit(a: str, b: str) -> bool:
    return a == b or GENERIC in (a, b)


def _places_fit(a: Place | None, b: Place | None, parents: Callable[[Place], list[Place]]) -> bool:
    """Whether two places can hold one site: the same, or one inside the other."""
    if a is None or b is None or a.id == b.id:
        return True
    return any(p.id == b.id for p in parents(a)) or any(p.id == a.id for p in parents(b))


def _setting(
    site: _Site, places: Sequence[PlaceMention], parents: Callable[[Place], list[Place]]
) -> Place | None:
    """Where a site is: the finest place its mentions set it in; else the place (finer than a
    country) named last before its first mention, else the first named after it, else the
    country the article names first: a named site ("the Tajoura detention centre", where the
    gazetteer lacks Tajoura) is kept inside the place the article is about, as a described
    village is."""
    if site.places:
        return max(site.places, key=lambda p: len(parents(p)))
    first = site.mentions[0]
    finer = [p for p in places if p.place.precision != PlacePrecision.COUNTRY]
    before = [p for p in finer if p.end <= first.start]
    after = [p for p in finer if p.start >= first.end]
    countries = [p for p in places if p.place.precision == PlacePrecision.COUNTRY]
    for choice in (before[-1:], after[:1], countries[:1]):
        if choice:
            return choice[0].place
    return None


def _site_place(site: _Site, setting: Place, text: str) -> Place:
    """The site as a point inside its setting, named as its fullest name is written ("Al-Ahli
    Arab Hospital"), or, with no name, by what it is and where ("hospital in Kunduz")."""

    def name_words(mention: _Mention) -> list[str]:
        return sorted(n for n in mention.names if ":" not in n)

    shown = max(site.mentions, key=lambda m: (len(name_words(m)), bool(m.names), m.end - m.start))
    written = re.sub(r"^(?:the|this|that|its|their)\s+", "", text[shown.start : shown.end],
                     flags=re.IGNORECASE)  # fmt: skip
    if not shown.names:
        written = f"{written} in {setting.name}"
    owners = sorted(n.split(":", 1)[1] for n in shown.names if ":" in n)
    slug = "-".join(name_words(shown) or owners)
    return Place(
        id=f"{SITE_PREFIX}{setting.id}:{site.kind or 'site'}:{slug}",
        name=written[:1].upper() + written[1:],
        lat=setting.lat,
        lon=setting.lon,
        precision=PlacePrecision.POINT,
        country=setting.country,
        parent_id=setting.id,
    )
