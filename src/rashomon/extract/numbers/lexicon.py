"""The words numbers are made of and framed by, and the qualifier labels they map to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from rashomon.errors import InputError

EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, VAGUE = (
    "exact", "approximate", "at_least", "at_most", "range", "vague",
)  # fmt: skip
PERCENT = "percent"
# ASCII-folded text writes £ as "PS" and ¥ as "Y=" ("PS8.1bn", "Y=28,030"); "minus-130",
# "-5" and "−5" are negative.
_DIGITS = re.compile(
    r"(?P<neg>minus-|[-−](?=\d))?"
    r"(?P<cur>[A-Za-z]{0,2}\$|\$[A-Z]{1,2}(?=\d)|PS(?=\d)|Y=(?=\d)|[€£¥₺₽₪₹])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[-–](?P<hi>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?P<suf>[A-Za-z%/²]+[23]?)?\Z"
)
_DASHES = {"-", "–", "—"}
_PRONOUNS = {"PRON"}
_NOMINAL = {"NOUN", "PROPN"}
_LOCATIVE = {"in", "inside", "near", "at", "across", "around", "throughout", "within", "outside"}
_BARE_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "one"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# How a speech verb holds what it reports: "said (that) ...", "estimated 300", "put it at".
_REPORTED = {"ccomp", "parataxis", "xcomp", "dobj", "attr", "oprd", "advcl", "conj", "dep"}
_ABOUT_KINDS = ("organisation", "nationality", "metonym", "person")
_GROUPED = ("measure_words", "victim_groups", "claimant_nouns")  # {group: [words]} lists


@dataclass(frozen=True)
class NumberLexicon:
    """The words numbers are made of and framed by, loaded once from `number_words.yaml`."""

    data: dict[str, Any]
    phrases: dict[str, dict[tuple[str, ...], str]]  # percent, currency_words, measures, ...
    sets: dict[str, frozenset[str]]
    qualifiers: dict[tuple[str, ...], str]
    starters: frozenset[str]  # lower-case words a number can start with (digits aside)
    # word -> its group, for the grouped word lists ("kill" -> "killed", "boy" -> "children")
    groups: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> NumberLexicon:
        return _packaged_lexicon()

    @classmethod
    def parse(cls, origin: str, text: str) -> NumberLexicon:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise InputError(origin, f"invalid YAML in number words: {exc}") from exc
        if not isinstance(data, dict):
            raise InputError(origin, "number words must be a mapping")
        phrases = {
            key: {tuple(str(k).lower().split()): str(v) for k, v in (data.get(key) or {}).items()}
            for key in ("percent", "currency_words", "measures", "suffix_qualifiers", "per_units")
        }
        sets = {
            key: frozenset(str(w).lower() for w in value)
            for key, value in data.items()
            if isinstance(value, list)
        }
        qualifiers = {
            tuple(str(p).lower().split()): name
            for name, words in (data.get("qualifiers") or {}).items()
            for p in words
        }
        starters = {"a", "an", "half", "us", "c", "hk"}
        for key in ("words", "scales", "vague", "currency_symbols"):
            starters |= {str(k).lower() for k in (data.get(key) or {})}
        starters |= {str(w).split()[0].lower() for w in data.get("vague_counters") or []}
        groups = {
            key: {
                str(word).lower(): str(group)
                for group, words in (data.get(key) or {}).items()
                for word in words or ()
            }
            for key in _GROUPED
        }
        return cls(data, phrases, sets, qualifiers, frozenset(starters), groups)

    def mapping(self, key: str) -> dict[str, Any]:
        return self.data.get(key) or {}

    def has(self, key: str, word: str) -> bool:
        return word in self.sets.get(key, frozenset())

    def group(self, key: str, word: str) -> str | None:
        """The group a word is listed under in a grouped list ('measure_words', ...)."""
        return self.groups.get(key, {}).get(word)


@lru_cache(maxsize=1)
def _packaged_lexicon() -> NumberLexicon:
    text = resources.files("rashomon.data").joinpath("number_words.yaml").read_text("utf-8")
    return NumberLexicon.parse("number_words.yaml", text)
