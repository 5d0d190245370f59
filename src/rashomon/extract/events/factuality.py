"""How factual an event is, read from the words around its trigger.

The trigger's own clause is read first (negation, a modal, "if"), then the clauses that
embed it, up to the first word that frames it: "did not refuse" is negated, "would meet"
planned, "proposed that ... take advantage of a pause" proposed, "called on X to leave"
demanded, "accused X of bombing" alleged. Only clausal links carry a frame upwards: the
object of "did not reject the ceasefire" is not itself negated, and an event under
"stop" or "continue" is going on, whatever is said of stopping it, and one under "know" or
"realise" happened, whatever is said of knowing it ("did not know they were striking a
hospital": they were). A light verb's words count for its noun ("was expected to hold
talks"). `historical` is decided later, from the event's date.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.clauses import reporting_verb
from rashomon.extract.events.lexicon import EventLexicon
from rashomon.extract.events.tree import negation, unable
from rashomon.extract.events.triggers import Trigger

_NEGATORS = frozenset({"not", "n't", "never", "no", "without"})
_LACKING = frozenset({"absence", "lack"})  # "the absence of any traces of", "a lack of evidence of"
_CONDITIONS = frozenset({"if", "unless", "whether"})  # "not clear whether X did it"
_HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
_SUSPECTED = frozenset({"alleged", "suspected", "purported", "reported", "supposed", "apparent"})
_CLAUSAL = frozenset({"xcomp", "ccomp", "pcomp", "csubj", "acl", "advcl", "relcl"})
_CARRY = frozenset({"conj", "prep", "pobj", "dobj", "nsubjpass", "attr", "oprd"})
_PURPOSE = frozenset({"to", "in order to", "so"})
_INTENT = frozenset({"planned", "proposed"})
_OVER_INTENT = frozenset({"demanded", "negated"})


def factuality(
    trigger: Trigger, lexicon: EventLexicon, triggers: set[int]
) -> tuple[str, Token | None]:
    """(factuality, the word that decided it); `triggers` holds the token ids of all event
    words, so that the object of another event ("rejected the offer") stops the climb."""
    node: Token = trigger.head
    ruled_out = unable(node)
    if ruled_out is not None:  # "is not in a position to dispute it"; not what it is done
        return "negated", ruled_out  # by ("unable to win by fighting": the fighting was)
    light = trigger.light_verb
    for _ in range(12):
        marked = _own_marker(node, lexicon)
        if marked is not None:
            return marked
        if light is not None and node.i == trigger.head.i:
            node = light
            lent = lexicon.frames.get(light.lemma_.lower())
            if lent in _INTENT:  # "offered talks", "promised aid": the noun is proposed
                return _stacked(lent, light, lexicon)
            continue
        head = node.head
        if head.i == node.i:
            break
        dep = node.dep_
        lemma = head.lemma_.lower()
        if lemma in lexicon.boundaries and dep in _CLAUSAL:
            break
        if dep in _CLAUSAL:
            if dep == "advcl":
                purpose = _purpose_marker(node)
                if purpose is not None:  # "met to discuss": the frame word is the "to"
                    return "planned", purpose
            if dep == "pcomp" and head.dep_ == "prep":  # "accused X of shelling"
                head = head.head
                if head.dep_ == "dobj" and head.head.lemma_.lower() in lexicon.frames:
                    head = head.head  # the parser hung "of shelling" on X
                lemma = head.lemma_.lower()
            elif dep in ("acl", "relcl") and (verb := reporting_verb(node)) is not None:
                head, dep = verb, "ccomp"  # "said in a statement that ...": the verb's clause
                lemma = head.lemma_.lower()
            frame = lexicon.frames.get(lemma)
            if frame == "negated" and dep != "relcl" and negation(head) is not None:
                return "alleged", head  # "did not deny that its strike killed civilians"
            if frame is not None and dep != "relcl":
                return _stacked(frame, head, lexicon)
            if dep == "ccomp" and lemma in lexicon.words("speech") and negation(head) is None:
                break  # "denied the charge, noting that Azov blew it up": noted, not denied
            if dep == "relcl":
                break
            node = head
            continue
        if dep == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children):
            break  # "not for talks but for discussions": the second is asserted
        if _attack_told_as_known(trigger, dep, head, lexicon):
            break
        if dep in _CARRY and not (dep != "conj" and head.i in triggers):
            if dep == "prep" and node.lower_ in ("for", "of", "to") and lemma in lexicon.frames:
                return lexicon.frames[lemma], head  # "a plan for rebels to withdraw"
            node = head
            continue
        break
    return "asserted", None


def _attack_told_as_known(trigger: Trigger, dep: str, head: Token, lexicon: EventLexicon) -> bool:
    """An attack named as the object of a verb that does not carry it out, or in a phrase
    about something else, is told as having happened, whatever that clause says: "gave no
    toll for the ambush", "has not acknowledged deaths from its strikes", "vowed to avenge
    the attack"."""
    if trigger.sense.type != "ASSAULT" or not trigger.is_noun:
        return False
    lemma = head.lemma_.lower()
    if dep == "prep" and head.pos_ in ("NOUN", "PROPN"):  # "made no mention of the attack"
        return lemma not in lexicon.frames  # but "plans for an attack" are plans
    if head.pos_ not in ("VERB", "AUX") or dep not in ("dobj", "prep", "nsubjpass"):
        return False
    return lemma not in lexicon.light_verbs


def _stacked(frame: str, word: Token, lexicon: EventLexicon) -> tuple[str, Token]:
    """An intent frame under a demand or a negation takes theirs: "must be ready to mediate"
    is demanded, "is not willing to send" negated (the frame word's own clause decides)."""
    if frame not in _INTENT:
        return frame, word
    clause = word.head if word.dep_ in ("acomp", "attr") else word  # "be ready": the "be"
    marked = _own_marker(clause, lexicon)
    if marked is not None and marked[0] in _OVER_INTENT:
        return marked
    return frame, word


def _own_marker(node: Token, lexicon: EventLexicon) -> tuple[str, Token] | None:
    for child in node.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated", child
    absent = _no_evidence(node, lexicon) or _no_sign_of(node, lexicon)
    if absent is not None:  # "no evidence has been found that the government carried it out"
        return "negated", absent
    if node.dep_ == "pobj" and node.head.lower_ == "without":
        return "negated", node.head
    for child in node.children:
        lower = child.lower_
        if child.dep_ in ("aux", "auxpass") and lower in lexicon.modals:
            return lexicon.modals[lower], child
        if child.dep_ == "mark" and lower in _CONDITIONS:
            return "hypothetical", child
        if child.dep_ == "advmod" and lower in _HEARSAY:
            return "alleged", child
        if child.dep_ == "amod" and lower in _SUSPECTED and node.pos_ == "NOUN":
            return "alleged", child  # "a suspected chemical attack", "the alleged attack"
    if node.dep_ == "xcomp" and node.head.lower_ == "going":
        return "planned", node.head
    return None


def _no_evidence(node: Token, lexicon: EventLexicon) -> Token | None:
    """The "no" of a verb's subject or object that says a thing was not found ("no evidence
    has been found that ...", "found no proof that ..."): the clause the verb frames is
    denied, not told. Which nouns say so is data (`absence`)."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            child.lemma_.lower() in lexicon.words("absence")
        ):
            no = next((c for c in child.children if c.dep_ == "det" and c.lower_ == "no"), None)
            if no is not None:
                return no
    return None


def _no_sign_of(node: Token, lexicon: EventLexicon) -> Token | None:
    """The "no" before the noun an act is found "of" when nothing was found: "no trace of a
    chemical assault", "no evidence of an attack on the convoy" deny the act (the same
    `absence` nouns as above), and so do "the absence of any traces of" and "a lack of
    evidence of"."""
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return None
    holder = node.head.head
    if holder.lemma_.lower() not in lexicon.words("absence"):
        return None
    no = next((c for c in holder.children if c.dep_ == "det" and c.lower_ == "no"), None)
    if no is None and holder.dep_ == "pobj" and holder.head.lower_ == "of":
        lacking = holder.head.head  # "the absence of any traces of the use of toxic agents"
        return lacking if lacking.lemma_.lower() in _LACKING else None
    return no


def _purpose_marker(node: Token) -> Token | None:
    """The "to" of a purpose clause ("met to discuss"), None for any other adverbial clause."""
    marks = [c for c in node.children if c.dep_ in ("aux", "mark")]
    if any(c.lower_ == "so" for c in marks):
        return None
    return next((c for c in marks if c.lower_ == "to"), None)
