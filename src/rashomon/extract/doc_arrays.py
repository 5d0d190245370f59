"""A Doc's token attributes as plain Python lists, read once per Doc and shared by extractors.

Every `token.pos_`, `token.lower_` or `token.head` builds a `Token` object and decodes a
string from the vocabulary, and every `token.children`, `token.subtree` or `token.sent` runs
a Cython generator or walks the Doc; the extractors do this for every token they look at,
often several times over, so on FA-KES about a third of extraction was spaCy building
objects and decoding strings rather than rashomon's rules. Here the columns come from one
`Doc.to_array` per Doc, each distinct string decoded once, and hot loops index plain lists.
`DocArrays` is kept weakly keyed by its Doc (as `doc_text`), so it goes when the Doc does;
a parsed Doc's annotations do not change during extraction.

Everything here answers exactly as spaCy's own attributes do: `children(i)` is
`Token.children` (left children then right ones, each in text order), `subtree(i)` is
`Token.subtree` in its order (also for a non-projective parse), `sentence(i)` the bounds of
`Token.sent`.
"""

from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary, ref

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc

_ATTRS = (LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX)


class DocArrays:
    """Per-token columns of one Doc: `lower`, `lemma`, `lemma_lower`, `pos`, `tag`, `dep`,
    `ent_type` (strings, "" where unset, as the `..._` attributes give), `head` (absolute
    token index) and `idx` (character offset), plus sentence bounds per token."""

    __slots__ = (
        "_doc", "lower", "lemma", "lemma_lower", "pos", "tag", "dep", "ent_type", "head", "idx",
        "_children", "_sent_start", "_sent_end",
    )  # fmt: skip

    def __init__(self, doc: Doc) -> None:
        # a weak reference: the table holding this object is keyed weakly by the very Doc
        self._doc = ref(doc)
        n = len(doc)
        table = doc.to_array(list(_ATTRS)) if n else numpy.zeros((0, len(_ATTRS)), "uint64")
        columns = table.T.tolist()
        strings = doc.vocab.strings
        # each distinct value decoded once, then the column mapped in C (no loop in Python)
        names = {h: strings[h] for column in columns[:6] for h in set(column)}
        self.lower, self.lemma, self.pos, self.tag, self.dep, self.ent_type = (
            list(map(names.__getitem__, column)) for column in columns[:6]
        )
        lowered = {name: name.lower() for name in set(self.lemma)}
        self.lemma_lower = list(map(lowered.__getitem__, self.lemma))
        # HEAD is relative and comes back as an unsigned 64-bit number: read it back signed
        self.head = (numpy.arange(n) + table[:, 6].astype("int64")).tolist()
        self.idx = columns[7]
        self._children: list[list[int]] | None = None
        self._sent_start: list[int] | None = None
        self._sent_end: list[int] = []

    def doc(self) -> Doc:
        doc = self._doc()
        assert doc is not None, "DocArrays outlived its Doc"
        return doc

    def children(self, i: int) -> list[int]:
        """Indices of `doc[i].children`, in spaCy's order (ascending)."""
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.head]
            for k, h in enumerate(self.head):
                if h != k:
                    kids[h].append(k)
            self._children = kids
        return self._children[i]

    def subtree(self, i: int) -> list[int]:
        """Indices of `doc[i].subtree`, in spaCy's order: each left child's subtree, the
        token, each right child's subtree (a loop, not recursion: a parse can be deep)."""
        out: list[int] = []
        stack = [(i, False)]
        while stack:
            k, placed = stack.pop()
            if placed:
                out.append(k)
                continue
            kids = self.children(k)
            split = bisect_right(kids, k)
            stack.extend((c, False) for c in reversed(kids[split:]))
            stack.append((k, True))
            stack.extend((c, False) for c in reversed(kids[:split]))
        return out

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


_ARRAYS: WeakKeyDictionary[Doc, DocArrays] = WeakKeyDictionary()


def doc_arrays(doc: Doc) -> DocArrays:
    """The Doc's `DocArrays`, built on first use."""
    arrays = _ARRAYS.get(doc)
    if arrays is None:
        arrays = _ARRAYS[doc] = DocArrays(doc)
    return arrays
