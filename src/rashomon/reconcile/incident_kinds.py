"""Kinds of incident (air strike, shelling, bombing, chemical attack, clash, capture ...) and
which of them one happening can be reported as.

Events carry a PLOVER type and, often, no mode ("killed", "the attack"); the words around
them usually say what happened ("a car bomb killed 18"). The kind of a report is therefore
read from its sentence first and from its events' modes second. Data, not code:
`data/incident_kinds.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from rashomon.facts import EventFact

GENERIC = "attack"  # an ASSAULT no word specifies: compatible with every violent kind
BLAST = "blast"  # an explosion no word gives a cause for (see the YAML)


@dataclass(frozen=True)
class IncidentKind:
    name: str
    type: str
    violent: bool
    modes: frozenset[str]
    compatible: frozenset[str]
    rare: bool = False  # a town seldom sees two in a season (see the YAML)
    same_as: frozenset[str] = frozenset()  # kinds it is a vaguer telling of
    filed_as: str | None = None  # the kind a report told only in its words is filed under


class IncidentKinds:
    """The kinds in priority order, with one regular expression per kind."""

    def __init__(
        self,
        kinds: Mapping[str, IncidentKind],
        words: Mapping[str, list[str]],
        describing: Mapping[str, list[str]] | None = None,
        naming: Iterable[str] = (),
        other_kind: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.kinds = dict(kinds)
        self._vague_of_trigger: dict[str, str] = {}  # see of_event
        # "the bombing": a definite noun that may name a happening of several kinds
        self._naming = (
            re.compile(
                r"\b(?:the(?:\s+same)?|this|that|these|those)\s+(?:"
                + "|".join(re.escape(w) for w in naming) + r")\b", re.IGNORECASE,
            ) if naming else None
        )  # fmt: skip
        # phrases where a kind's word describes a party, not a happening ("the coalition
        # fighting the Houthis"): blanked out before that kind's words are looked for
        self._describing = {
            name: tuple(re.compile(p) for p in ps)
            for name, ps in (describing or {}).items() if ps
        }  # fmt: skip
        # phrases where a kind's words tell a happening of another kind ("air defences shot
        # down 18 missiles": an interception, no aircraft downed): blanked out before that
        # kind's words are looked for, while the happening itself stays one
        self._other_kind = {
            name: tuple(re.compile(p) for p in ps)
            for name, ps in (other_kind or {}).items() if ps
        }  # fmt: skip
        # a word glued to the one before it by a hyphen is part of another word: a
        # "high-explosive warhead" is no bombing, "anti-aircraft fire" no air strike; the
        # words of a phrase may be hyphenated ("an air-raid siren", "a car-bomb attack")
        self._patterns = {
            name: re.compile(
                r"(?<!\w-)\b(?:"
                + "|".join(
                    re.escape(w).replace(r"\ ", r"[\s-]")
                    for w in sorted(ws, key=len, reverse=True)
                )
                + r")\b", re.IGNORECASE,
            )
            for name, ws in words.items() if ws
        }  # fmt: skip
        # An ASCII kind's words in lower case: in an ASCII text its expression can match only
        # where one of them is in the lower-cased text, a far cheaper test that is made first.
        # (a phrase by its first word, which a hyphenated spelling holds too)
        self._ascii_words = {
            name: tuple(dict.fromkeys(w.lower().split()[0] for w in ws))
            for name, ws in words.items() if ws and all(w.isascii() for w in ws)
        }  # fmt: skip
        self._by_mode = {mode: k.name for k in self.kinds.values() for mode in k.modes}
        # a sentence is asked about once per event and figure in it: searched once
        self._kinds_in = lru_cache(maxsize=8192)(self._search)

    @classmethod
    def packaged(cls) -> IncidentKinds:
        return _packaged()

    @classmethod
    def from_yaml(cls, text: str) -> IncidentKinds:
        data = yaml.safe_load(text) or {}
        kinds, words, describing, other_kind = {}, {}, {}, {}
        for name, entry in (data.get("kinds") or {}).items():
            kinds[name] = IncidentKind(
                name=name, type=entry.get("type", "ASSAULT"),
                violent=bool(entry.get("violent", False)),
                modes=frozenset(entry.get("modes") or ()),
                compatible=frozenset(entry.get("compatible") or ()),
                rare=bool(entry.get("rare", False)),
                same_as=frozenset(entry.get("same_as") or ()),
                filed_as=entry.get("filed_as"),
            )  # fmt: skip
            words[name] = list(entry.get("words") or ())
            describing[name] = [str(p) for p in entry.get("describing") or ()]
            other_kind[name] = [str(p) for p in entry.get("other_kind") or ()]
        return cls(kinds, words, describing, data.get("named_again") or (), other_kind)

    def in_text(self, text: str) -> list[str]:
        """Every kind whose words the text holds, in priority order."""
        return list(self._kinds_in(text))

    def _search(self, text: str) -> tuple[str, ...]:
        lowered = text.lower() if text.isascii() else None
        return tuple(
            name for name, pattern in self._patterns.items()
            if (lowered is None or name not in self._ascii_words
                or any(w in lowered for w in self._ascii_words[name]))
            and self._told(name, pattern, text)
        )  # fmt: skip

    def _told(self, name: str, pattern: re.Pattern[str], text: str) -> bool:
        """Whether the kind's words tell a happening in the text, not only describe a
        party or tell a happening of another kind (see `describing` and `other_kind` in the
        YAML)."""
        found = pattern.search(text)
        blanking = (*self._describing.get(name, ()), *self._other_kind.get(name, ()))
        if found is None or not blanking:
            return found is not None
        blanked = text
        for start, end in _described_spans(blanking, text):
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
        return pattern.search(blanked) is not None

    def named_again(self, text: str) -> bool:
        """Whether every word of a kind in the text is a definite noun that may name a
        happening of several kinds ("responsibility for the bombing"): such words say which
        happening, not what kind it was ("the bombing" after "a suicide car bombing")."""
        if self._naming is None:
            return False
        naming = [m.span() for m in self._naming.finditer(text)]
        if not naming:
            return False
        return all(
            any(a <= m.start() < b for a, b in naming)
            for name in self._kinds_in(text)
            for m in self._patterns[name].finditer(text)
            if not self.describes(text, m.start())
        )

    def describes(self, text: str, at: int) -> bool:
        """Whether the word at offset `at` of `text` lies in a phrase that describes a party
        ("the coalition fighting the Houthis"): an event there is no happening."""
        return any(
            start <= at < end
            for patterns in self._describing.values()
            for start, end in _described_spans(patterns, text)
        )

    def of_mode(self, mode: str | None) -> str | None:
        return self._by_mode.get(mode or "")

    def violent(self, kind: str) -> bool:
        found = self.kinds.get(kind)
        return kind == GENERIC or (found is not None and found.violent)

    def rare(self, kind: str) -> bool:
        found = self.kinds.get(kind)
        return found is not None and found.rare

    def type_of(self, kind: str) -> str:
        found = self.kinds.get(kind)
        return found.type if found else "ASSAULT"

    def compatible(self, a: str, b: str) -> bool:
        """Whether one happening can be reported as kind `a` and as kind `b`."""
        if a == b:
            return True
        if GENERIC in (a, b):
            return self.violent(a) and self.violent(b)
        first, second = self.kinds.get(a), self.kinds.get(b)
        if first is None or second is None:
            return False
        return b in first.compatible or a in second.compatible

    def same(self, a: str, b: str) -> bool:
        """Whether kinds `a` and `b` tell of one kind of happening, one of them vaguely ("an
        explosion" and "a bombing"): they match as one kind does."""
        if a == b:
            return True
        first, second = self.kinds.get(a), self.kinds.get(b)
        if first is None or second is None:
            return False
        return b in first.same_as or a in second.same_as

    def most_specific(self, kinds: Iterable[str]) -> str:
        """The kind that says most, in priority order; generic when none does."""
        found = set(kinds)
        return next((name for name in self.kinds if name in found), GENERIC)

    def of_event(self, event: EventFact) -> str | None:
        """The kind an event's own word tells: a vague kind its trigger names ("bombarded":
        by guns or from the air) over the kind of its mode, else its mode's kind."""
        vague = self._vague_of_trigger.get(event.trigger)
        if vague is None:  # the same few words trigger most events: each is read once
            told = [k for k in self.in_text(event.trigger) if self._vague(k)]
            vague = self._vague_of_trigger[event.trigger] = told[0] if told else ""
        return vague or self.of_mode(event.mode)

    def of_report(self, opening: Iterable[str], told: Iterable[str]) -> str:
        """The kind a report is filed under: what its opening sentence says most of, or
        when that is a vague kind ("bombarded", "a strike"), the most specific compatible
        kind its other sentences tell ("... hit by a coalition airstrike"); a vague kind
        alone is filed under its `filed_as`."""
        kind = self.most_specific(opening)
        if self._vague(kind):
            sharper = self.most_specific(
                k for k in told if not self._vague(k) and k != GENERIC and self.compatible(kind, k)
            )
            if sharper != GENERIC:
                return sharper
        return self.filed(kind)

    def _vague(self, kind: str) -> bool:
        entry = self.kinds.get(kind)
        return entry is not None and bool(entry.filed_as)

    def filed(self, kind: str) -> str:
        """The kind a report of `kind` is matched and shown as across articles: a kind that
        only groups an article's own sentences (a bare "strike") is filed under another."""
        entry = self.kinds.get(kind)
        return entry.filed_as if entry is not None and entry.filed_as else kind


def _described_spans(patterns: Iterable[re.Pattern[str]], text: str) -> Iterator[tuple[int, int]]:
    """The spans of `text` that `describing` phrases cover: a phrase's group named `words`
    when it has one ("dropped a 'highly explosive' bomb": only "highly explosive" is no
    bombing; the bomb dropped is still a happening), else the whole phrase."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield m.span("words") if "words" in pattern.groupindex else m.span()


@lru_cache(maxsize=1)
def _packaged() -> IncidentKinds:
    text = resources.files("rashomon.data").joinpath("incident_kinds.yaml").read_text("utf-8")
    return IncidentKinds.from_yaml(text)
