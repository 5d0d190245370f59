"""Small readings of the dependency tree shared by the event modules."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from rashomon.extract.doc_arrays import doc_arrays

SUBJECTS = ("nsubj", "csubj")
OWNER_DEPS = ("poss", "amod", "compound", "nmod")
# Verbs that report what something is believed to be: "jets believed to be Russian", "jets
# thought to belong to the coalition".
HEARSAY_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "understand",
                           "presume", "assume", "identify"})  # fmt: skip


def governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def first_child(token: Token, deps: Sequence[str]) -> Token | None:
    """The first child in one of `deps` (read on the Doc's columns: no Token per child)."""
    arrays = doc_arrays(token.doc)
    dep = arrays.dep
    k = next((k for k in arrays.children(token.i) if dep[k] in deps), None)
    return None if k is None else token.doc[k]


_ABILITY = frozenset({"position", "able", "unable"})


def unable(verb: Token) -> Token | None:
    """The word that rules the verb's act out when no "not" of its own does: "was not in a
    position to dispute" (the "not" on "was" or "in"), "is unable to deny", "not able to
    refute"; None when nothing does."""
    head = verb.head
    if verb.dep_ not in ("acl", "relcl", "xcomp") or head.lemma_.lower() not in _ABILITY:
        return None
    if head.lemma_.lower() == "unable":
        return head
    for word in (head, head.head, head.head.head):  # "not in a position": on "in" or "was"
        found = negation(word)
        if found is not None:
            return found
    return None


def negation(word: Token) -> Token | None:
    """The "not" or "never" the parse hangs on the word, if any."""
    return next((c for c in word.children if c.dep_ == "neg"), None)
