"""The words numbers are made of and framed by, and the qualifier labels they map to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from rashomon.errors import InputError

EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, VAGUE = (
    "exact", "approximate", "at_least", "at_most", "range", "vague",
)  # fmt: skip
PERCENT = "percent"
_DIGITS = re.compile(
    r"(?P<cur>[A-Za-z]{0,2}\$|\$[A-Z]{1,2}(?=\d)|[€£¥₺₽₪₹])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[-–](?P<hi>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?P<suf>[A-Za-z%/²]+)?\Z"
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


@dataclass(frozen=True)
class NumberLexicon:
    """The words numbers are made of and framed by, loaded once from `number_words.yaml`."""

    data: dict[str, Any]
    phrases: dict[str, dict[tuple[str, ...], str]]  # percent, currency_words, measures, ...
    sets: dict[str, frozenset[str]]
    qualifiers: dict[tuple[str, ...], str]
    starters: frozenset[str]  # lower-case words a number can start with (digits aside)

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
        return cls(data, phrases, sets, qualifiers, frozenset(starters))

    def mapping(self, key: str) -> dict[str, Any]:
        return self.data.get(key) or {}

    def has(self, key: str, word: str) -> bool:
        return word in self.sets.get(key, frozenset())


@lru_cache(maxsize=1)
def _packaged_lexicon() -> NumberLexicon:
    text = resources.files("rashomon.data").joinpath("number_words.yaml").read_text("utf-8")
    return NumberLexicon.parse("number_words.yaml", text)
