"""The words a report is told in, and how much two reports' words say they tell one story.

Accounts of one happening share distinctive words that kind, place and day do not capture:
"bus convoy", "evacuees", "Rashidin", "funeral", "market". Common words ("killed", "Syria",
"people") are shared by accounts of different happenings too, so each word counts by how
rare it is among the reports placed so far (inverse document frequency, kept by the store
as placement goes on: see `TermCounts`). The measure is the cosine of the two reports'
weighted word sets.

The stop list is ours and short on purpose: the weights already make frequent words count
little; it only drops function words, which carry nothing (spaCy has a longer list, but
importing spaCy to read it would load the whole library into read-only commands).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from rashomon.facts import TermCounts

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_STOP_WORDS = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say saying told tells according added adding also
one two three four five six seven eight nine ten dozens hundreds thousands least mr mrs
ms monday tuesday wednesday thursday friday saturday sunday yesterday today week weeks
day days month months year years ago last since
"""
_STOP = frozenset(_STOP_WORDS.split())
MIN_LETTERS = 3


def terms_of(texts: Iterable[str]) -> tuple[str, ...]:
    """The distinct content words of the texts, lowercased and singular, sorted."""
    found: set[str] = set()
    known = _TERMS
    for text in texts:
        for word in _WORD.findall(text):
            term = known.get(word, "")
            if term == "":
                term = _term(word)
            if term is not None:
                found.add(term)
    return tuple(sorted(found))


# word as written -> its term (None: not a content word), for the words seen so far
_TERMS: dict[str, str | None] = {}
_TERMS_KEPT = 200_000


def _term(word: str) -> str | None:
    lowered = word.lower().replace("\u2019", "'").removesuffix("'s").strip("'")
    term = None if len(lowered) < MIN_LETTERS or lowered in _STOP else _singular(lowered)
    if len(_TERMS) >= _TERMS_KEPT:
        _TERMS.clear()
    _TERMS[word] = term
    return term


def _singular(word: str) -> str:
    """'buses' -> 'bus', 'evacuees' -> 'evacuee', 'strikes' -> 'strike'; 'gas', 'Homs' stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def similarity(mine: Sequence[str], theirs: Sequence[str], counts: TermCounts) -> float:
    """Cosine of two word sets, each word weighed by its rarity among placed reports."""
    if not mine or not theirs:
        return 0.0
    a, b = _words(mine, counts), _words(theirs, counts)
    norm_a = _norm(a, counts)  # also puts each of a's words in counts._squares
    words = a[0] & (b[0] if a is not b else set(theirs))  # as set(mine) & set(theirs)
    squares = counts._squares
    shared = sum(squares[t] for t in words)
    if not shared:
        return 0.0
    return shared / (norm_a * _norm(b, counts))


# One report is compared with many candidates' reports, and a candidate's report with many
# reports of the article placed: each word set is built, and its norm worked out, once per
# `counts`, in the order the sums always took (so the scores are the same to the last bit).


def _words(terms: Sequence[str], counts: TermCounts) -> list[Any]:
    """[set of the terms, its norm or None while not worked out]."""
    key = tuple(terms)
    found = counts._sets.get(key)
    if found is None:
        found = counts._sets[key] = [set(key), None]
    return found


def _norm(words: list[Any], counts: TermCounts) -> float:
    if words[1] is None:
        squares = counts._squares
        for t in words[0]:
            if t not in squares:
                squares[t] = counts.weight(t) ** 2
        words[1] = math.sqrt(sum(squares[t] for t in words[0]))
    return words[1]
