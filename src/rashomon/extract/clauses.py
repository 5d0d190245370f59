"""Clauses the parser hangs in the wrong place, read back where they belong.

The quote finder and the event factuality reader both climb from a reported clause to the
verb that reports it; when the small model hangs that clause on a noun between them, both
need the same repair, so it lives here, below both.
"""

from __future__ import annotations

from spacy.tokens import Token

_MEDIUM_PREPS = frozenset({"in", "on", "at", "during", "via", "through"})


def clause_in_phrase(prep: Token) -> Token | None:
    """The reported clause the parser hung on the noun of a phrase between the verb and its
    "that": "said in a statement that the attack was carried out by ..." reads "a statement
    that ..." as a noun with a clause of its own, "told reporters at a briefing that rebels had
    shelled the town" as a relative clause on "briefing". It is the verb's content when "that"
    only marks it, or stands in a slot the clause fills already ("that ... shelled the town"
    has an object: "that" is no relative pronoun); "the briefing that rebels attended" is a
    relative clause and stays one. Only a phrase of where or how it was said ("in a
    statement", "at a briefing", "on Telegram"): in "responded to the claim by activists that
    640 were killed" the clause is the claim's, not the response's."""
    if prep.lower_ == "without":
        return _hedged_clause(prep)
    if prep.lower_ not in _MEDIUM_PREPS:
        return None
    for noun in prep.subtree:  # "in a post on Telegram": the noun of any such phrase
        if noun.dep_ != "pobj" or noun.head.lower_ not in _MEDIUM_PREPS:
            continue  # "said in response to claims that ...": the claim's clause
        for clause in noun.children:
            if clause.dep_ not in ("acl", "relcl") or clause.i < noun.i:
                continue
            first = clause.doc[clause.left_edge.i]
            if first.lower_ != "that" or first.head.i != clause.i:
                continue
            filled = {c.dep_ for c in clause.children if c.i != first.i}
            if not filled & {"nsubj", "nsubjpass", "expl"}:
                continue
            if first.dep_ == "mark" or first.dep_ in filled:
                return clause
    return None


_PROOF = frozenset({"evidence", "proof"})


def _hedged_clause(prep: Token) -> Token | None:
    """ "claimed without evidence that the attack was deliberate", "said without providing
    proof that ...": the writer's hedge between a verb and its clause, which the parser
    reads as the evidence's own clause; the clause is what was claimed."""
    for noun in prep.subtree:
        if noun.lower_ not in _PROOF or noun.dep_ not in ("pobj", "dobj"):
            continue
        for clause in noun.children:
            first = clause.doc[clause.left_edge.i]
            if (
                clause.dep_ in ("acl", "ccomp", "relcl")
                and first.lower_ == "that"
                and (first.dep_ == "mark")
            ):
                return clause
    return None


def reporting_verb(clause: Token) -> Token | None:
    """The verb whose content `clause` is when the parser hung it on the noun of a phrase
    after that verb (`clause_in_phrase`); None for a real noun clause."""
    node = clause.head
    while node.dep_ in ("pobj", "prep", "dobj", "pcomp") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for prep in node.children:
        if prep.dep_ == "prep" and prep.i > node.i:
            found = clause_in_phrase(prep)
            if found is not None and found.i == clause.i:
                return node
    return None
