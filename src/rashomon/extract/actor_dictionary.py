"""The actor dictionary: who rashomon knows, under every name the press gives them.

Entries come from the packaged `data/actors.yaml` and users' files of the same shape (an
existing id there replaces the packaged entry in place), loaded into one `ActorDictionary`
that callers pass around, so pipelines with different user files never share state. Names
match on `normalise_name` first and on the looser `name_variants_key` only when that finds
nothing, so a transliteration fold never overrides a name the dictionary spells.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rashomon.errors import InputError
from rashomon.extract.names import name_variants_key, normalise_name
from rashomon.model import Actor, ActorKind, FormerAffiliation, Renaming, RoleTerm

PACKAGED = "actors.yaml"
MIN_VARIANT_KEY = 6  # shorter skeletons match words: "used" would be Assad, "an" Aoun
MIN_CLOSE_NAME = 10  # a misspelt name must be this long (letters, spaces) to match closely
MIN_PREFIX_WORDS = 2  # a one-word beginning ("Islamic") says too little to complete
MIN_CLOSE_WORD = 6  # and the misspelt word this long, in its longer spelling
_FIELDS = frozenset(field.name for field in dataclasses.fields(Actor))
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses 10x faster
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_COUNTRY = re.compile(r"[A-Z]{3}\Z")
# Role phrases are compared as bags of words: "foreign minister of Russia" = "Russia's
# foreign minister". Demonyms become the country and filler words go.
_ROLE_PHRASES = (("united nations", "un"), ("united states", "us"), ("united kingdom", "uk"),
                 ("european union", "eu"))  # fmt: skip
_ROLE_WORDS = {
    "russian": "russia", "syrian": "syria", "turkish": "turkey", "american": "us", "iraqi": "iraq",
    "iranian": "iran", "lebanese": "lebanon", "jordanian": "jordan", "israeli": "israel",
    "qatari": "qatar", "egyptian": "egypt", "british": "uk", "britain": "uk", "french": "france",
    "german": "germany", "chinese": "china", "kazakh": "kazakhstan", "afghan": "afghanistan",
    "libyan": "libya", "palestinian": "palestine", "defense": "defence",
}  # fmt: skip
# The words of a role that say whose it is: "Russia's foreign minister", "US ambassador".
COUNTRY_ROLE_WORDS = frozenset({v for k, v in _ROLE_WORDS.items() if k != "defense"} | {"us", "uk"})
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_ROLE_FILLER = frozenset({"the", "of", "for", "to", "a", "an", "in", "on", "and", "s", "top"})


class ActorDictionary:
    """Known actors, looked up by name, role phrase, metonym or former name."""

    def __init__(
        self, actors: Iterable[Actor], version: str = "", held: Iterable[Actor] = ()
    ) -> None:
        """`held` actors are known by id only (`get`), never looked up by name nor listed:
        the states the dictionary lacks, which other actors may belong to (see
        `state_bodies`) but which the text names as places."""
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self._held: dict[str, Actor] = {a.id: a for a in held if a.id not in self._actors}
        self._version = version
        self._exact: dict[str, list[str]] = {}
        self._loose: dict[str, list[str]] = {}
        self._metonyms: dict[str, list[str]] = {}
        self._theatres: dict[str, list[str]] = {}  # country -> the coalitions fighting there
        self._former: dict[str, list[tuple[str, Renaming]]] = {}
        self._roles: list[tuple[frozenset[str], str, RoleTerm | None]] = []
        # words of the names of groups (not persons) -> (name's words, actor id), for the
        # misspellings `lookup_close` forgives
        self._group_words: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        # the first words of the names of groups (not persons) -> actor ids, for the cut-off
        # names `lookup_prefix` completes
        self._prefixes: dict[str, set[tuple[str, str]]] = {}
        for actor in self._actors.values():
            for name in (actor.name, *actor.aliases, *(r.name for r in actor.former_names)):
                _add(self._exact, normalise_name(name), actor.id)
                # "Peoples" for "People's": a possessive whose apostrophe the copy lost
                _add(self._exact, normalise_name(_APOSTROPHES.sub("", name)), actor.id)
                _add(self._loose, name_variants_key(name), actor.id)
                if actor.kind is not ActorKind.PERSON:
                    words = tuple(normalise_name(name).split())
                    for word in dict.fromkeys(words):
                        self._group_words.setdefault(word, []).append((words, actor.id))
                    bare = normalise_name(_APOSTROPHES.sub("", name)).split()
                    for end in range(MIN_PREFIX_WORDS, len(bare)):
                        cut = self._prefixes.setdefault(" ".join(bare[:end]), set())
                        cut.add((actor.id, bare[end]))
            for metonym in actor.metonyms:
                _add(self._metonyms, normalise_name(metonym), actor.id)
            for country in actor.theatres:
                _add(self._theatres, country, actor.id)
            for renaming in actor.former_names:
                key = normalise_name(renaming.name)
                self._former.setdefault(key, []).append((actor.id, renaming))
            # a title held for two terms (Netanyahu's premierships) counts for each
            dated = {term.role for term in actor.role_terms}
            self._roles.extend((role_words(t.role), actor.id, t) for t in actor.role_terms)
            self._roles.extend(
                (role_words(role), actor.id, None)
                for role in dict.fromkeys(actor.roles)
                if role not in dated
            )

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorDictionary:
        """The packaged dictionary, then each user file in order; a repeated id replaces."""
        packaged = resources.files("rashomon.data").joinpath(PACKAGED).read_text("utf-8")
        sources = [(PACKAGED, packaged)]
        for path in extra_files:
            try:
                sources.append((str(path), Path(path).read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(str(path), f"cannot read actor dictionary: {exc}") from exc
        merged: dict[str, tuple[Actor, str]] = {}
        digest = hashlib.sha256()
        for origin, text in sources:
            digest.update(text.encode("utf-8"))
            merged.update((actor.id, (actor, origin)) for actor in _parse(origin, text))
        _check_affiliations(merged)
        return cls((actor for actor, _ in merged.values()), digest.hexdigest()[:16])

    @property
    def version(self) -> str:
        """A digest of every loaded file, stored with results so a changed dictionary shows."""
        return self._version

    def get(self, actor_id: str) -> Actor:
        found = self._actors.get(actor_id) or self._held.get(actor_id)
        if found is None:
            raise KeyError(f"no actor {actor_id!r} in the dictionary")
        return found

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def lookup(self, text: str) -> list[Actor]:
        """Actors named `text`; several when the name is ambiguous, none when unknown."""
        ids = self._exact.get(normalise_name(text))
        if not ids and len(key := name_variants_key(text)) >= MIN_VARIANT_KEY:
            ids = self._loose.get(key)
        return [self._actors[i] for i in ids or ()]

    def lookup_close(self, text: str) -> Actor | None:
        """The one group (not a person) whose name `text` misspells by a letter: "Jabat
        Fateh al-Sham" for Jabhat Fateh al-Sham. Conservative: names of two words or more
        and at least MIN_CLOSE_NAME characters, every word the same but one, and that one a
        letter left out, added or swapped with its neighbour (not replaced: "Islah" is not
        "Islam") in a word of MIN_CLOSE_WORD letters or more. None when no group or several
        match. Persons are left out: one letter tells two people apart too often."""
        words = tuple(normalise_name(text).split())
        if len(words) < 2 or len(" ".join(words)) < MIN_CLOSE_NAME:
            return None
        found: set[str] = set()
        for word in dict.fromkeys(words):
            for name, actor_id in self._group_words.get(word, ()):
                if len(name) == len(words) and _one_slip(words, name):
                    found.add(actor_id)
        return self._actors[found.pop()] if len(found) == 1 else None

    def lookup_prefix(self, text: str) -> list[tuple[Actor, str]]:
        """Groups (not persons) whose name begins with the words of `text` and goes on, each
        with the word that follows (normalised): "Kurdish Peoples Protection" (units),
        "Syrian National" (coalition, council). A name the copy or the tagger may have cut
        short; several when the beginning is shared, none for a text shorter than
        MIN_PREFIX_WORDS words."""
        key = normalise_name(_APOSTROPHES.sub("", text))
        if len(key.split()) < MIN_PREFIX_WORDS:
            return []
        return [(self._actors[i], word) for i, word in sorted(self._prefixes.get(key, ()))]

    def by_metonym(self, text: str) -> list[Actor]:
        return [self._actors[i] for i in self._metonyms.get(normalise_name(text), ())]

    def fighting_in(self, country: str) -> list[Actor]:
        """The coalitions whose theatres include `country` (alpha-3)."""
        return [self._actors[i] for i in self._theatres.get(country, ())]

    def by_role(self, text: str, on: str | None = None) -> list[Actor]:
        """Holders of a role phrase: "Russia's defence minister", or a part of one.

        A phrase of two words or more may leave words of a role out ("the UN envoy" for "UN
        envoy for Syria"); the roles that need the fewest extra words win, and every actor
        tied there is returned, so "foreign minister" stays ambiguous. With `on` (an ISO
        date), a dated role counts only for whoever held it then: "the UN secretary-general"
        is Ban Ki-moon in 2016 and Antonio Guterres in 2017.
        """
        words = role_words(text)
        if not words:
            return []
        best: dict[str, int] = {}
        for role, actor_id, term in self._roles:
            if on and term is not None and not term.held_on(on):
                continue
            if words == role or (len(words) > 1 and words < role):
                extra = len(role - words)
                best[actor_id] = min(extra, best.get(actor_id, extra))
        if not best:
            return []
        fewest = min(best.values())
        return [self._actors[i] for i, extra in best.items() if extra == fewest]

    def counterparts(
        self, actor_id: str, country: frozenset[str], on: str | None = None
    ) -> list[Actor]:
        """Who holds `actor_id`'s role for another country: Samantha Power's "Russian
        counterpart" is whoever held "Russian ambassador to the UN" on `on`. `country` is
        the other country as role words ({"russia"})."""
        found: set[str] = set()
        for role, holder, term in self._roles:
            own = role & COUNTRY_ROLE_WORDS
            if holder != actor_id or not own or (on and term and not term.held_on(on)):
                continue
            wanted = (role - own) | country
            found |= {
                other
                for words, other, other_term in self._roles
                if words == wanted and other != actor_id
                and not (on and other_term and not other_term.held_on(on))
            }  # fmt: skip
        return [self._actors[i] for i in sorted(found)]

    def former_name_info(self, text: str) -> tuple[Actor, Renaming] | None:
        """The actor that used to be called `text`, and when the name stopped; None if none."""
        found = self._former.get(normalise_name(text))
        return (self._actors[found[0][0]], found[0][1]) if found else None

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every name, alias, former name and metonym with its actor id, for phrase matching."""
        for actor in self._actors.values():
            forms = (actor.name, *actor.aliases, *(r.name for r in actor.former_names),
                     *actor.metonyms)  # fmt: skip
            for form in dict.fromkeys(forms):
                yield form, actor.id


def _one_slip(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether `words` are `name` with one word misspelt by a letter left out, added or
    swapped with its neighbour."""
    differ = [(a, b) for a, b in zip(words, name, strict=True) if a != b]
    if len(differ) != 1:
        return False
    a, b = differ[0]
    if not (a.isalpha() and b.isalpha()) or max(len(a), len(b)) < MIN_CLOSE_WORD:
        return False
    if len(a) == len(b):
        slips = [i for i in range(len(a)) if a[i] != b[i]]
        return (
            len(slips) == 2
            and slips[1] == slips[0] + 1
            and a[slips[0]] == b[slips[1]]
            and a[slips[1]] == b[slips[0]]
        )
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _add(index: dict[str, list[str]], key: str, actor_id: str) -> None:
    if key and actor_id not in index.setdefault(key, []):
        index[key].append(actor_id)


def role_words(text: str) -> frozenset[str]:
    """A role phrase as a bag of words: "foreign minister of Russia" = "Russia's foreign
    minister"; demonyms become the country and filler words go."""
    phrase = normalise_name(text)
    for long, short in _ROLE_PHRASES:
        phrase = re.sub(rf"\b{long}\b", short, phrase)
    words = (_ROLE_WORDS.get(w, w) for w in phrase.split())
    return frozenset(w for w in words if w not in _ROLE_FILLER)


# -- parsing -----------------------------------------------------------------------------------


def _parse(origin: str, text: str) -> Iterator[Actor]:
    try:
        data = yaml.load(text, Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise InputError(origin, f"invalid YAML in actor dictionary: {exc}") from exc
    entries = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(origin, "an actor dictionary needs an `actors:` list")
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        label = entry.get("id") if isinstance(entry, dict) else None
        where = f"entry {number}" + (f" ({label})" if isinstance(label, str) else "")
        actor = _actor(
            entry, lambda problem, where=where: InputError(origin, f"{where}: {problem}")
        )
        if actor.id in seen:
            raise InputError(origin, f"{where}: id {actor.id!r} is listed twice")
        seen.add(actor.id)
        yield actor


def _actor(entry: Any, fail: Callable[[str], InputError]) -> Actor:
    if not isinstance(entry, dict):
        raise fail(f"not a mapping: {entry!r}")
    if unknown := sorted(map(str, set(entry) - _FIELDS)):
        raise fail(f"unknown field(s) {', '.join(unknown)}")
    if not isinstance(entry.get("id"), str) or not _ID.match(entry["id"]):
        raise fail(f"id must be a lowercase slug, not {entry.get('id')!r}")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise fail("name is missing")
    if entry.get("kind") not in {k.value for k in ActorKind}:
        raise fail(f"kind {entry.get('kind')!r} is not one of {[k.value for k in ActorKind]}")
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY.match(country)):
        raise fail(f"country {country!r} is not an ISO 3166 alpha-3 code")
    for field in ("sector", "affiliation"):
        if entry.get(field) is not None and not isinstance(entry[field], str):
            raise fail(f"{field} must be text")

    def texts(field: str) -> tuple[str, ...]:
        values = entry.get(field) or []
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise fail(f"{field} must be a list of names")
        return tuple(values)

    roles, role_terms = _roles(entry.get("roles") or [], fail)

    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=ActorKind(entry["kind"]),
        country=country,
        sector=entry.get("sector"),
        affiliation=entry.get("affiliation"),
        aliases=texts("aliases"),
        roles=roles,
        role_terms=role_terms,
        former_names=_renamings(entry.get("former_names") or [], fail),
        former_affiliations=_former_affiliations(entry.get("former_affiliations") or [], fail),
        metonyms=texts("metonyms"),
        theatres=texts("theatres"),
    )


def _roles(
    values: Any, fail: Callable[[str], InputError]
) -> tuple[tuple[str, ...], tuple[RoleTerm, ...]]:
    """Roles as titles, each a string or {role: title or [titles], since: date, until: date}."""
    if not isinstance(values, list):
        raise fail("roles must be a list")
    roles: list[str] = []
    terms: list[RoleTerm] = []
    for value in values:
        if isinstance(value, str) and value:
            roles.append(value)
            continue
        if not isinstance(value, dict) or set(value) - {"role", "since", "until"}:
            raise fail(f"role {value!r} must be a title or {{role, since, until}}")
        titles = value.get("role")
        titles = [titles] if isinstance(titles, str) else titles
        since, until = (_iso(value.get(k)) for k in ("since", "until"))
        if not titles or not all(isinstance(t, str) and t for t in titles):
            raise fail(f"role {value!r} needs a title")
        if since is False or until is False:
            raise fail(f"role {value!r}: since/until must be ISO dates or months")
        roles.extend(titles)
        terms.extend(RoleTerm(t, since or None, until or None) for t in titles)
    return tuple(roles), tuple(terms)


def _iso(value: Any) -> str | None | bool:
    """An ISO date or month as text; None when absent; False when not a date."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()  # YAML reads a full date as a date
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)  # and a bare year as a number
    if isinstance(value, str) and re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", value):
        return value
    return False


def _renamings(values: Any, fail: Callable[[str], InputError]) -> tuple[Renaming, ...]:
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        raise fail("former_names must be a list of {name, until}")
    renamings = []
    for value in values:
        until = value.get("until")
        if isinstance(until, datetime.date):
            until = until.isoformat()  # YAML reads a full date as a date
        if not isinstance(value.get("name"), str) or not isinstance(until, str | None):
            raise fail(f"former name {value!r} needs a name and an ISO date or month")
        renamings.append(Renaming(value["name"], until))
    return tuple(renamings)


def _former_affiliations(
    values: Any, fail: Callable[[str], InputError]
) -> tuple[FormerAffiliation, ...]:
    """Whom a person served before, each {id, until}: the affiliation on an earlier date."""
    if not isinstance(values, list):
        raise fail("former_affiliations must be a list of {id, until}")
    found = []
    for value in values:
        until = _iso(value.get("until")) if isinstance(value, dict) else False
        if not isinstance(value, dict) or set(value) - {"id", "until"} or not until:
            raise fail(f"former affiliation {value!r} needs an id and an ISO date or month")
        if not isinstance(value.get("id"), str) or not _ID.match(value["id"]):
            raise fail(f"former affiliation {value!r}: id must be a lowercase slug")
        found.append(FormerAffiliation(value["id"], str(until)))
    return tuple(found)


def _check_affiliations(merged: dict[str, tuple[Actor, str]]) -> None:
    """Every affiliation must name a known actor, and following affiliations must end."""
    for actor, origin in merged.values():
        named = [actor.affiliation, *(f.affiliation for f in actor.former_affiliations)]
        for affiliation in (a for a in named if a is not None and a not in merged):
            problem = f"affiliation {affiliation!r} is not a known actor id"
            raise InputError(origin, f"actor {actor.id!r}: {problem}")
    for actor, origin in merged.values():
        seen = {actor.id}
        current = actor
        while current.affiliation is not None:
            if current.affiliation in seen:
                raise InputError(origin, f"actor {actor.id!r}: affiliations go round in a circle")
            seen.add(current.affiliation)
            current = merged[current.affiliation][0]
