"""Incremental TF-IDF: term weights that stay current while articles arrive one at a time.

Stories are formed as articles are ingested, so the collection is never complete. Document
frequencies grow with each article, and each article keeps its raw term counts rather than a
frozen vector, so its weights can be recomputed with the idf of the moment (and rebuilt
exactly from stored counts after a restart). No scikit-learn: this is a few dict operations.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

# A plain English stopword list, plus the reporting words every news text is full of.
_STOPWORD_TEXT = """
    a about above according across after again against ago all almost along already also
    although always am among an and another any anyone anything are around as at away back be
    became because become been before being below between both but by can cannot could did do
    does doing done down during each either else even ever every few for from further get gets
    got had has have having he her here hers herself him himself his how however i if in into
    is it its itself just last least less like made make many may me might more most much must
    my myself near neither never new next no nor not now of off often on once one only or other
    others our ours ourselves out over own per perhaps quite rather really said same say saying
    says see seen several she should since so some something still such than that the their
    theirs them themselves then there these they this those though three through thus to today
    told too two under until up upon us very via was way we well were what whatever when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

TITLE_WEIGHT = 2  # headline words count this many times: a headline names the story
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def terms(text: str) -> list[str]:
    """Lowercase word tokens that start with a letter, without stopwords or a trailing 's."""
    found: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'").strip("'-")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOPWORDS:
            found.append(word)
    return found


def term_counts(text: str, title: str = "") -> dict[str, int]:
    """How often each term occurs in the body, headline words counted TITLE_WEIGHT times."""
    counts = Counter(terms(text))
    for word in terms(title):
        counts[word] += TITLE_WEIGHT
    return dict(counts)


def unit_tf(counts: Mapping[str, int]) -> dict[str, float]:
    """Sublinear term frequency (1 + log tf), scaled to unit length.

    Unit length first, so a long article weighs as much in a story's profile as a short one.
    """
    tf = {term: 1.0 + math.log(n) for term, n in counts.items() if n > 0}
    norm = math.sqrt(sum(w * w for w in tf.values())) or 1.0
    return {term: w / norm for term, w in tf.items()}


class TermStats:
    """Document frequencies over the articles seen so far; idf is always the current one."""

    def __init__(self) -> None:
        self.documents = 0
        self.df: Counter[str] = Counter()
        # idf by term until the next document: story profiles weigh the same terms again
        # and again between two articles
        self._idf: dict[str, float] = {}

    def add(self, counts: Mapping[str, int]) -> None:
        self.documents += 1
        self.df.update(counts.keys())
        self._idf = {}

    def remove(self, counts: Mapping[str, int]) -> None:
        """Undo `add` of the same counts (a document weighed as if it were in, then not)."""
        self.documents -= 1
        self.df.subtract(counts.keys())
        for term in counts:
            if self.df[term] <= 0:
                del self.df[term]
        self._idf = {}

    @contextmanager
    def counted(self, counts: Mapping[str, int]) -> Iterator[None]:
        """`counts` added for the body of the `with`, removed after it. The frequencies are
        then as they were, so the idf values known before are known again after."""
        known = self._idf
        self.add(counts)
        try:
            yield
        finally:
            self.remove(counts)
            self._idf = known

    def idf(self, term: str) -> float:
        """Smoothed idf: a term in every document still weighs a little (never zero)."""
        found = self._idf.get(term)
        if found is None:
            found = math.log((1 + self.documents) / (1 + self.df.get(term, 0))) + 1.0
            self._idf[term] = found
        return found

    def weigh(self, profile: Mapping[str, float]) -> dict[str, float]:
        """A tf (or summed tf) profile weighted by current idf, scaled to unit length."""
        # idf read straight from its cache, filled first: a story's profile holds thousands
        # of terms, and a method call per term was most of the time spent here
        known = self._idf
        missing = [term for term in profile if term not in known]
        if missing:
            # idf depends on a term only through its document frequency: one log per
            # distinct frequency (the same expression as `idf`, so the same floats)
            df, ones = self.df, 1 + self.documents
            by_df: dict[int, float] = {}
            for term in missing:
                n = df.get(term, 0)
                found = by_df.get(n)
                if found is None:
                    found = by_df[n] = math.log(ones / (1 + n)) + 1.0
                known[term] = found
        weighted = {term: w * known[term] for term, w in profile.items()}
        values = list(weighted.values())
        norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
        return {term: w / norm for term, w in weighted.items()}

    def vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        """The unit-length TF-IDF vector of an article's term counts."""
        return self.weigh(unit_tf(counts))


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of sparse vectors; the cosine when both have unit length."""
    if len(a) > len(b):
        a, b = b, a
    # only shared terms: adding the others' 0.0 changes no sum, and skipping them is faster
    # a list, not a generator: the same products summed in the same order, faster
    return sum([w * b[term] for term, w in a.items() if term in b])


def top_terms(vector: Mapping[str, float], n: int, skip: Iterable[str] = ()) -> list[str]:
    """The n heaviest terms; on a tie the longer (usually the more specific), then A-Z."""
    skipped = set(skip)
    terms = [t for t in vector if t not in skipped]
    if n > 0 and len(vector) > 2 * (n + len(skipped)):
        # only a term as heavy as the (n + skipped)-th heaviest of all can rank among the
        # first n not skipped: sort those alone (a story's profile holds thousands)
        cut = heapq.nlargest(n + len(skipped), vector.values())[-1]
        terms = [t for t in terms if vector[t] >= cut]
    ranked = sorted(terms, key=lambda t: (-vector[t], -len(t), t))
    return ranked[:n]
