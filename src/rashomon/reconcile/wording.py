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
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group().lower().replace("\u2019", "'")
            word = word.removesuffix("'s").strip("'")
            if len(word) < MIN_LETTERS or word in _STOP:
                continue
            found.add(_singular(word))
    return tuple(sorted(found))


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
    a, squares, norm_a = _weighed(mine, counts)
    b, _, norm_b = _weighed(theirs, counts)
    if a is b:  # one word set twice: intersect two sets, as the sum's order was
        b = set(theirs)
    shared = sum(squares[t] for t in a & b)
    if not shared:
        return 0.0
    return shared / (norm_a * norm_b)


def _weighed(terms: Sequence[str], counts: TermCounts) -> tuple[set[str], dict[str, float], float]:
    """A word set, its words' squared weights and its norm, worked out once per `counts`:
    one report is compared with many candidates, and a candidate with many reports."""
    key = tuple(terms)
    found = counts._norms.get(key)
    if found is None:
        words = set(key)
        squares = {t: counts.weight(t) ** 2 for t in words}
        found = words, squares, math.sqrt(sum(squares[t] for t in words))
        counts._norms[key] = found
    return found
