"""Whose weapon it was: a speaker who names an attack's means as another side's accuses that
side.

When the doer of a strike is contested, the sides argue less over verbs than over whose
missile fell: "the cause of the collapse was Kiev's interceptor missile, Peskov said", "the
Tochka-U missiles ... are used only by the Ukrainian armed forces, the ministry added",
"the debris looked like parts of S-300 missiles that are in service with Ukraine's army",
"the military stated that the debris identified it as a Ukrainian S-300 interceptor". Each
of these, said by a speaker (direct or indirect quote; not a monitor or an outlet, which
report), is an ACCUSE by the speaker of the side the means belong to: its owner ("Kiev's"),
the nationality it bears ("a Ukrainian S-300"), or whoever the text says uses, fires or has
it in service ("used by the Ukrainian military", "in service with Ukraine's army").

An owned weapon told as the cause of the harm is also an attack by its owner (triggers.py,
`_weapon_blamed`), which reported.py turns into the speaker's accusation; a sentence gets
one ACCUSE either way (the caller keeps one statement of a kind a sentence).

Means that something was done to are no one's accusation ("shot down ten Russian missiles",
"a Russian jet was downed"), nor are negated ones ("the missiles are not used by the
Ukrainian army"), nor means of the speaker's own side ("our S-300 systems"). Where a weapon
was made ("Russian-made") says nothing of who fired it, and is not read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.events.lexicon import EventLexicon
from rashomon.extract.events.reported import is_means, quoted_statement, same_side
from rashomon.model import Event, EventArgument, Quote

# verbs whose agent holds the means: "used by", "fired by", "operated by"
_HOLDING_VERBS = frozenset({"use", "operate", "fire", "launch", "deploy", "own"})
# a relation in which the means are done to, not used: "shot down Russian missiles"
_UNDERGOING = frozenset({"dobj", "nsubjpass"})
_AIMED_PREPS = frozenset({"at", "on", "against"})
# what befalls the means themselves: "a Syrian military aircraft crashed"
_MISHAPS = frozenset({"crash", "malfunction"})
# nouns whose "of" names the means as they were found or identified ("parts of S-300
# missiles", "fragments of a Tochka-U"); any other ("the destruction of its chemical
# weapons") does something to them
_PIECES = frozenset({
    "part", "fragment", "debris", "remains", "remnant", "piece", "wreckage", "shard",
    "type", "kind", "model",
})  # fmt: skip
_NATIONAL = frozenset({"NORP", "GPE"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_STEPS = 4  # compound and modifier links followed up to the head of the means' phrase


def owned_means(
    doc: Doc,
    quotes: Sequence[Quote],
    lexicon: EventLexicon,
    speaker_of: Callable[[Quote], tuple[EventArgument, ...]],
    owners_of: Callable[[Sequence[Token]], list[EventArgument]],
    affiliation_of: Callable[[str], str | None],
) -> list[Event]:
    """ACCUSEs by speakers who name an attack's means as another side's (see the module
    notes), one a quote; `speaker_of` gives a quote's speaker as the event's source (none:
    no accusation), `owners_of` resolves the words that name an owner to actors."""
    arrays = doc_arrays(doc)
    found: list[Event] = []
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        sources = speaker_of(quote)
        if not sources:
            continue
        for i in range(span.start, span.end):
            if arrays.pos[i] not in _NOUNS or not is_means(arrays, i, lexicon):
                continue
            owners = [
                owner for owner in owners_of(_owner_words(doc[i], lexicon.attack_nouns))
                if owner.actor_id is not None
                and not same_side(sources[0].actor_id, owner.actor_id, affiliation_of)
            ]  # fmt: skip
            if owners:
                token = doc[i]
                found.append(quoted_statement(token, "ACCUSE", sources, quote, tuple(owners)))
                break  # one accusation a quote
    return found


def _owner_words(means: Token, attacks: frozenset[str]) -> list[Token]:
    """The words naming whose the means are, in the phrase the means word heads or
    qualifies ("Kiev's interceptor missile", "a Ukrainian S-300 interceptor", "missiles
    used by X", "missiles in service with X"); none where the means undergo the act or
    are negated; none where they qualify an attack ("US missile strikes": whose strike it
    was is the attack's own doer, read where attacks are)."""
    phrase = [means]
    head = means
    for _ in range(_STEPS):
        if head.dep_ not in ("compound", "amod", "nmod") or head.head.pos_ not in _NOUNS:
            break
        head = head.head
        phrase.append(head)
    if head.lemma_.lower() in attacks or _undergoes(head):
        return []
    owners: list[Token] = []
    if not _negated(_clause_verb(head)):
        for word in phrase:
            owners += [
                c for c in word.children
                if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in _NATIONAL)
            ]  # fmt: skip
    verbs: list[Token] = []
    if head.dep_ in ("nsubj", "nsubjpass"):  # "the missiles ... are used only by the army"
        verbs += [head.head, *(c for c in head.head.children if c.dep_ == "conj")]
    # "S-300 missiles used by X", "parts of S-300 missiles that are in service with X"
    nouns = [head, head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else [head]
    verbs += [c for noun in nouns for c in noun.children if c.dep_ in ("acl", "relcl")]
    return owners + [holder for verb in verbs if not _negated(verb) for holder in _holders(verb)]


def _undergoes(head: Token) -> bool:
    """Whether the means' phrase is what an act is done to or what befell them: the object
    of a verb or the passive subject of one that is no using ("shot down Russian missiles",
    "a Russian jet was downed"), the subject of a mishap ("the aircraft crashed"), the
    object of an aimed preposition ("fired at Ukraine's S-300s") or of an "of" that is not
    a piece's ("the destruction of its chemical weapons")."""
    if head.dep_ == "dobj":
        return True
    verb = head.head.lemma_.lower()
    if head.dep_ in _UNDERGOING:
        return verb not in _HOLDING_VERBS
    if head.dep_ == "nsubj":
        return verb in _MISHAPS
    if head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ == "of":
        return preposition.head.lemma_.lower() not in _PIECES
    return preposition.lower_ in _AIMED_PREPS


def _holders(verb: Token) -> list[Token]:
    """Who a verb says holds the means: the agent of "used by X", "fired by X", or the
    object of "with" in "are in service with X"."""
    if verb.lemma_.lower() in _HOLDING_VERBS:
        return [g for c in verb.children if c.dep_ == "agent"
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for service in (g for g in prep.children if g.lemma_.lower() == "service"):
            found += [h for w in service.children if w.dep_ == "prep" and w.lower_ == "with"
                      for h in w.children if h.dep_ == "pobj"]  # fmt: skip
    return found


def _clause_verb(word: Token) -> Token:
    """The verb (or auxiliary) of the clause a word stands in; the word itself when none."""
    node = word
    while node.pos_ not in ("VERB", "AUX") and node.head is not node:
        node = node.head
    return node


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
