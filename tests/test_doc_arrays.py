"""DocArrays answers exactly as spaCy's Token attributes do (invented sentences)."""

from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from rashomon.extract.doc_arrays import _ARRAYS, DocArrays, doc_arrays
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

TEXT = (
    "Government forces said on Friday that they had retaken the old town after heavy fighting.\n\n"
    "A monitor in London said 12 civilians were killed, and rebels denied it. Who fired first?"
)


@pytest.fixture(scope="module")
def doc():
    return load_pipeline(Settings().model)(TEXT)


def test_columns_are_the_token_attributes(doc):
    arrays = DocArrays(doc)
    for t in doc:
        i = t.i
        assert arrays.text[i] == t.text
        assert arrays.lower[i] == t.lower_
        assert arrays.lemma[i] == t.lemma_
        assert arrays.lemma_lower[i] == t.lemma_.lower()
        assert arrays.pos[i] == t.pos_
        assert arrays.dep[i] == t.dep_
        assert arrays.head[i] == t.head.i
        assert arrays.idx[i] == t.idx


def test_tree_and_sentences_in_spacy_order(doc):
    arrays = DocArrays(doc)
    for t in doc:
        assert arrays.children(t.i) == [c.i for c in t.children]
        assert arrays.subtree(t.i) == [s.i for s in t.subtree]
        assert arrays.sentence(t.i) == (t.sent.start, t.sent.end)
        assert arrays.sentence_chars(t.i) == (t.sent.start_char, t.sent.end_char)


def test_a_non_projective_tree_keeps_spacy_subtree_order():
    words = ["a", "b", "c", "d", "e"]
    # "d" hangs on "b" across "c", whose head is "e": crossing arcs
    doc = Doc(Vocab(), words=words, heads=[1, 4, 4, 1, 4], deps=["x", "y", "z", "w", "ROOT"])
    arrays = DocArrays(doc)
    for t in doc:
        assert arrays.subtree(t.i) == [s.i for s in t.subtree]
        assert arrays.children(t.i) == [c.i for c in t.children]


def test_an_unparsed_doc_and_an_empty_one():
    doc = Doc(Vocab(), words=["Hello", "there"])
    arrays = DocArrays(doc)
    assert arrays.lower == [t.lower_ for t in doc]
    assert arrays.pos == ["", ""] and arrays.dep == ["", ""]
    assert arrays.head == [0, 1]
    assert DocArrays(Doc(Vocab(), words=[])).lower == []


def test_built_once_per_doc_and_gone_with_it():
    doc = Doc(Vocab(), words=["one", "two"])
    assert doc_arrays(doc) is doc_arrays(doc)
    del doc
    gc.collect()
    assert not any(len(d) == 2 for d in _ARRAYS)
