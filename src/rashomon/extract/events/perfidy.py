"""What a speaker says a side does to hide among civilians or to deceive: an accusation.

Beside whose strike it was, the sides of a contested attack charge each other with the
conduct the laws of war forbid: shielding with civilians ("militants used civilians as human
shields"), fighting out of uniform ("the combatants in the town were dressed in civilian
clothes"), firing from civilian buildings ("using the upper floors as firing points") and
false flags ("the theatre was hit in a false-flag attack by the city's defenders"). Said by
a speaker (a direct or indirect quote), each is an ACCUSE by the speaker of whoever the
clause says does it: the subject of the verb the words hang on, the head noun a participle
qualifies ("rebel fighters dressed in civilian clothes"), or the agent ("an attack by X").
The words are data (`perfidy` in data/event_verbs.yaml); in the writer's own words they
accuse no one, and neither does a negated clause ("did not use civilians as shields") nor a
side speaking of itself ("we will never use people as shields").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from rashomon.extract.doc_text import doc_text
from rashomon.extract.events.lexicon import EventLexicon
from rashomon.extract.events.reported import quoted_statement, same_side
from rashomon.model import Event, EventArgument, Quote

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_QUALIFYING = frozenset({"acl", "relcl"})  # "fighters dressed in civilian clothes"
_STEPS = 5  # head links followed up from the words to the verb they hang on
_OWN_WORDS = frozenset({"we", "i", "us", "our"})  # "we will never use people as shields"


def perfidy_charges(
    doc: Doc,
    quotes: Sequence[Quote],
    lexicon: EventLexicon,
    speaker_of: Callable[[Quote], tuple[EventArgument, ...]],
    resolve: Callable[[Sequence[Token]], list[EventArgument]],
    affiliation_of: Callable[[str], str | None],
) -> list[Event]:
    """ACCUSEs by speakers who charge a side with perfidy (see the module notes), one a
    quote; `speaker_of` gives a quote's speaker as the event's source (none: no charge),
    `resolve` the actors the words naming the accused stand for."""
    words = _pattern(lexicon.words("perfidy"))
    if words is None:
        return []
    text = doc_text(doc)
    found: list[Event] = []
    for quote in quotes:
        sources = speaker_of(quote)
        if not sources:
            continue
        for match in words.finditer(text, quote.start, quote.end):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            accused = _accused_words(span.root)
            if accused is None or any(w.lower_ in _OWN_WORDS for w in accused):
                continue
            targets = tuple(
                a for a in resolve(accused)
                if not (a.actor_id and same_side(sources[0].actor_id, a.actor_id, affiliation_of))
            )  # fmt: skip
            if accused and not targets:
                continue  # the speaker's own side: no charge it brings
            found.append(quoted_statement(span.root, "ACCUSE", sources, quote, targets))
            break  # one charge a quote
    return found


@lru_cache(maxsize=8)
def _pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    """The phrases as one pattern: whole words, any space or hyphen between them, an
    optional plural "s" ("human shields", "false-flag"); built once per word list."""
    if not phrases:
        return None
    alternatives = sorted(
        (r"[\s-]+".join(re.escape(w) for w in phrase.split()) for phrase in phrases),
        key=len,
        reverse=True,
    )
    return re.compile(rf"\b(?:{'|'.join(alternatives)})s?\b", re.IGNORECASE)


def _accused_words(word: Token) -> list[Token] | None:
    """The words naming who does it (empty when the clause names no one), or None when the
    clause is negated."""
    node = word
    for _ in range(_STEPS):
        agent = _agent_of(node)
        if agent:
            return agent
        # the words themselves are never the verb ("as firing points", parsed with "firing"
        # as a verb and "points" its object, says nothing of who fires)
        if node is not word and node.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in node.children):
                return None
            # (a subject the parse hung on the auxiliary: "fighters were dressed in ...")
            helpers = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            subjects = [c for w in (node, *helpers) for c in w.children if c.dep_ in _SUBJECTS]
            if subjects:
                return subjects
            if node.dep_ in _QUALIFYING:
                return [node.head]
            # "continue to use civilians as shields", "hold civilians there, using the
            # floors as firing points": the subject is the governing verb's
            if node.dep_ not in ("xcomp", "advcl"):
                return []
        if node.head is node:
            return []
        node = node.head
    return []


def _agent_of(word: Token) -> list[Token]:
    """ "a false-flag attack by X", "were used as shields by X": the object of the agent
    "by"."""
    return [
        g for c in word.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and word.pos_ == "NOUN")
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip
