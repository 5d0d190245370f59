"""What a speaker says an attack was: deliberate (an accusation), a mistake (a concession),
or a report of it untrue (a rejection).

The press reports the sides of a contested strike less through "accused" or "denied" than
through what each says the strike was: "Damascus believed the US airstrike was
'intentional'", "the Pentagon said the attack was carried out mistakenly", "human error was
the cause of the airstrike, CENTCOM officials said", "Assad says reports of a chemical attack
were '100% fabrication'", "'It was a premeditated attack by the American forces,' Assad
said". PLOVER codes these statements as ACCUSE, CONCEDE and REJECT by the speaker, beside the
attack itself. A stance word counts only where a speaker says it: inside the clause a speech
verb reports (or a tag after the clause reports), or inside someone's quote; the writer's
own "a deliberate attack" is no one's accusation. A negated stance word turns over ("was
not a mistake" accuses). Which words are which is data (`attribution` in
data/event_verbs.yaml: `deliberate`, `condemning`, `mistaken`, `culpable`, `untrue`,
`reports`, `speech`, `finding`, `naming`, `admitting`, `denial_acts`).

Who a speaker holds responsible needs no attack in the clause ("Russia bears responsibility",
"the regime must be held accountable"); owning a part in an attack concedes it ("Britain
confirmed its participation in the airstrikes").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rashomon.extract.clauses import clause_in_phrase
from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.events.lexicon import EventLexicon, EventSense
from rashomon.extract.events.tree import HEARSAY_VERBS, governing_verb, unable
from rashomon.extract.events.triggers import Trigger

# Words in these relations to the reported clause's verb say what the act was: "was a
# mistake" (attr), "was intentional" (acomp), "carried out mistakenly" (advmod), "human error
# was the cause" (nsubj), "called it deliberate" (oprd).
_PREDICATE_DEPS = frozenset({"attr", "acomp", "advmod", "nsubj", "oprd", "dobj"})
_REPORTED = frozenset({"ccomp", "xcomp"})
_TAG_DEPS = frozenset({"parataxis", "ccomp", "conj"})
_TURNED = {"ACCUSE": None, "CONCEDE": "ACCUSE", "REJECT": None}  # a negated stance word
# Prepositions of a manner phrase ("by mistake", "in error") and nouns whose "of" says what
# the act was ("an act of aggression").
_MANNER_PREPS = frozenset({"by", "in"})
# nouns a deed is said to be "of": "an act of aggression", "the result of human error", "a
# series of human errors", "a case of mistaken identity"
_ACT_NOUNS = frozenset({"act", "result", "series", "string", "product", "consequence", "chain",
                        "case"})  # fmt: skip
_AMOUNTING = frozenset({"to", "between"})
_FORETELLING = frozenset({"will", "would", "shall", "'ll", "wo"})  # "wo" of "won't" is negated
_DENYING = frozenset({"deny", "dispute", "refute"})  # verbs whose negation concedes
_OWN_SIDE = frozenset({"i", "we"})  # a speaker's own side: what it must do is an intent


@dataclass(frozen=True)
class Stance:
    """One statement of what an act was: the trigger to code and the verb whose subject
    says it."""

    trigger: Trigger
    speaker_verb: Token  # the speech verb (or a quote's cue) whose subject says it
    act: Token | None = None  # the attack an accusation is about: its doer is the accused
    accused: tuple[Token, ...] = ()  # else who is held responsible, as written


class StanceReader:
    """Finds statements of what an attack was; see the module notes."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.types = {"deliberate": "ACCUSE", "condemning": "ACCUSE", "mistaken": "CONCEDE"}
        roles = (*self.types, "untrue", "reports", "culpable", "denial_acts", "admitting",
                 "conceding", "truth",
                 "retaliation", "reckoning", "force", "insulting", "warning", "vowing",
                 "retaliating", "take_part", "needful", "claim")  # fmt: skip
        self.words = {role: lexicon.words(role) for role in roles}
        self.speech = lexicon.words("speech") | HEARSAY_VERBS | lexicon.words("finding")
        self.naming = lexicon.words("naming")
        # the modals that demand ("must", "should", "ought"), as the factuality reader has them
        self.demanding = frozenset(m for m, frame in lexicon.modals.items() if frame == "demanded")

    def read(
        self,
        doc: Doc,
        triggers: Sequence[Trigger],
        quotes: Sequence[tuple[int, int, int, int]] = (),
    ) -> list[Stance]:
        """Statements in `doc`; `quotes` are direct quotes' (start, end, cue start, cue end)
        in characters."""
        acts = {t.head.i for t in triggers if t.sense.type == "ASSAULT"}
        found: list[Stance] = []
        taken: set[int] = set()
        arrays = doc_arrays(doc)
        pos, lemmas = arrays.pos, arrays.lemma_lower
        telling = self.words["admitting"] | self.words["warning"] | self.speech | self.naming
        telling |= self.words["vowing"] | self.words["claim"]

        def keep(stance: Stance | None) -> None:
            if stance is not None and stance.trigger.head.i not in taken:
                taken.add(stance.trigger.head.i)
                found.append(stance)

        for i, lemma in enumerate(lemmas):
            if pos[i] not in ("VERB", "AUX") or (lemma not in telling and lemma not in _DENYING):
                continue  # only these verbs can state anything below: no Token is built
            verb = doc[i]
            ruled_out = unable(verb) if lemma in _DENYING else None
            if ruled_out is not None or (lemma in _DENYING and _negated(verb)):
                # "did not deny ...": its subject's; "the Pentagon is not in a position to
                # dispute ...": the subject of "is"
                speaker = governing_verb(verb.head) if ruled_out is not None else None
                keep(self._not_denied(verb, acts, speaker or verb))
                continue
            if _negated(verb) or lemma not in telling:
                continue  # "did not say who was responsible" states nothing
            if lemma in self.words["admitting"] or lemma in self.words["claim"]:
                keep(self._admitted(verb, acts))  # "claimed responsibility for the bombing"
            if lemma in self.words["vowing"]:
                keep(self._vowed(verb))
            if lemma in self.words["warning"]:
                keep(self._warned(verb))
            clauses = self._reported(verb) if lemma in self.speech else []
            if lemma in self.naming and (
                any(c.dep_ == "nsubj" for c in verb.children)
                or self._held_to_blame(verb)
                or in_passing(verb)
            ):
                clauses.append(verb)  # "called the attack an outrage": the verb says it
            for clause in clauses:
                keep(
                    self._in_clause(clause, verb, acts)
                    or self._threat(clause, verb)
                    or self._name_calling(clause, verb, acts)
                    or self._own_act(clause, verb, acts)
                    or (self._needed(clause, verb) if clause.i != verb.i else None)
                )
        spans = [
            (span, cue.root)
            for start, end, cue_start, cue_end in quotes
            if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
            and (cue := doc.char_span(cue_start, cue_end, alignment_mode="expand")) is not None
        ]  # fmt: skip
        for i, lemma in enumerate(lemmas):
            if pos[i] == "NOUN" and lemma in _ADMISSIONS:
                keep(self._admission(doc[i], acts))
        for span, cue in spans:
            threats = [s for t in span if (s := self._quoted_threat(t, span, cue)) is not None]
            demands = [
                s for t in span
                if t.pos_ in ("VERB", "AUX") and t.head.i != cue.i
                and (s := self._demand(t, cue) or self._needed(t, cue)) is not None
            ]  # fmt: skip  # the cue's own clause: its modal makes the cue a request
            for stance in [*self._in_quote(span, acts, cue), *threats, *demands]:
                keep(stance)
        return sorted(found, key=lambda s: s.trigger.start)

    def _reported(self, verb: Token) -> list[Token]:
        """The clauses a speech verb reports: its complements (also those the parser hung on a
        phrase after it: "said in a statement that ...", "claimed without evidence that
        ..."), or the clause it tags."""
        clauses = [c for c in verb.children if c.dep_ in _REPORTED and c.pos_ in ("VERB", "AUX")]
        clauses += [
            c for p in verb.children
            if p.dep_ == "prep" and p.i > verb.i and (c := clause_in_phrase(p)) is not None
        ]  # fmt: skip
        if not clauses and verb.dep_ in _TAG_DEPS and verb.head.i < verb.i:
            clauses = [verb.head]  # "human error was the cause of the strike, officials said"
        return clauses + [inner for c in clauses if (inner := _framed(c)) is not None]

    def _in_clause(self, clause: Token, verb: Token, acts: set[int]) -> Stance | None:
        arrays = doc_arrays(clause.doc)  # subtrees as indices: no Token per word
        subtree = arrays.subtree(clause.i)
        inside = set(subtree)
        if verb.i != clause.i and verb.head.i == clause.i:  # a tag: the clause less the tag
            inside -= set(arrays.subtree(verb.i))
        act = next((clause.doc[i] for i in sorted(inside) if i in acts), None)
        if act is None:
            act = self._pronoun_act(clause, acts) or _stray_subject(clause, verb, acts)
        report = self._about_report(clause, verb)
        pointed = self._pointed_at(clause)
        if pointed:  # "all indications pointed to Israel's responsibility"
            return Stance(_trigger(clause, "ACCUSE", verb), verb, None, tuple(pointed))
        disowning = _nothing_to_do_with(clause)
        if disowning is not None and act is not None and not _negated(clause):
            return Stance(_trigger(disowning, "REJECT", verb), verb)
        for word in self._predicates(clause):
            if self._no_truth(word, report):  # "there was no truth to the allegations"
                return Stance(_trigger(word, "REJECT", verb), verb)
            kind = self._kind(word, report)
            doers = _work_of(word, clause) if not _negated(clause) else []
            if doers:  # "said it was the work of armed terrorist groups"
                return Stance(_trigger(word, "ACCUSE", verb), verb, None, tuple(doers))
            culpable = kind is None and (self._culpable(word) or self._involved(word, acts))
            if culpable:  # "Russia bears responsibility", "must be held accountable"
                kind = "ACCUSE"
            elif kind is None or (kind != "REJECT" and act is None):
                continue
            if _negated(word) or _negated(clause):
                kind = "REJECT" if culpable else _TURNED[kind]  # "was not responsible"
            if kind is None:
                continue
            if kind != "ACCUSE":
                return Stance(_trigger(word, kind, verb), verb)
            if culpable:  # "Russia bears responsibility", "held Damascus responsible"
                naming = clause.i == verb.i or clause.lemma_.lower() in self.naming
                held = "dobj" if naming else "nsubj"  # "said Damascus holds [them] responsible"
                accused = [c for c in clause.children if c.dep_ in (held, "nsubjpass")]
                if not accused and word.dep_ == "ccomp":  # "holds [Russia responsible]"
                    accused = [c for c in word.children if c.dep_ == "nsubj"]
                if accused and all(_no_one(a) for a in accused):
                    return None  # "no one was responsible" blames no one
                return Stance(_trigger(word, kind, verb), verb, None, tuple(accused))
            return Stance(_trigger(word, kind, verb), verb, act)
        return None

    def _about_report(self, clause: Token, verb: Token) -> bool:
        """Whether what the clause says something of is a report or claim: its subject ("the
        reports were untrue", "reports that its jets bombed the market were false", "said
        this is incorrect"), or what a naming verb names ("called the reports fake"). A
        report told elsewhere in the clause ("the toll was incorrect in an earlier report")
        is not what is called untrue."""
        reports = self.words["reports"]
        held = ("nsubj", "nsubjpass", "dobj") if clause.i == verb.i else ("nsubj", "nsubjpass")
        for child in clause.children:
            if child.dep_ not in held:
                continue
            if child.dep_ != "dobj" and child.lower_ in ("this", "that"):
                return True  # "said this is 'completely incorrect'": the claim just told
            if child.dep_ == "dobj" and child.lower_ in ("it", "this") and in_passing(clause):
                # "was disappointed with the UN report, calling it biased": what "it" is
                # was named earlier in the sentence
                return any(
                    t.lemma_.lower() in reports and t.pos_ == "NOUN"
                    for t in clause.doc[clause.sent.start : clause.i]
                )
            if any(t.lemma_.lower() in reports or t.lower_ in reports for t in child.subtree
                   if t.pos_ in ("NOUN", "VERB", "PROPN")):  # fmt: skip
                return True  # ("reports" is often tagged a verb)
        return False

    def _in_quote(self, span: Span, acts: set[int], cue: Token) -> list[Stance]:
        """ "'It was a premeditated attack,' Assad said": a stance word on an attack noun
        (or the clause that holds it) inside someone's direct quote."""
        found = []
        for token in span:
            if token.i not in acts:
                continue
            words = [c for c in token.children if c.dep_ in ("amod", "advmod")]
            if token.dep_ in ("nsubj", "nsubjpass", "attr"):  # "the attack was deliberate"
                words += [w for w in self._predicates(token.head) if w.i != token.i]
            for word in words:
                kind = self._kind(word, False)
                if kind is not None and _negated(word):
                    kind = _TURNED[kind]
                if kind is not None and kind != "REJECT":
                    act = token if kind == "ACCUSE" else None
                    found.append(Stance(_trigger(word, kind, cue), cue, act))
                    break
        return found

    def _threat(self, clause: Token, verb: Token) -> Stance | None:
        """ "Iran said Israel would pay a heavy price", "the State Department said the reports
        would demand an immediate response": retaliation a speaker foretells threatens; who
        is to pay or face it is the target. Only a clause about what will or would come."""
        if clause.i == verb.i or _negated(clause):
            return None
        if not any(c.dep_ == "aux" and c.lower_ in _FORETELLING for c in clause.children):
            return None
        for noun in clause.children:
            if noun.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass") or _negated(noun):
                continue  # "there will be no revenge"
            if self._retaliation(noun):
                payer = [c for c in clause.children if c.dep_ == "nsubj" and c.i != noun.i]
                return Stance(_trigger(noun, "THREATEN", verb), verb, None, tuple(payer))
        return None

    def _demand(self, clause: Token, cue: Token) -> Stance | None:
        """ "'The international community must act immediately,' he said", a quote going on
        with "the coalition forces should immediately review their rules": what a speaker
        says others must do demands it of them (the obliged are its target). A clause the
        cue itself reports is the cue's request already (see triggers._spoken_demand); not
        what the speaker's own side must do ("we must defend our land": an intent), nor one
        held to blame ("those responsible must be held accountable": an accusation)."""
        if not any(c.dep_ == "aux" and c.lower_ in self.demanding for c in clause.children):
            return None
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lower_ in _OWN_SIDE for s in subjects):
            return None
        if any(self._culpable(w) for w in (clause, *clause.children)):
            return None
        doers = tuple(s for s in subjects if s.dep_ == "nsubj" and s.pos_ != "PRON")
        return Stance(_trigger(clause, "REQUEST", cue), cue, None, doers)

    def _needed(self, clause: Token, verb: Token) -> Stance | None:
        """ "What is essential at this moment is to have a credible and independent
        investigation", "he said it was vital that aid reach the city": a speaker calling
        something needful demands it, of no one named."""
        needful = next(
            (c for c in clause.children if c.dep_ == "acomp"
             and c.lower_ in self.words["needful"]),
            None,
        )  # fmt: skip
        if needful is None or clause.lemma_.lower() != "be":
            return None
        wanted = [c for c in (*clause.children, *needful.children) if c.dep_ in ("xcomp", "ccomp")]
        cleft = clause.dep_ == "csubj"  # "What is essential ... is to have": the main verb's
        if not wanted and cleft:
            wanted = [c for c in clause.head.children if c.dep_ in ("xcomp", "ccomp", "attr")]
        return Stance(_trigger(needful, "REQUEST", verb), verb) if wanted else None

    def _retaliation(self, noun: Token) -> bool:
        """What one vows that threatens: "revenge", "retaliation", or a reckoning with a
        word of force beside it ("a harsh response"; not "a quick response to the floods")."""
        lemma = noun.lemma_.lower()
        if lemma in self.words["retaliation"]:
            return True
        return lemma in self.words["reckoning"] and any(
            c.dep_ == "amod" and c.lemma_.lower() in self.words["force"] for c in noun.children
        )

    def _vowed(self, verb: Token) -> Stance | None:
        """ "Washington vowed to respond", "the group swore to avenge its leader", "pledged
        to punish those responsible", "vowed a harsh response", "swore revenge": promising
        retaliation threatens (CAMEO 13x); whom it is aimed at (the object of the
        retaliating verb or of its "to" / "against") is the target. "Vowed to rebuild the
        hospital" is a promise, not a threat."""
        doer = verb.head if verb.dep_ == "conj" else verb  # "blamed X and vowed revenge"
        if not any(c.dep_ == "nsubj" for c in (*verb.children, *doer.children)):
            return None
        for thing in verb.children:  # "vowed a harsh response against X", "swore revenge"
            if thing.dep_ == "dobj" and self._retaliation(thing):
                aimed = [a for a in _objects_of(thing, ("to", "against", "on"))
                         if a.pos_ == "PROPN" or a.ent_type_]  # fmt: skip
                return Stance(_trigger(verb, "THREATEN", None), verb, None, tuple(aimed[:1]))
        for act in verb.children:
            if act.dep_ != "xcomp" or _negated(act):
                continue
            if act.lemma_.lower() not in self.words["retaliating"]:
                continue
            aimed = [c for c in act.children if c.dep_ == "dobj"]
            aimed += _objects_of(act, ("to", "against"))
            aimed = [a for a in aimed if a.pos_ == "PROPN" or a.ent_type_]
            return Stance(_trigger(verb, "THREATEN", None), verb, None, tuple(aimed[:1]))
        return None

    def _warned(self, verb: Token) -> Stance | None:
        """ "Assad warned the United States to expect reprisals", "Jaysh al-Islam warned that
        it would launch a barrage": warning someone, or foretelling what one's own side (a
        pronoun) will do, or the retaliation to come ("warned of a strong response", "warned
        that Damascus would face serious consequences"), threatens (CAMEO 13x). "Warned that
        the toll may rise", "warned of a crisis" and "warned that the regime will repeat such
        attacks" do not."""
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return None
        warned = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        warned = [c for c in warned if c.pos_ == "PROPN" or c.ent_type_]
        if warned:
            return Stance(_trigger(verb, "THREATEN", None), verb, None, tuple(warned[:1]))
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (g for g in prep.children if g.dep_ == "pobj" and not _negated(g)):
                if self._retaliation(noun):  # "warned of a strong response"
                    return Stance(_trigger(verb, "THREATEN", None), verb)
        for clause in verb.children:
            if clause.dep_ != "ccomp" or _negated(clause):
                continue
            threat = self._threat(clause, verb)  # "warned that Damascus would pay a price"
            if threat is not None:
                return threat
            own = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children)
            if own and any(c.dep_ == "aux" and c.lower_ in _FORETELLING for c in clause.children):
                return Stance(_trigger(verb, "THREATEN", None), verb)
        return None

    def _name_calling(self, clause: Token, verb: Token, acts: set[int]) -> Stance | None:
        """ "Trump called Assad an animal", "described the rebels as terrorists": a naming
        verb that calls someone a condemning word accuses them (an attack called so is
        `_in_clause`'s)."""
        if clause.i != verb.i or _negated(verb):
            return None
        named = [c for c in verb.children if c.dep_ == "dobj" and c.i not in acts]
        called = [
            c for c in verb.children
            if c.dep_ == "oprd" or (c.dep_ == "npadvmod" and c.pos_ == "NOUN")
        ]  # fmt: skip
        called += _objects_of(verb, ("as",))
        # "branded Assad an animal": the parse may hang the name on the one named
        called += [g for n in named for g in n.children if g.dep_ == "appos" and g.pos_ == "NOUN"]
        for word in called:
            # "called it a brutal act": the word, or what a deed is called ("brutal")
            forms = {word.lemma_.lower(), word.lower_}
            if forms & _DEEDS:
                forms |= {c.lower_ for c in word.children if c.dep_ == "amod"}
            if named and forms & (self.words["insulting"] | self.words["condemning"]):
                return Stance(_trigger(word, "ACCUSE", verb), verb, None, tuple(named[:1]))
        return None

    def _quoted_threat(self, token: Token, span: Span, cue: Token) -> Stance | None:
        """ "'Big price to pay,' Trump tweeted": retaliation named on its own in a quote (a
        verbless sentence: the noun heads its sentence or hangs from outside the quote)."""
        alone = token.dep_ == "ROOT" or not span.start <= token.head.i < span.end
        if not alone or token.pos_ not in ("NOUN", "PROPN") or _negated(token):
            return None
        return Stance(_trigger(token, "THREATEN", cue), cue) if self._retaliation(token) else None

    def _retaliation(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        if lemma in self.words["retaliation"]:
            return True
        return lemma in self.words["reckoning"] and any(
            c.dep_ == "amod" and c.lower_ in self.words["force"] for c in noun.children
        )

    def _admitted(self, verb: Token, acts: set[int]) -> Stance | None:
        """ "Britain confirmed its air force's participation in the airstrikes", "the US
        admitted responsibility for the strike": owning a part in an attack concedes it."""
        if any(c.dep_ == "nsubj" and (_negated(c) or _no_one(c)) for c in verb.children):
            return None  # "no group has claimed responsibility": no one owns it
        for part in (c for c in verb.children if c.dep_ == "dobj"):
            if part.lemma_.lower() not in self.words["denial_acts"] or _negated(verb):
                continue
            act = next((t for t in part.subtree if t.i in acts), None)
            if act is not None:
                return Stance(_trigger(part, "CONCEDE", verb), verb)
        for clause in verb.children:  # "confirmed it took part in the strike"
            if clause.dep_ == "ccomp" and not _negated(verb) and self._own_part(clause, acts):
                return Stance(_trigger(clause, "CONCEDE", verb), verb)
        if verb.lemma_.lower() not in self.words["conceding"] or _negated(verb):
            return None
        for part in verb.children:
            if _owned_act(part, acts):
                return Stance(_trigger(verb, "CONCEDE", verb), verb)
        return None

    @staticmethod
    def _not_denied(verb: Token, acts: set[int], speaker: Token | None = None) -> Stance | None:
        """ "The Pentagon did not deny that its strike killed civilians", "is not in a
        position to dispute accounts of nine people killed": a side that will not deny an
        account of an attack concedes it, tacitly (`speaker`: the verb whose subject is
        that side, the denying verb itself by default)."""
        told = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "prep")]
        if any(t.i in acts for part in told for t in part.subtree):
            return Stance(_trigger(verb, "CONCEDE", verb), speaker or verb)
        return None

    def _admission(self, noun: Token, acts: set[int]) -> Stance | None:
        """ "the United States military's admission that it killed 10 people": an admission
        whose clause owns an attack concedes it, as the verb would."""
        if _negated(noun):
            return None
        parts = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
        after = noun.nbor() if noun.i + 1 < len(noun.doc) else None
        if after is not None and after.lower_ == "that" and after.dep_ == "mark":
            parts.append(after.head)  # a clause the parse hung elsewhere ("Responding to
            # X's admission that it killed 10": on "Responding")
        for part in parts:
            if part.i > noun.i and _owned_act(part, acts, clause=True):
                return Stance(_trigger(noun, "CONCEDE", None), noun)
        return None

    def _own_part(self, clause: Token, acts: set[int]) -> bool:
        """ "(confirmed) it took part in the strike", "that its aircraft participated in the
        raid", "that its jets joined the raid": the speaker's own side (a pronoun, or what a
        pronoun owns) taking part in an attack. "That rebels took part" is no concession."""
        if _negated(clause) or clause.lemma_.lower() not in self.words["take_part"]:
            return False
        if clause.lemma_.lower() == "take" and not any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in clause.children
        ):
            return False
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        own = subject is not None and (
            subject.lower_ in ("it", "they", "we")
            or any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subject.children
            )
        )
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        objects += _objects_of(clause, ("in",))
        return own and any(o.i in acts for o in objects)

    def _own_act(self, clause: Token, verb: Token, acts: set[int]) -> Stance | None:
        """ "Myanmar's military said it carried out the attack", "we conducted the strike":
        a speaker telling that it, in its own words, carried out an attack owns it, and
        owning an attack concedes it (as "admitted" would). Only "it" or "we" as the doer:
        "said the army carried out the strike" is another's deed told."""
        if clause.i == verb.i or _negated(clause) or clause.lemma_.lower() not in _CARRY_OUT:
            return None
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("it", "we"):
            return None
        act = next((c for c in clause.children if c.dep_ == "dobj" and c.i in acts), None)
        if act is None:
            return None
        return Stance(_trigger(clause, "CONCEDE", verb), verb)

    def _involved(self, word: Token, acts: set[int]) -> bool:
        """ "Pro-Assad militias were involved in the massacre": a passive "involved in" an
        attack, or in what the speaker condemns, holds its subject to blame (not "were
        involved in the talks")."""
        if word.lemma_.lower() != "involve" or not any(c.dep_ == "auxpass" for c in word.children):
            return False
        return any(
            g.i in acts or g.lemma_.lower() in self.words["condemning"]
            for p in word.children if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children if g.dep_ == "pobj"
        )  # fmt: skip

    def _held_to_blame(self, verb: Token) -> bool:
        """ "Government forces were held responsible for the killings": a passive naming verb
        that holds its subject to blame says so without a speaker in the clause."""
        return any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ in ("oprd", "acomp", "xcomp") and self._culpable(c) for c in verb.children
        )

    def _pointed_at(self, clause: Token) -> list[Token]:
        """Whom evidence is said to point to: "all indications pointed to Israel's
        responsibility", "the evidence points to the regime" (not "points to a rocket",
        nor "did not point to anyone")."""
        if clause.lemma_.lower() != "point" or _negated(clause):
            return []
        if not any(c.dep_ == "nsubj" and c.lemma_.lower() in _EVIDENCE for c in clause.children):
            return []
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "to"):
            for word in (g for g in prep.children if g.dep_ == "pobj"):
                if self._culpable(word):  # "to Israel's responsibility"
                    return [c for c in word.children if c.dep_ == "poss"]
                if any(t.ent_type_ in _PARTY_ENTS for t in word.subtree):
                    return [word]  # "to Israel", "to the Syrian regime"
        return []

    def _culpable(self, word: Token) -> bool:
        """A word that holds someone to blame ("responsible", "accountable"), or a passive
        "must be punished" / "brought to justice" said of them ("the Russian occupiers must
        be punished for all their crimes"; not "Syria will punish the terrorists")."""
        if word.lemma_.lower() in self.words["culpable"] or word.lower_ in self.words["culpable"]:
            return True
        passive = any(c.dep_ == "auxpass" for c in word.children)
        brought = word.lemma_.lower() == "bring" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "justice" for g in c.children)
            for c in word.children
        )
        # not "the soldiers were not punished": no one is then held to blame, nor cleared
        return passive and not _negated(word) and (word.lemma_.lower() == "punish" or brought)

    def _predicates(self, clause: Token) -> list[Token]:
        """The words that say what the clause's subject was: the clause's verb itself, its
        predicate complements and manner adverbs, and the adjectives on a predicate noun."""
        found = [clause]
        naming = clause.lemma_.lower() in self.naming
        for child in clause.children:
            if child.dep_ in _PREDICATE_DEPS or (
                naming and child.dep_ == "npadvmod" and child.pos_ == "NOUN"
            ):  # "branded the report a fabrication": the parse made the name an adverb
                found.append(child)
                found += [c for c in child.children if c.dep_ in ("amod", "compound")]
                found += _as_what(child)  # "described the reports as propaganda"
                found += _act_of(child)  # "called the strike an act of aggression"
                found += _amounting_to(child)  # "was tantamount to a massacre"
            elif naming and child.dep_ == "ccomp" and child.pos_ == "ADJ":
                found.append(child)  # "holds Russia responsible": parsed as a small clause
            elif child.dep_ == "xcomp" and child.lemma_.lower() == "be":
                found += [c for c in child.children if c.dep_ in ("attr", "acomp")]
                # "were confirmed to be incorrect", "turned out to be false"
            elif child.dep_ == "prep" and child.lower_ == "at":  # "may be at fault"
                found += [g for g in child.children if g.dep_ == "pobj" and g.lemma_ == "fault"]
            elif child.dep_ in ("prep", "agent") and child.lower_ in _MANNER_PREPS:
                found += [g for g in child.children if g.dep_ == "pobj" and self._manner(g)]
        found += _amounting_to(clause)  # "amounted to war crimes", "fall between ... and ..."
        return found + _as_what(clause)  # "branded it as a provocation"

    def _no_truth(self, word: Token, about_report: bool) -> bool:
        """ "there is no truth to the reports", "the claims have no basis": a report said to
        hold no truth is called untrue (the report is the clause's subject or what "to",
        "in" or "behind" the truth names)."""
        if word.lemma_.lower() not in self.words["truth"] or not _negated(word):
            return False
        reports = self.words["reports"]
        named = _objects_of(word, ("to", "in", "behind"))
        return about_report or any(g.lemma_.lower() in reports for g in named)

    def _manner(self, word: Token) -> bool:
        """ "carried out by mistake", "struck in error", "hit by accident": a manner phrase
        that says the act was a mistake (or deliberate), not where or with what it was done."""
        forms = {word.lemma_.lower(), word.lower_}
        return bool(forms & (self.words["mistaken"] | self.words["deliberate"]))

    def _kind(self, word: Token, about_report: bool) -> str | None:
        forms = {word.lemma_.lower(), word.lower_}
        if word.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in word.children):
            forms -= self.words["deliberate"]  # "the attack was planned", not "they planned to"
        for role, kind in self.types.items():
            if forms & self.words[role]:
                return kind
        if about_report and forms & self.words["untrue"]:
            return "REJECT"
        return None

    @staticmethod
    def _pronoun_act(clause: Token, acts: set[int]) -> Token | None:
        """ "acknowledged it was a mistake": 'it' stands for the attack told in its sentence
        or the one before."""
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in ("it", "this", "that"):
            return None
        doc, sent = clause.doc, clause.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        near = [i for i in acts if start <= i < sent.end]
        return doc[near[-1]] if near else None


# what an attack left that owning concedes it ("has so far acknowledged only three civilian
# casualties")
_HARM = frozenset({"casualty", "death", "fatality"})


def _owned_act(part: Token, acts: set[int], clause: bool = False) -> bool:
    """Whether an admitting verb's object or clause (or an admission's) is an attack or the
    harm it did: "acknowledged a strike at the location", "acknowledged three civilian
    casualties", "admitted that its jets had bombed the hospital", "the military's admission
    that it killed 10 people", "admitted to attacking the base" (the clause's own verb or its
    subject or object is the attack word, not one told inside it). With `clause`, `part` is
    the admission's clause however the parse attached it."""
    if part.dep_ == "dobj":
        owned = part.i in acts or part.lemma_.lower() in _HARM
        return owned and not _negated(part)
    if part.dep_ == "prep" and part.lower_ == "to":  # "admitted to mistakenly attacking"
        return any(
            c.i in acts and not _negated(c) for c in part.children if c.dep_ in ("pcomp", "pobj")
        )
    if (part.dep_ != "ccomp" and not clause) or _negated(part):
        return False
    return part.i in acts or any(
        c.i in acts and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in part.children
    )


# light verbs a side carries out its own attack with ("said it carried out the attack")
_CARRY_OUT = frozenset({"carry", "conduct", "launch", "stage", "mount", "execute"})
# nouns of a deed, that a condemning adjective makes a condemnation ("called it a brutal act")
_DEEDS = frozenset({"act", "action", "attack", "deed", "move", "operation", "assault", "killing"})
_ADMISSIONS = frozenset({"admission", "acknowledgement", "acknowledgment"})
# what is said to point to a doer ("all indications pointed to Israel")
_EVIDENCE = frozenset({"evidence", "indication", "sign", "finding", "clue", "fact", "everything"})
_PARTY_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def _nothing_to_do_with(clause: Token) -> Token | None:
    """ "said it had nothing to do with the attack": the "nothing" that disowns an act."""
    for nothing in clause.children:
        if nothing.dep_ != "dobj" or nothing.lower_ != "nothing":
            continue
        for do in nothing.children:
            if do.lemma_.lower() == "do" and any(c.lower_ == "with" for c in do.children):
                return nothing
    return None


def _as_what(word: Token) -> list[Token]:
    """What a word is called with "as": "described the reports as propaganda", "as baseless",
    "as fake news" (the parser hangs "as" on the verb or on its object, and an adjective on
    "as" or on its noun)."""
    called = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]  # fmt: skip
    # "slammed the reports as fake news": the adjective on the noun says it
    return called + [a for g in called for a in g.children if a.dep_ == "amod"]


def _stray_subject(clause: Token, verb: Token, acts: set[int]) -> Token | None:
    """ "said the airstrikes, if they were not ordered, fall between ...": a clause with no
    subject of its own whose subject the parser hung on the speech verb as its object."""
    if clause.i == verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i in acts), None)


def _amounting_to(word: Token) -> list[Token]:
    """What a verb or adjective says the act comes to: "amounted to war crimes", "was
    tantamount to a massacre", "fall between criminal negligence and support for terror"
    (the objects of "to" or "between", their coordinates and their adjectives)."""
    found = []
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in _AMOUNTING):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            for each in (noun, *(c for c in noun.children if c.dep_ == "conj")):
                found += [each, *(c for c in each.children if c.dep_ in ("amod", "compound"))]
    return found


def _act_of(word: Token) -> list[Token]:
    """What "an act of ..." is an act of: "called the strike an act of aggression", "was the
    result of human error" (with the words on it: "a case of mistaken identity")."""
    if word.lemma_.lower() not in _ACT_NOUNS:
        return []
    objects = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    inner = [w for g in objects if g.i > word.i for w in _act_of(g)]  # "result of a series of"
    return objects + [a for g in objects for a in g.children if a.dep_ == "amod"] + inner


def _objects_of(word: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """The objects of the word's prepositions among `prepositions` ("as" of "branded as
    terrorists", "against" of "vowed to retaliate against X")."""
    return [
        g for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip


def _no_one(word: Token) -> bool:
    """ "nobody", "none", "no one": a subject that names no one."""
    return word.lower_ in ("nobody", "none", "noone") or (
        word.lower_ == "one" and any(c.lower_ == "no" for c in word.children)
    )


def _work_of(word: Token, clause: Token) -> list[Token]:
    """Whose work the clause says its subject was: "it was the work of armed terrorist
    groups", "the bombing was the work of the regime" (a predicate "work of X"; not "the work
    of aid groups was praised", where the work is the subject)."""
    if word.lemma_.lower() != "work" or word.dep_ != "attr":
        return []
    if not any(c.dep_ == "nsubj" for c in clause.children):
        return []
    return [
        g for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj"
    ]  # fmt: skip


def _framed(clause: Token) -> Token | None:
    """The clause a frame of likelihood or suspicion holds: "it was highly likely that the
    regime was responsible", "there was a strong suspicion that the shabiha were involved":
    what the speaker says is the clause inside (a hedged assertion is still the speaker's,
    as with "suggested"). None when the frame is negated ("there is no evidence that ...")."""
    if _negated(clause) or not any(
        c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there") for c in clause.children
    ):
        return None
    for frame in (c for c in clause.children if c.dep_ in ("acomp", "attr")):
        if _negated(frame):
            return None
        inner = next(
            (c for c in frame.children
             if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
            None,
        )  # fmt: skip
        if inner is not None:
            return inner
    return None


def in_passing(verb: Token) -> bool:
    """ "said Russia was disappointed with the report, calling it biased": a participle of
    naming after the clause it comments on, said by that clause's speaker."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i


def _negated(word: Token) -> bool:
    """ "was not a mistake", "bears no responsibility", "never intended"."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children)


def _trigger(word: Token, kind: str, verb: Token | None) -> Trigger:
    sense = EventSense(kind)
    return Trigger(word, word.idx, word.idx + len(word), sense, None, light_verb=verb,
                   text=word.text)  # fmt: skip
