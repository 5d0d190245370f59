"""Who did an act that a noun names, when the noun has neither an owner nor a "by" of its own.

The press names an attack's doer through other words more often than through the attack
noun: "air strikes carried out by the coalition", "the strikes were probably carried out by
regime forces", "forces loyal to Assad were behind the attack", "X was responsible for the
attack", "IS claimed the bombing", "activists accused government forces of the attack",
"Washington blames the Syrian government for the attack", "the regime blamed the attack on
the rebels", "X denied responsibility for the attack". Each reading gives the doer's head
words and, where the words say so, how factual the deed is for that doer: an accusation makes
it alleged (the accuser is the one who says so), a denial negated (the denier did not do it).
Which words play which part is data (`attribution` in data/event_verbs.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.events.lexicon import EventLexicon, EventSense
from rashomon.extract.events.tree import HEARSAY_VERBS, first_child
from rashomon.extract.events.triggers import Trigger

_NOBODY = frozenset({"nobody", "none", "noone"})
_TO_REPORT = frozenset({"pobj", "prep", "ccomp", "acl", "relcl", "dobj", "nsubj", "nsubjpass"})
_DENYING = frozenset({"negated"})
_PREDICATES = ("acomp", "attr", "oprd")
_COMPLEMENTS = frozenset({"acomp", "attr", "dobj", "oprd", "conj", "appos"})
_CHAIN = 3  # "believed to have been carried out by": how many open complements to follow


@dataclass(frozen=True)
class Told:
    """The doer heads a clause names for an act, and what it makes of the act for them."""

    heads: tuple[Token, ...]
    factuality: str | None = None  # None: the act's own; "alleged" (accused), "negated"
    frame: Token | None = None  # the word that set it ("accused", "denied")


class Attributor:
    """Reads the doer of an act named by a noun through the words around it."""

    def __init__(self, lexicon: EventLexicon, subject_of: Callable[[Token], list[Token]]) -> None:
        self.lexicon = lexicon
        self.subject_of = subject_of

    def of(self, noun: Token) -> Told | None:
        for reading in (self._carried_out_by, self._accused, self._blamed_on,
                        self._responsible, self._claimed):  # fmt: skip
            told = reading(noun)
            if told is not None and told.heads:
                return told
        return None

    def denied_report(self, act: Token) -> Told | None:
        """An act told only as a report that is denied or called untrue: "SANA said the
        reports on the use of chemical weapons are totally false", "the government denied
        reports that the army shelled the town". The act is negated, and the one who denies
        it (the subject of the denial, else of the speech verb above "are false") is who,
        by the denial, did not do it."""
        report = self._report_of(act)
        if report is None:
            return None
        head = report.head
        if report.dep_ in ("dobj", "nsubjpass") and self._denies(head):
            return Told(tuple(self.subject_of(head)), "negated", head)  # "denied reports"
        called = [c for c in report.children if c.dep_ == "amod"]  # "false reports"
        if report.dep_ in ("nsubj", "nsubjpass"):  # "reports ... are false / were fabricated"
            called += [head, *(c for c in head.children if c.dep_ in _PREDICATES)]
        elif report.dep_ == "dobj":  # "described the reports as completely untrue"
            called += [w for c in head.children if c.dep_ in (*_PREDICATES, "prep", "advcl")
                       for w in (c, *c.children)]  # fmt: skip
        false = self.lexicon.words("untrue")
        word = next((w for w in called if w.lemma_.lower() in false or w.lower_ in false), None)
        if word is None:
            return None
        if report.dep_ == "dobj":
            return Told(tuple(self.subject_of(head)), "negated", word)
        speaker = _speaker_above(head, self.lexicon)
        deniers = self.subject_of(speaker) if speaker is not None else []
        return Told(tuple(deniers), "negated", word)

    def denied_acts(self, triggers: list[Trigger]) -> list[Trigger]:
        """ "The key rebel group denied any involvement": a denied part in an attack told in
        the same or the sentence before, with no act named after it, is a denial of that
        attack (an ASSAULT trigger whose light verb is the denial, and whose subject is the
        one who did not do it)."""
        found: list[Trigger] = []
        acts = [t for t in triggers if t.sense.type == "ASSAULT"]
        if not acts:
            return found
        sentence_of = {s.start: n for n, s in enumerate(acts[0].head.doc.sents)}
        for act_noun in _role_nouns(acts[0].head.doc, self.lexicon):
            verb = act_noun.head
            if act_noun.dep_ != "dobj" or not self._denies(verb):
                continue
            here = sentence_of[act_noun.sent.start]
            nearby = [t for t in acts if 0 <= here - sentence_of[t.head.sent.start] <= 1]
            if not nearby:
                continue
            sense = EventSense("ASSAULT", nearby[-1].mode)
            span = act_noun.doc[act_noun.i : act_noun.i + 1]
            found.append(Trigger(act_noun, span.start_char, span.end_char, sense, sense.mode,
                                 light_verb=verb, text=span.text))  # fmt: skip
        return found

    def _report_of(self, act: Token) -> Token | None:
        """The report noun an act is told in ("reports on the use of", "claims that the
        army shelled"), a few steps up the tree."""
        node = act
        for _ in range(4):
            if node.dep_ not in _TO_REPORT or node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ == "NOUN" and node.lemma_.lower() in self.lexicon.words("reports"):
                return node
        return None

    def _denies(self, verb: Token) -> bool:
        return (
            verb.pos_ in ("VERB", "AUX")
            and self.lexicon.frames.get(verb.lemma_.lower()) in _DENYING
        )

    # -- readings -------------------------------------------------------------------------

    def _carried_out_by(self, noun: Token) -> Told | None:
        """ "strikes carried out by X", "the strikes were carried out by X", "an attack
        believed to have been carried out by X", "an attack claimed by X": the agent of a light
        verb (or of claiming), in the clause that describes the noun or whose subject it is."""
        arrays = doc_arrays(noun.doc)
        starts = [noun.doc[c] for c in arrays.children(noun.i) if arrays.dep[c] in ("acl", "relcl")]
        if noun.dep_ == "nsubjpass" or (
            noun.dep_ == "nsubj" and noun.head.lemma_.lower() in HEARSAY_VERBS
        ):  # "the strikes were carried out by", "the attack believed to have been ..."
            starts.append(noun.head)
        doing = self.lexicon.light_verbs | self.lexicon.words("claim")
        for verb in starts:
            for _ in range(_CHAIN):
                if verb.lemma_.lower() in doing:
                    agents = _agents(verb)
                    if agents:
                        return Told(tuple(agents))
                following = first_child(verb, ("xcomp",))
                if following is None:
                    break
                verb = following
        return None

    def _accused(self, noun: Token) -> Told | None:
        """ "accused X of the attack", "blames X for the attack", "X, accused of the attack",
        "evidence implicating X in the attack": the one accused did it, on the accuser's
        word."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "for", "in"):
            return None
        holder = noun.head.head
        if holder.dep_ == "dobj" and self._accuses(holder.head):
            return Told((holder,), "alleged", holder.head)  # the parser hung "of" on X
        if not self._accuses(holder):
            return None
        accused = first_child(holder, ("dobj", "nsubjpass"))
        if accused is None and holder.dep_ == "acl":
            accused = holder.head  # "government forces, accused of the attack"
        if accused is None:
            return None
        return Told((accused,), "alleged", holder)

    def _blamed_on(self, noun: Token) -> Told | None:
        """ "blamed the attack on X", "the attack was blamed on X", "an attack which the
        regime blamed on the rebels"."""
        words = self.lexicon.words("blame_on")
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        if verb is None or verb.lemma_.lower() not in words:
            verb = next(
                (c for c in noun.children
                 if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in words),
                None,
            )  # fmt: skip
        if verb is None or verb.lemma_.lower() not in words:
            return None
        holders = (verb, noun) if noun.head.i == verb.i else (verb,)  # "on" hung on the noun
        on = next(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"),
            None,
        )
        blamed = first_child(on, ("pobj",)) if on is not None else None
        return Told((blamed,), "alleged", verb) if blamed is not None else None

    def _responsible(self, noun: Token) -> Told | None:
        """ "X was behind the attack", "X was responsible for it", "X's role in the bombing",
        "X denied responsibility for the attack" (negated for X)."""
        if noun.dep_ != "pobj":
            return None
        prep, word = noun.head, noun.head.head
        if prep.lower_ in self.lexicon.words("behind"):
            own = first_child(prep, ("nsubj",))
            if own is not None:  # "says the regime likely behind attacks": the regime
                return Told((own,), *self._denied(prep, None))
            if prep.dep_ == "prep" and word.pos_ in ("VERB", "AUX"):
                return self._subject_told(word, word)
            return None
        if prep.lower_ not in ("for", "in", "of", "behind"):
            return None
        if word.lemma_.lower() not in self.lexicon.words("responsible"):
            return None
        owner = first_child(word, ("poss",))
        if owner is not None:
            return Told((owner,), *self._denied(word, None))
        if word.dep_ not in _COMPLEMENTS or word.head.pos_ not in ("VERB", "AUX"):
            return None
        return self._subject_told(word.head, word)

    def _claimed(self, noun: Token) -> Told | None:
        """ "IS claimed the attack": the one who claims an act did it."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lexicon.words("claim"):
            return None
        told = self._subject_told(verb, verb)
        return told if told is not None and told.factuality is None else None

    # -- helpers --------------------------------------------------------------------------

    def _subject_told(self, clause: Token, word: Token) -> Told | None:
        subjects = [s for s in self.subject_of(clause) if not _nobody(s)]
        if not subjects:
            return None
        return Told(tuple(subjects), *self._denied(word, clause))

    def _denied(self, word: Token, clause: Token | None) -> tuple[str | None, Token | None]:
        """Whether the responsibility is denied: "denied responsibility", "had no role in",
        "was not behind"."""
        above = clause.head if clause is not None and clause.dep_ == "ccomp" else None
        for node in (word, clause, above):  # "denied its forces were behind the attack"
            if node is None:
                continue
            for child in node.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                    return "negated", child
            if self.lexicon.frames.get(node.lemma_.lower()) == "negated":
                return "negated", node
        return None, None

    def _accuses(self, verb: Token) -> bool:
        sense = self.lexicon.verbs.get(verb.lemma_.lower())
        return verb.pos_ == "VERB" and sense is not None and sense.type == "ACCUSE"


def _role_nouns(doc: Doc, lexicon: EventLexicon) -> list[Token]:
    """Nouns for a part in an act that name no act after them ("any involvement", not
    "involvement in the attack", which `_responsible` reads)."""
    roles = lexicon.words("denial_acts")
    arrays = doc_arrays(doc)  # the Doc's columns: a Token only for a role noun
    pos, dep = arrays.pos, arrays.dep
    return [
        doc[i] for i, lemma in enumerate(arrays.lemma_lower)
        if pos[i] == "NOUN" and lemma in roles
        and not any(dep[c] == "prep" for c in arrays.children(i))
    ]  # fmt: skip


def _speaker_above(word: Token, lexicon: EventLexicon) -> Token | None:
    """The verb of saying that frames a clause ("SANA said the reports are false")."""
    node = word
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lexicon.words("speech"):
            return node
    return None


def _agents(verb: Token) -> list[Token]:
    agent = first_child(verb, ("agent",))
    return [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []


def _nobody(word: Token) -> bool:
    """ "No one claimed responsibility", "nobody was behind it": no doer is named."""
    no = any(c.dep_ == "det" and c.lower_ == "no" for c in word.children)
    return no or word.lower_ in _NOBODY
