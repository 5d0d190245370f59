"""The event lexicon: which words report which PLOVER event, and which words frame one.

Data, not code (`data/event_verbs.yaml`), so an analyst can add a verb or re-type one with
`--events FILE` the way `--actors FILE` extends the actor dictionary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rashomon.errors import InputError

PACKAGED = "event_verbs.yaml"
PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
FACTUALITIES = frozenset(
    [
        "asserted",
        "negated",
        "proposed",
        "planned",
        "demanded",
        "hypothetical",
        "alleged",
        "historical",
    ]
)
_OBJECTS = {None, "content", "target", "means"}
_CONTROLS = {None, "object", "subject"}


@dataclass(frozen=True)
class EventSense:
    """What one word reports; see the header of data/event_verbs.yaml."""

    type: str
    mode: str | None = None
    target_preps: tuple[str, ...] = ()
    object: str | None = None  # None or "target": the direct object is the target;
    # "content": what is agreed or rejected; "means": what it is done with ("fired rockets")
    control: str | None = None  # "object": the object is the embedded clause's subject
    military: bool = False  # an event only when something armed is involved
    needs_mode: bool = False  # a noun that is an event only with a mode word ("military support")
    # a verb that is an event only with one of these dependents (a dependency label such as
    # "xcomp", or a preposition): "asked them to leave" requests, "when asked about" does not
    requires: tuple[str, ...] = ()
    # the type the word reports when it is the cue of reported speech: "protested that the
    # elections were rigged" disapproves (ACCUSE), "protested in the square" is a protest
    speech: str | None = None
    # objects that make the word a different, non-event sense: "released a statement" is
    # no release of prisoners, "seek shelter" no request, "walk out of a building" no walkout
    # (the direct object, the noun a participle describes, or the target preposition's object)
    not_objects: frozenset[str] = frozenset()
    # lemmas of the means that give the word a mode of its own: what is dropped as a weapon
    # falls from the air ("Russia dropped a bomb on the theatre" is an air strike)
    means_modes: tuple[tuple[str, str], ...] = ()
    # with `needs_mode`, the modes that make it an event (empty: any): a missile that fell
    # on a village struck it, a plane that fell did not
    only_modes: tuple[str, ...] = ()

    def lacks_mode(self, mode: str | None) -> bool:
        """Whether the word, needing a mode, is no event with this one."""
        if not self.needs_mode:
            return False
        return mode is None or bool(self.only_modes) and mode not in self.only_modes


class EventLexicon:
    """Event verbs, phrasal verbs and nouns by lemma; light verbs, frames, modal auxiliaries."""

    def __init__(
        self,
        verbs: Mapping[str, EventSense],
        phrases: Mapping[str, EventSense],
        nouns: Mapping[str, EventSense],
        light_verbs: Iterable[str] = (),
        modes: Mapping[str, Mapping[str, str]] | None = None,
        frames: Mapping[str, str] | None = None,
        modals: Mapping[str, str] | None = None,
        boundaries: Iterable[str] = (),
        reversals: Iterable[str] = (),
        reversal_types: Mapping[str, Iterable[str]] | None = None,
        participant_nouns: Iterable[str] = (),
        version: str = "",
        attribution: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.verbs = dict(verbs)
        self.phrases = dict(phrases)
        self.nouns = dict(nouns)
        self.light_verbs = frozenset(light_verbs)
        self.modes = {t: dict(m) for t, m in (modes or {}).items()}
        self.frames = dict(frames or {})
        self.modals = dict(modals or {})
        self.boundaries = frozenset(boundaries)
        self.reversals = frozenset(reversals)
        self._reversed = {
            undone: result
            for result, undone_types in (reversal_types or {}).items()
            for undone in undone_types
        }
        self.participant_nouns = frozenset(participant_nouns)
        self.version = version
        self.attribution = {k: frozenset(v) for k, v in (attribution or {}).items()}
        self.phrase_heads = frozenset(p.split()[0] for p in self.phrases)
        # the last words of the nouns of several words, and the first words of the "X of Y"
        # nouns: a token's lookups test these sets instead of scanning every noun
        self._noun_last_words = frozenset(n.rsplit(" ", 1)[1] for n in self.nouns if " " in n)
        self.of_heads = frozenset(n.split(" of ", 1)[0] for n in self.nouns if " of " in n)
        # what "use ..." takes as its means ("used chemical weapons") and the attack nouns:
        # read for every quote by the readers of what speakers say of means, built once
        self.means_nouns = frozenset(
            k.split()[1]
            for k, v in self.phrases.items()
            if k.startswith("use ") and v.object == "means"
        )
        self.attack_nouns = frozenset(
            w for w, sense in self.nouns.items() if sense.type == "ASSAULT"
        )

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> EventLexicon:
        """The packaged lexicon, then each file in `extra_files` adding or replacing entries."""
        texts = [(PACKAGED, _read_packaged())]
        for path in extra_files:
            try:
                texts.append((str(path), Path(path).read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(str(path), f"cannot read event words: {exc}") from exc
        merged: dict[str, Any] = {
            "verbs": {}, "phrases": {}, "nouns": {}, "light_verbs": [], "modes": {},
            "frames": {}, "modals": {}, "boundaries": [], "reversals": [],
            "reversal_types": {}, "participant_nouns": [], "attribution": {},
        }  # fmt: skip
        for origin, text in texts:
            _merge(merged, _parse(origin, text), origin)
        digest = hashlib.sha256("\x00".join(t for _, t in texts).encode()).hexdigest()[:12]
        return cls(
            merged["verbs"], merged["phrases"], merged["nouns"], merged["light_verbs"],
            merged["modes"], merged["frames"], merged["modals"], merged["boundaries"],
            merged["reversals"], merged["reversal_types"], merged["participant_nouns"],
            version=digest, attribution=merged["attribution"],
        )  # fmt: skip

    def ends_a_noun(self, word: str) -> bool:
        """Whether an event noun of several words ends in `word` ("air strike" ends in
        "strike")."""
        if " " in word:  # not a single word: only a scan says
            return any(key.endswith(f" {word}") for key in self.nouns)
        return word in self._noun_last_words

    def reversed_type(self, event_type: str) -> str | None:
        """What undoing an event of this type is: lifting a curfew concedes, halting aid
        sanctions; None when undoing it is not an event of its own."""
        return self._reversed.get(event_type)

    def mode_for(self, event_type: str, word: str) -> str | None:
        return self.modes.get(event_type, {}).get(word.lower())

    def words(self, role: str) -> frozenset[str]:
        """The lemmas of one `attribution` role ("responsible", "claim" ...); see the data."""
        return self.attribution.get(role, frozenset())


def _read_packaged() -> str:
    return resources.files("rashomon.data").joinpath(PACKAGED).read_text("utf-8")


def _parse(origin: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(origin, f"event words: not YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(origin, "event words: expected a mapping at the top")
    return data


def _merge(merged: dict[str, Any], data: Mapping[str, Any], origin: str) -> None:
    for section in ("verbs", "phrases", "nouns"):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise InputError(origin, f"event words: '{section}' must be a mapping")
        for word, entry in entries.items():
            merged[section][" ".join(str(word).lower().split())] = _sense(origin, word, entry)
    for result, undone in (data.get("reversal_types") or {}).items():
        if result not in PLOVER_TYPES or not set(undone or ()) <= PLOVER_TYPES:
            raise InputError(origin, f"event words: bad reversal_types entry {result!r}")
        merged["reversal_types"][result] = list(undone)
    for section in ("light_verbs", "boundaries", "reversals", "participant_nouns"):
        merged[section] += [str(v).lower() for v in data.get(section) or ()]
    for event_type, words in (data.get("modes") or {}).items():
        if event_type not in PLOVER_TYPES or not isinstance(words, dict):
            raise InputError(origin, f"event words: bad modes entry {event_type!r}")
        merged["modes"].setdefault(event_type, {}).update(
            {str(k).lower(): str(v) for k, v in words.items()}
        )
    attribution = data.get("attribution") or {}
    if not isinstance(attribution, dict):
        raise InputError(origin, "event words: 'attribution' must be a mapping of word lists")
    for role, words in attribution.items():
        merged["attribution"].setdefault(str(role), []).extend(str(w).lower() for w in words or ())
    for section in ("frames", "modals"):
        for word, value in (data.get(section) or {}).items():
            if value not in FACTUALITIES:
                raise InputError(origin, f"event words: {section} {word!r}: bad factuality")
            merged[section][str(word).lower()] = value


def _sense(origin: str, word: object, entry: object) -> EventSense:
    if not isinstance(entry, dict) or entry.get("type") not in PLOVER_TYPES:
        raise InputError(origin, f"event word {word!r}: needs a PLOVER type, got {entry!r}")
    if entry.get("speech") not in (None, *PLOVER_TYPES):
        raise InputError(origin, f"event word {word!r}: speech must be a PLOVER type")
    if entry.get("object") not in _OBJECTS or entry.get("control") not in _CONTROLS:
        raise InputError(origin, f"event word {word!r}: bad object or control")
    return EventSense(
        type=entry["type"],
        mode=entry.get("mode"),
        target_preps=tuple(str(p).lower() for p in entry.get("target") or ()),
        object=entry.get("object"),
        control=entry.get("control"),
        military=bool(entry.get("military", False)),
        needs_mode=bool(entry.get("needs_mode", False)),
        only_modes=tuple(str(m) for m in entry["needs_mode"])
        if isinstance(entry.get("needs_mode"), list)
        else (),
        requires=tuple(str(r).lower() for r in entry.get("requires") or ()),
        speech=entry.get("speech"),
        not_objects=frozenset(str(o).lower() for o in entry.get("not_objects") or ()),
        means_modes=tuple(
            (str(k).lower(), str(v)) for k, v in (entry.get("means_modes") or {}).items()
        ),
    )


@lru_cache(maxsize=4)
def packaged_lexicon(extra_files: tuple[Path, ...] = ()) -> EventLexicon:
    return EventLexicon.load(extra_files)
