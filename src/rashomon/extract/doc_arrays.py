"""A Doc's token attributes as plain Python lists, read once per Doc and shared by extractors.

Every `token.pos_`, `token.lower_` or `token.head` builds a `Token` object and decodes a
string from the vocabulary, and every `token.children`, `token.subtree` or `token.sent` runs
a Cython generator or walks the Doc; the extractors do this for every token they look at,
often several times over, so on FA-KES about a third of extraction was spaCy building
objects and decoding strings rather than rashomon's rules. Here the columns come from one
`Doc.to_array` per Doc, each distinct string decoded once, and hot loops index plain lists.
`DocArrays` is kept weakly keyed by its Doc (as `doc_text`), so it goes when the Doc does;
a parsed Doc's annotations do not change during extraction.

A Token attribute is cheap on its own (a pass of `token.pos_` over an article is about
0.1 ms) and building the columns costs about three such passes (0.3 ms an FA-KES article),
so move a loop here only where it runs over many words or many times: a scan of every
word for the few a lexicon knows, a subtree or children read per candidate.

Everything here answers exactly as spaCy's own attributes do: `children(i)` is
`Token.children` (left children then right ones, each in text order), `subtree(i)` is
`Token.subtree` in its order (also for a non-projective parse), `sentence(i)` the bounds of
`Token.sent`.
"""

from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary, ref

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc

_ATTRS = (ORTH, LOWER, LEMMA, POS, DEP, HEAD, IDX)
_WORDS = 5  # the first columns are strings
# A hash names one string whatever the vocabulary (it is the string's own hash; POS codes
# are spaCy's fixed symbols), so decoded names are kept across Docs: most of an article's
# words were met in earlier ones. Cleared when large, so a long ingest does not grow it.
_NAMES: dict[int, str] = {}
_MAX_NAMES = 500_000


class DocArrays:
    """Per-token columns of one Doc: `text`, `lower`, `lemma`, `lemma_lower`, `pos`, `dep`
    (strings, "" where unset, as the `..._` attributes give), `head` (absolute token index)
    and `idx` (character offset), plus children, subtrees and sentence bounds per token."""

    __slots__ = (
        "_doc", "text", "lower", "lemma", "lemma_lower", "pos", "dep", "head", "idx",
        "_children", "_tour", "_sent_start", "_sent_end",
    )  # fmt: skip

    def __init__(self, doc: Doc) -> None:
        # a weak reference: the table holding this object is keyed weakly by the very Doc
        self._doc = ref(doc)
        n = len(doc)
        table = doc.to_array(list(_ATTRS)) if n else numpy.zeros((0, len(_ATTRS)), "uint64")
        # each distinct string value decoded once, then every column taken in C
        words = table[:, :_WORDS]
        keys, where = numpy.unique(words, return_inverse=True)
        where = where.reshape(words.shape)
        names = _names(doc, keys.tolist())
        self.text, self.lower, self.lemma, self.pos, self.dep = (
            numpy.array(names, dtype=object)[where].T.tolist() if n else [[] for _ in range(_WORDS)]
        )
        lowered = numpy.array([name.lower() for name in names], dtype=object)
        self.lemma_lower = lowered[where[:, 2]].tolist()
        # HEAD is relative and comes back as an unsigned 64-bit number: read it back signed
        self.head = (numpy.arange(n) + table[:, 5].astype("int64")).tolist()
        self.idx = table[:, 6].tolist()
        self._children: tuple[list[int], list[int]] | None = None
        self._tour: tuple[list[int], list[int], list[int]] | None = None
        self._sent_start: list[int] | None = None
        self._sent_end: list[int] = []

    def doc(self) -> Doc:
        doc = self._doc()
        assert doc is not None, "DocArrays outlived its Doc"
        return doc

    def children(self, i: int) -> list[int]:
        """Indices of `doc[i].children`, in spaCy's order (ascending)."""
        if self._children is None:
            # every token grouped by its head, in text order within a group (a stable
            # sort), and where each head's group starts: built in numpy, not per token
            heads = numpy.asarray(self.head, dtype="int64")
            order = numpy.argsort(heads, kind="stable").tolist()
            bounds = numpy.cumsum(numpy.bincount(heads, minlength=len(self.head))).tolist()
            self._children = (order, [0, *bounds])
        order, bounds = self._children
        kids = order[bounds[i] : bounds[i + 1]]
        return [k for k in kids if k != i] if self.head[i] == i else kids

    def subtree(self, i: int) -> list[int]:
        """Indices of `doc[i].subtree`, in spaCy's order: each left child's subtree, the
        token, each right child's subtree. In that order every subtree is one run of a
        single walk over the whole Doc, so the walk is made once and a subtree is a slice."""
        if self._tour is None:
            self._tour = self._walk()
        order, begin, end = self._tour
        return order[begin[i] : end[i]]

    def _walk(self) -> tuple[list[int], list[int], list[int]]:
        """Every tree of the Doc in subtree order, with where each token's subtree begins
        and ends in it (a loop, not recursion: a parse can be deep)."""
        heads = self.head
        order: list[int] = []
        begin = [0] * len(heads)
        end = [0] * len(heads)
        for root in (k for k, h in enumerate(heads) if h == k):
            stack = [(root, 0)]  # 0: enter, 1: place the token, 2: leave
            while stack:
                k, step = stack.pop()
                if step == 1:
                    order.append(k)
                elif step == 2:
                    end[k] = len(order)
                else:
                    begin[k] = len(order)
                    kids = self.children(k)
                    split = bisect_right(kids, k)
                    stack.append((k, 2))
                    stack.extend((c, 0) for c in reversed(kids[split:]))
                    stack.append((k, 1))
                    stack.extend((c, 0) for c in reversed(kids[:split]))
        return order, begin, end

    def sentence(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of `doc[i].sent`."""
        if self._sent_start is None:
            starts = [0] * len(self.head)
            ends = [0] * len(self.head)
            for sent in self.doc().sents:
                for k in range(sent.start, sent.end):
                    starts[k] = sent.start
                    ends[k] = sent.end
            self._sent_start, self._sent_end = starts, ends
        return self._sent_start[i], self._sent_end[i]

    def sentence_chars(self, i: int) -> tuple[int, int]:
        """(start_char, end_char) of `doc[i].sent`."""
        start, end = self.sentence(i)
        last = self.doc()[end - 1]
        return self.idx[start], last.idx + len(last.text)


def _names(doc: Doc, keys: list[int]) -> list[str]:
    """The strings of these hashes (POS codes: symbol names)."""
    if len(_NAMES) > _MAX_NAMES:
        _NAMES.clear()
    strings = doc.vocab.strings
    found = []
    for key in keys:
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = strings[key]
        found.append(name)
    return found


_ARRAYS: WeakKeyDictionary[Doc, DocArrays] = WeakKeyDictionary()


def doc_arrays(doc: Doc) -> DocArrays:
    """The Doc's `DocArrays`, built on first use."""
    arrays = _ARRAYS.get(doc)
    if arrays is None:
        arrays = _ARRAYS[doc] = DocArrays(doc)
    return arrays
