"""The speech-verb lexicon: cue verbs by lemma, phrase cues, statement nouns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from rashomon.errors import InputError

PACKAGED = "speech_verbs.yaml"
_OBJECTS = {None, "content", "addressee", "target", "source"}


# -- the lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeechVerb:
    """How one verb reports speech; see the header of data/speech_verbs.yaml."""

    lemma: str
    hint: str = "neutral"
    object: str | None = None  # content, addressee, target, source
    particles: tuple[str, ...] = ()  # prepositions that belong to the cue: "called for"
    quotes_only: bool = False  # a cue only for a quotation ("Caddell continued:")
    about: tuple[str, ...] = ()  # prepositions whose phrase is content: "accused X of ..."
    noun: bool = False  # a noun cue: "Russia's claim that ..."


class SpeechVerbs:
    """The speech-verb lexicon: cue verbs by lemma, phrase cues, statement nouns."""

    def __init__(
        self,
        verbs: Iterable[SpeechVerb],
        phrases: Mapping[str, str] | None = None,
        statement_nouns: Iterable[str] = (),
        sent_to: Iterable[str] = (),
        person_nouns: Iterable[str] = (),
        nouns: Mapping[str, str] | None = None,
    ) -> None:
        self._verbs = {v.lemma: v for v in verbs}
        self.phrases = dict(phrases or {"according to": "neutral"})
        self.statement_nouns = frozenset(n.lower() for n in statement_nouns)
        self.sent_to = frozenset(v.lower() for v in sent_to)
        self.person_nouns = frozenset(n.lower() for n in person_nouns)
        self.nouns = {
            k.lower(): SpeechVerb(k.lower(), v, noun=True) for k, v in (nouns or {}).items()
        }

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechVerbs:
        """The packaged lexicon, or the file at `path` (same shape) instead."""
        origin = str(path) if path else PACKAGED
        try:
            if path is None:
                text = resources.files("rashomon.data").joinpath(PACKAGED).read_text("utf-8")
            else:
                text = Path(path).read_text("utf-8")
            data = yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(origin, f"cannot read speech verbs: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("verbs"), dict):
            raise InputError(origin, "speech verbs: expected a mapping with a 'verbs' mapping")
        verbs = []
        for lemma, entry in data["verbs"].items():
            entry = entry or {}
            if not isinstance(entry, dict) or entry.get("object") not in _OBJECTS:
                raise InputError(origin, f"speech verb {lemma!r}: bad entry {entry!r}")
            particles = tuple(str(p).lower() for p in entry.get("with", ()))
            hint = str(entry.get("hint", "neutral"))
            only = bool(entry.get("quotes_only", False))
            about = tuple(str(p).lower() for p in entry.get("about", ()))
            verbs.append(
                SpeechVerb(str(lemma).lower(), hint, entry.get("object"), particles, only, about)
            )
        phrases = {
            str(k).lower(): str((v or {}).get("hint", "neutral"))
            for k, v in (data.get("phrases") or {}).items()
        }
        return cls(
            verbs,
            phrases,
            data.get("statement_nouns") or (),
            data.get("sent_to") or (),
            data.get("person_nouns") or (),
            {
                str(k): str((v or {}).get("hint", "neutral"))
                for k, v in (data.get("nouns") or {}).items()
            },
        )

    def get(self, lemma: str) -> SpeechVerb | None:
        return self._verbs.get(lemma.lower())

    def lemmas(self) -> frozenset[str]:
        return frozenset(self._verbs)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and lemma.lower() in self._verbs

    def __len__(self) -> int:
        return len(self._verbs)


@lru_cache(maxsize=1)
def _packaged_verbs() -> SpeechVerbs:
    return SpeechVerbs.load()
