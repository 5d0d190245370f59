"""Mutual accusations: "Russia and Ukraine accused each other of shelling a prison".

Where both sides of a contested strike blame the other, the press often says so in one
clause, and that clause is the whole of the perpetrator dispute: each side names the other
as the doer. Read word by word it says something else: one accusation by both sides, of the
last side named (the parse resolves "each other" to a name near it), and an attack whose doer
is "each other". Here such an accusation becomes one accusation per accuser, each of all the
others, and the attack keeps no doer of its own: who did it is only what each side says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.model import Event

# "each other", "one another", as two words
_RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
_TYPES = frozenset({"ACCUSE"})


def mutual_accusations(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """The events with each mutual accusation split into one per accuser, accusing every
    other accuser, and no attack done by "each other"."""
    found: list[Event] = []
    for event in events:
        if event.type in _TYPES and len(event.sources) >= 2 and _mutual(doc, event):
            for accuser in event.sources:
                others = tuple(s for s in event.sources if s is not accuser)
                found.append(replace(event, sources=(accuser,), targets=others))
            continue
        sources = tuple(s for s in event.sources if not _reciprocal_words(s.text))
        found.append(replace(event, sources=sources) if sources != event.sources else event)
    return found


def _mutual(doc: Doc, event: Event) -> bool:
    """Whether the accusing word takes "each other" as its object ("accused each other of",
    "blamed one another for")."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    return any(_is_reciprocal(child) for child in verb.children if child.dep_ == "dobj")


def _is_reciprocal(word: Token) -> bool:
    """ "each other" (the object "other"), "one another" (the parse makes "one" the object)."""
    doc = word.doc
    before = doc[word.i - 1].lower_ if word.i > 0 else ""
    after = doc[word.i + 1].lower_ if word.i + 1 < len(doc) else ""
    return (before, word.lower_) in _RECIPROCALS or (word.lower_, after) in _RECIPROCALS


def _reciprocal_words(text: str) -> bool:
    return tuple(text.lower().split()) in _RECIPROCALS
