"""Says who, how sure: the attributions of a sentence and the status of each number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.numbers.claimant import PERSON, UNNAMED, Claimant, ClaimantNamer
from rashomon.extract.numbers.counted import _ancestors, _short
from rashomon.extract.numbers.expression import _Expr
from rashomon.extract.numbers.lexicon import _BARE_PRONOUNS, _REPORTED, _SUBJECTS
from rashomon.model import Quote

if TYPE_CHECKING:
    from rashomon.extract.numbers import _Article


@dataclass
class _Cue:
    scope: frozenset[int]
    cue: Token
    claimant: Token | None
    kind: str  # speech, according, noun
    carries: bool = True  # its speaker may go on into the next sentence (`last_speaker`)
    whole: bool = False  # a closing tag the parse hung elsewhere: it reports all its scope


class _Cues:
    """The attributions of one sentence, and the status words around each number."""

    def __init__(
        self, article: _Article, sent: Span, namer: ClaimantNamer, anchors: Sequence[int] = ()
    ) -> None:
        self.a = article
        self.lex = article.lex
        self.sent = sent
        self.namer = namer
        self.anchors = frozenset(anchors)
        self.carried: Claimant | None = None  # the previous sentence's speaker, if carried
        # the sentence before in the same paragraph, with its attributions if they were read
        self.previous: tuple[Span, _Cues | None] | None = None
        self.cues: list[_Cue] = []
        self.claimant_tokens: set[int] = set()
        # the Doc's columns tell which words can be a cue (`_cue`'s three openings): a Token
        # only for those, and subtrees as indices
        self.tree = tree = doc_arrays(sent.doc)
        speech = self.lex.sets.get("speech_verbs", frozenset())
        claims = self.lex.sets.get("claim_nouns", frozenset())
        pos, lemmas, lower = tree.pos, tree.lemma_lower, tree.lower
        for i in range(sent.start, sent.end):
            kind, lemma = pos[i], lemmas[i]
            if not (
                (kind in ("VERB", "AUX") and lemma in speech)
                or lower[i] in ("according", "per")
                or (kind == "NOUN" and lemma in claims)
            ):
                continue
            cue = self._cue(sent.doc[i], sent)
            if cue is not None:
                self.cues.append(cue)
                if cue.claimant is not None:
                    self.claimant_tokens |= set(tree.subtree(cue.claimant.i))
        self.cues.sort(key=lambda c: len(c.scope))

    def _cue(self, tok: Token, sent: Span) -> _Cue | None:
        lex, lemma = self.lex, tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lex.has("speech_verbs", lemma):
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects and tok.dep_ == "conj":
                # "strikes killed 14 civilians the Observatory said": a comma-less parse
                # conjoins "said" with "killed"; the phrase before it is the speaker
                adjacent = _speaker_before(tok, tok.head.i)
                if adjacent is not None and self.namer.name(adjacent) is not None:
                    subjects = [adjacent]
                else:
                    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subjects and tok.dep_ == "pcomp" and tok.head.lower_ == "as":
                # "the Observatory quoted sources as saying", "Barazi was quoted as saying":
                # the one quoting, else the one quoted
                subjects = [c for c in tok.head.head.children if c.dep_ in _SUBJECTS]
            participle = not subjects and tok.dep_ == "advcl" and tok.tag_ == "VBG"
            if participle:
                # "X was the first to report it, initially noting 25 deaths": the subject of
                # the clause the participle hangs on (for this sentence only: what it says
                # comes by the way, and the next sentence is not its)
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            issued = tok.dep_ == "acl" and lex.has("claim_nouns", tok.head.lemma_.lower())
            if not subjects and issued:
                # "UOSSM released a statement saying ...": the statement's owner, else whoever
                # released (issued, published) it
                subjects = [s for s in [self._issuer(tok.head)] if s is not None]
            inverted = None if subjects else _speaker_after(tok, sent)
            if inverted is not None and self.namer.name(inverted) is not None:
                # "... killed when a bomb exploded on Friday said a monitoring group": a
                # comma-less closing tag the parse read as the verb and its object
                scope = set(range(sent.start, sent.end)) - set(self.tree.subtree(inverted.i))
                return _Cue(frozenset(scope), tok, inverted, "speech")
            if not subjects and self._tag_as_modifier(tok):
                # "..., with 109 people injured, a top official announced on Saturday.": a
                # parse that read the closing tag's verb as a participle of its speaker
                speaker = tok.head
                scope = set(range(sent.start, sent.end)) - set(self.tree.subtree(speaker.i))
                return _Cue(frozenset(scope), tok, speaker, "speech")
            if not subjects:  # "... killing seven people the Observatory said": no comma,
                speaker = _speaker_before(tok, sent.start - 1)  # so no subject in the parse
                if speaker is None or tok.tag_ not in ("VBD", "VBZ", "VBP"):
                    return None
                scope = set(range(sent.start, sent.end)) - set(self.tree.subtree(speaker.i))
                return _Cue(frozenset(scope), tok, speaker, "speech")
            before = [c for c in subjects if c.i < tok.i]
            subject = before[-1] if before else subjects[0]  # the one nearest the verb
            if not self.anchors.isdisjoint(self.tree.subtree(subject.i)):
                subject = _speaker_before(tok, subject.i) or subject
            scope = set(self.tree.subtree(tok.i)) - set(self.tree.subtree(subject.i))
            if tok.dep_ == "relcl" and _closing_tag(tok, sent):
                # "The strike killed 12 civilians, the Syrian Observatory for Human Rights
                # reported.": a closing tag the parse hung on the noun before it as a
                # relative clause; it reports the whole sentence
                scope = set(range(sent.start, sent.end)) - set(self.tree.subtree(subject.i))
                return _Cue(frozenset(scope), tok, subject, "speech", whole=True)
            if tok.dep_ == "parataxis" and tok.i > tok.head.i:
                # "... has killed dozens of people, medical services reported, and ...":
                # a tag after the clause reports the clause it hangs on
                scope |= {t.i for t in tok.head.subtree if t.i < tok.i} - {
                    t.i for t in subject.subtree
                }
            return _Cue(frozenset(scope), tok, subject, "speech", carries=not participle)
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            to = tok.nbor()
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None:
                return None
            if lex.has("claim_nouns", source.lemma_.lower()):
                source = self._owner(source) or source  # "according to an Observatory toll"
            clause = tok.head if tok.head.i != tok.i else tok
            scope = (
                set(range(sent.start, sent.end))
                if clause.i == tok.i
                else set(self.tree.subtree(clause.i))
            )
            if clause.dep_ in ("ROOT",) or clause.i == tok.i:
                scope = set(range(sent.start, sent.end))
            return _Cue(
                frozenset(scope - set(self.tree.subtree(source.i))), tok, source, "according"
            )
        if tok.lower_ == "per" and tok.dep_ == "prep":
            # "At least 9 people were killed, per the emergency service": "according to";
            # only with a source as its object, not "50 dollars per day"
            source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None or self.namer.name(source) is None:
                return None
            clause = tok.head
            scope = set(self.tree.subtree(clause.i))
            if clause.dep_ == "ROOT":
                scope = set(range(sent.start, sent.end))
            return _Cue(
                frozenset(scope - set(self.tree.subtree(source.i))), tok, source, "according"
            )
        if tok.pos_ == "NOUN" and lex.has("claim_nouns", lemma):
            source = self._owner(tok)
            if source is None:
                return self._giver(tok) or self._reports_of(tok)
            scope = set(self.tree.subtree(tok.i)) - set(self.tree.subtree(source.i))
            verb = tok.head
            if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i == tok.i + 1:
                # "the blast that the Hamas claims killed at least 500": a parse that took
                # "claims" for a noun subject of the verb right after it; its owner claims
                # the clause that verb heads
                scope |= set(self.tree.subtree(verb.i)) - set(self.tree.subtree(source.i))
            return _Cue(frozenset(scope), tok, source, "noun")
        return None

    def _giver(self, noun: Token) -> _Cue | None:
        """A claim noun nobody owns, the object of a verb whose subject is someone: 'a
        monitoring group raised the death toll to 61', 'the monitor, which gave a toll of
        20': the subject claims what the verb's clause says (the toll may hang on the verb)."""
        verb = noun.head
        if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
            return None
        if self.lex.has("denial_verbs", verb.lemma_.lower()):
            # "the army denied reports that ...", "is not in a position to dispute accounts
            # from the scene of nine people being killed": the reports are not the army's;
            # they are their own unnamed source, for what the verb's clause says of them
            return self._disputed(noun, verb)
        if noun.dep_ == "nsubjpass":  # "a toll of 80 was given by opposition activists"
            subject = next(iter(_agents(verb)), None)
        else:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or self.namer.name(subject) is None:
            return None
        scope = set(self.tree.subtree(verb.i)) - set(self.tree.subtree(subject.i))
        return _Cue(frozenset(scope), noun, subject, "noun")

    def _tag_as_modifier(self, verb: Token) -> bool:
        """A speech verb the parse hung on the noun right before it as a participle, in a
        phrase that follows a comma and ends the sentence: the closing "X said" tag of
        wire copy ("..., a top official announced on Saturday.") whose noun can speak."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.i != verb.i - 1 or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        start = noun.left_edge.i
        if start <= self.sent.start or verb.doc[start - 1].text != ",":
            return False
        if any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            return False  # "the official announced the toll": the verb says its own thing
        if not all(
            t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1 : self.sent.end]
        ):
            return False
        return self.namer.name(noun) is not None

    def _reports_of(self, noun: Token) -> _Cue | None:
        """Reports nobody owns, of what they tell ("the general said ... amid reports of up to
        10 civilians killed", "there were reports of 50 dead"): the reports are their own
        unnamed source for it, not whoever speaks around them."""
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not self._unnamed(noun):
            return None
        return _Cue(frozenset(self.tree.subtree(of.i)), noun, noun, "noun")

    def _disputed(self, noun: Token, verb: Token) -> _Cue | None:
        """Reports or accounts that a verb denies or disputes, as the unnamed source of the
        figures its clause gives after them (see `_giver`), where the verb is no quote's
        cue: "the army denied reports that its jets struck a market, killing 23" reports the
        army's word, and what it denies is claimed by no one named (see `_denial`)."""
        if any(q.cue_start == verb.idx for q in self.a.quotes):
            return None
        if noun.dep_ != "dobj" or not self._unnamed(noun):
            return None
        after = {i for i in self.tree.subtree(verb.i) if i > noun.i}
        return _Cue(frozenset(after), noun, noun, "noun")

    def _unnamed(self, noun: Token) -> bool:
        """Whether a claim noun names an unnamed source by itself ("reports", "accounts")."""
        named = self.namer.name(noun)
        return named is not None and named.kind == UNNAMED

    def _issuer(self, noun: Token) -> Token | None:
        """Who put out a claim noun: its owner ("the ministry's statement"), else the subject
        of the verb it is the object of ("released a statement", "said in a statement")."""
        owner = self._owner(noun)
        if owner is not None:
            return owner
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)

    def _owner(self, noun: Token) -> Token | None:
        """Whose a claim noun is: 'SOHR figures', 'a UN estimate', 'the group's toll', 'a
        Syrian opposition statement', 'a toll from the ministry'."""
        source = None
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("compound", "amod", "nmod")
                and (
                    child.pos_ == "PROPN"
                    or self.a.mention_at(child) is not None
                    or self.lex.group("claimant_nouns", child.lemma_.lower()) is not None
                )
            ):
                source = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), source)
        return source

    def claimant_for(self, anchor: Token, anchors: Sequence[int] = ()) -> Claimant | None:
        """The claimant of the number at `anchor`: the speaker of a quote holding it (unless
        an attribution inside the quote claims it), else the innermost attribution whose
        subject is an agent, else the nearest attribution of the sentence that reaches it
        only through a parse the missing punctuation of wire copy has bent ('... killing
        seven people the Observatory said'). `anchors` are the sentence's numbers, for
        'X and Y put the tolls at 40 and 52, respectively'."""
        quote = next((q for q in self.a.quotes if q.start <= anchor.idx < q.end), None)
        cues = [c for c in self.cues if anchor.i in c.scope and self._reaches(anchor, c)]
        aside = None if quote is not None and quote.kind == "direct" else _aside(anchor, self.sent)
        if aside is None and quote is not None and quote.kind != "direct":
            aside = _when_told(anchor, self.sent, quote.start)
        if aside is not None:  # the writer's own words inside someone's reported speech
            for cue in cues:
                if cue.cue.i in aside:
                    who = self._who(cue, anchor, anchors)
                    if who is not None:
                        return who
            return None
        if quote is not None:
            nested = [c for c in cues if quote.start <= c.cue.idx < quote.end]
            for cue in nested:
                who = self._who(cue, anchor, anchors)
                if who is not None:
                    return who
            if quote.kind != "direct" and (
                self._denial(quote, anchor) or self._asked_about(quote, anchor)
            ):
                # "the ministry denied reports that its jets hit a market, killing 23": the
                # denier does not claim the toll of what it denies (whoever does is not named),
                # nor the UN that "called for an investigation into a strike that killed 50"
                return None
            if quote.kind != "direct":
                # "X said it struck a meeting but denied hitting a mosque where a monitor said
                # 46 were killed": a speaker inside the reported clause, before the number with
                # no break between them and outside its noun phrase, claims it even where the
                # parse does not reach it
                inside = self._counted_region(anchor)
                inner = [
                    c for c in self.cues
                    if c.kind == "speech" and quote.start <= c.cue.idx < anchor.idx
                    and c.cue.i not in inside and c not in nested
                    and not any(t.is_punct for t in anchor.doc[c.cue.i + 1 : anchor.i])
                ]  # fmt: skip
                for cue in sorted(inner, key=lambda c: anchor.i - c.cue.i):
                    who = self._who(cue, anchor, anchors)
                    if who is not None:
                        return who
            if quote.speaker_start is not None and not (
                self.sent.start_char <= quote.speaker_start < self.sent.end_char
            ):
                # a quote given the speaker of an earlier sentence, while its own sentence
                # names one: '"... five killed" Barazi was quoted as saying'
                for cue in self.cues:
                    if cue.kind == "speech" and not quote.start <= cue.cue.idx < quote.end:
                        who = self._who(cue, anchor, anchors)
                        if who is not None:
                            return who
            speaker = self._respective_speaker(quote, cues, anchor, anchors)
            speaker = speaker or self._quote_speaker(quote)
            if speaker is not None:
                return speaker
        for cue in cues:
            who = self._who(cue, anchor, anchors)
            if who is not None:
                return who
        inside = self._counted_region(anchor)
        rest = [
            c for c in self.cues
            if c not in cues and c.kind != "noun" and c.cue.i not in inside
        ]  # fmt: skip
        for cue in sorted(rest, key=lambda c: abs(c.cue.i - anchor.i)):
            who = self._who(cue, anchor, anchors)
            if who is not None:
                return who
        return self.carried

    def _may_speak(self, word: Token) -> bool:
        """Whether the word before a speech verb can end its speaker's phrase: not a place
        or a date, not a name or noun in a prepositional phrase ('the stronghold of Urum
        al-Joz reported', 'living in Midan said', 'provided by witnesses indicate'), not a
        plain noun of the unnamed kind ('wounded reports say')."""
        if word.ent_type_ in _NOT_SPEAKERS or word.head.dep_ == "agent":
            return False
        start = word.i
        if word.ent_type_:
            while start > self.sent.start and word.doc[start].ent_iob_ == "I":
                start -= 1
        elif self.lex.group("claimant_nouns", word.lemma_.lower()) == UNNAMED:
            return False
        return start == self.sent.start or word.doc[start - 1].pos_ != "ADP"

    def _speaker_continued(self, subject: Token) -> Claimant | None:
        """'An official said ... . He said the blast wounded 130': a bare 'he'/'she' (or
        'it', or 'they') that opens the next sentence under a speech verb goes on with the last
        speaker of the sentence before, a person (or not), ahead of any name the actor
        stage matched it to: a speaker named only by a description has no actor."""
        word = subject.lower_
        if word not in ("he", "she", "it", "they"):
            return None
        if subject.i != self.sent.start and not self._trailing_tag(subject):
            return None
        if self.previous is None:
            return None
        sent, cues = self.previous
        earlier = (cues or _Cues(self.a, sent, self.namer)).last_speaker()
        if earlier is None:
            return None
        if word != "they" and (earlier.kind in (PERSON, UNNAMED)) != (word != "it"):
            return None  # "they": a group of people or a body, either may go on speaking
        return earlier

    def _trailing_tag(self, subject: Token) -> bool:
        """'... killed 17 people and injured 36 others, it said.': a pronoun and its speech
        verb after a comma that close the sentence tag it as the last speaker's, as a
        pronoun opening it does."""
        verb, doc = subject.head, subject.doc
        if verb.i != subject.i + 1 or subject.i <= self.sent.start:
            return False
        if not doc[subject.i - 1].is_punct or doc[subject.i - 1].text not in (",", "—"):
            return False
        return all(t.is_punct for t in doc[verb.i + 1 : self.sent.end])

    def last_speaker(self) -> Claimant | None:
        """The agent of the sentence's last speech or 'according to' attribution."""
        for cue in sorted(self.cues, key=lambda c: -c.cue.i):
            if cue.kind != "noun" and cue.claimant is not None and cue.carries:
                who = self.namer.name(cue.claimant)
                if who is not None:
                    return who
        return None

    @staticmethod
    def _counted_region(anchor: Token) -> set[int]:
        """The number's own noun phrase: 'activists who said' inside it claims nothing. An
        apposition the parse hung on it from past its verb ('50 people died in the attack,
        Doctors Without Borders - known as MSF - confirmed') is no part of it."""
        top = anchor
        while top.dep_ in ("nummod", "quantmod", "compound", "amod") and top.head.i != top.i:
            top = top.head
        region = {t.i for t in top.subtree}
        if top.head.i > top.i:  # the phrase comes before its verb
            for child in top.children:
                if child.dep_ == "appos" and child.i > top.head.i:
                    region -= {t.i for t in child.subtree}
        return region

    def _quote_speaker(self, quote: Quote) -> Claimant | None:
        """The quote's speaker (see `_sole_speaker`), or the speakers it is told by together
        ('Both first responders, the X, and the Y have reported that ...')."""
        found = self._sole_speaker(quote)
        if quote.speaker_start is None or quote.speaker_end is None:
            return found
        head = self._span_head(quote.speaker_start, quote.speaker_end)
        if head is None or head.pos_ == "PRON":
            return found
        return self._joint(head, found) or found

    def _sole_speaker(self, quote: Quote) -> Claimant | None:
        """The quote's speaker by the name the actor stage knows, else as the quote says."""
        a = self.a
        lo = quote.speaker_start if quote.speaker_start is not None else quote.start
        hi = quote.speaker_end if quote.speaker_end is not None else lo
        pronoun = self.a.token_at(lo) if quote.speaker_start is not None else None
        if pronoun is not None and pronoun.idx == lo and hi - lo == len(pronoun):
            earlier = self._speaker_continued(pronoun)
            if earlier is not None:
                return earlier
        if quote.speaker_actor_id:
            inside = [m for m in a.mentions_in(lo, hi) if m.actor_id == quote.speaker_actor_id]
            text = (
                a.named(inside[0])
                if inside
                else a.actor_name(quote.speaker_actor_id, lo) or _short(quote.speaker)
            )
            kind = self.namer.kind_of_actor(
                quote.speaker_actor_id, inside[0].kind if inside else "person"
            )
            return Claimant(text or quote.speaker_actor_id, quote.speaker_actor_id, kind)
        text = _short(quote.speaker) if quote.speaker else None  # None: a source, no agent
        if not text or text.lower() in _BARE_PRONOUNS:
            return None
        head = self._span_head(lo, hi)
        named = self.namer.name(head) if head is not None else None
        return named

    def _denial(self, quote: Quote, anchor: Token) -> bool:
        """Whether a reported quote's cue is a verb of denial ("denied", "dismissed") and the
        number is in what it denies, not in an adverbial clause of it ("denied that fighters
        fired from the hospital before a strike killed 19": when, not what)."""
        cue = self._cue_of(quote, "denial_verbs")
        if cue is None:
            return False
        for tok in _ancestors(anchor):
            if tok.i == cue.i:
                break
            if (tok.dep_ == "prep" and tok.lower_ in _TIME_MARKS) or (
                tok.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children)
            ):
                return False
        return True

    def _cue_of(self, quote: Quote, verbs: str) -> Token | None:
        """The reported quote's cue, when it is one of the lexicon's `verbs` list."""
        if quote.cue_start is None:
            return None
        cue = self.a.token_at(quote.cue_start)
        return cue if cue is not None and self.lex.has(verbs, cue.lemma_.lower()) else None

    def _asked_about(self, quote: Quote, anchor: Token) -> bool:
        """Whether a reported quote's cue is a verb of request ("called for", "urged") and
        the number is told in a clause describing what is asked about ("an investigation
        into a strike that killed at least 50"): the writer's words, not the request's."""
        cue = self._cue_of(quote, "request_verbs")
        if cue is None:
            return False
        for tok in _ancestors(anchor):
            if tok.i == cue.i:
                return False
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return True
        return False

    def _reaches(self, anchor: Token, cue: _Cue) -> bool:
        """A speech verb claims what it reports (its clause or object), not its adjuncts:
        'the fighting has added to a crisis ... with hundreds dying' claims nothing."""
        if cue.kind != "speech" or cue.whole:
            return True
        child = anchor
        for tok in _ancestors(anchor):
            if tok.i == cue.cue.i:
                break
            child = tok
        if child.dep_ == "prep":
            return child.lower_ in ("of", "about", "at")
        return child.dep_ in _REPORTED

    def _span_head(self, start: int, end: int) -> Token | None:
        """The token of a character span whose head lies outside it."""
        first = self.a.token_at(start)
        if first is None:
            return None
        tokens = [t for t in first.sent if start <= t.idx < end] or [first]
        ids = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])

    def _who(self, cue: _Cue, anchor: Token, anchors: Sequence[int]) -> Claimant | None:
        if cue.claimant is None:
            return None
        respective = self._respective(cue, anchor, anchors)
        speaker = respective or cue.claimant
        if cue.kind == "speech" and speaker.head.i == cue.cue.i:
            earlier = self._speaker_continued(speaker)
            if earlier is not None:
                self.namer.remember(speaker.idx, earlier)
                return earlier
        who = self.namer.name(speaker)
        if respective is None:
            joint = self._joint(speaker, who)
            if joint is not None:
                return joint
        if who is None and cue.kind == "speech" and speaker.i < cue.cue.i:
            # "... in the mainly Druze district state media said": a comma-less sentence
            # made a long phrase the subject; the words just before the verb name the speaker
            # (a plain noun there, "photographs provided by witnesses indicate", is not)
            adjacent = _word_before(cue.cue, self.sent.start - 1)
            if adjacent is not None and adjacent.i != speaker.i and self._may_speak(adjacent):
                named = self.namer.name(adjacent)
                if named is not None and named.kind != UNNAMED:
                    speaker, who = adjacent, named
        if who is not None:
            self.namer.remember(speaker.idx, who)
        return who

    def _joint(self, speaker: Token, first: Claimant | None) -> Claimant | None:
        """'Both the civil defence and the Observatory reported 35', 'according to X and Y':
        a figure several sources tell together is each one's. The claimant keeps the joint
        form ('civil defence and Observatory'), the first known one's actor and kind; each member
        is remembered on its own, for a later 'the group'. None when fewer than two of the
        coordinated words name someone."""
        members, tokens = ([first], [speaker]) if first is not None else ([], [])
        others = _conjuncts(speaker)[1:]
        for appos in speaker.children:  # "Both first responders, the X, and the Y"
            if appos.dep_ == "appos" and len(_conjuncts(appos)) > 1:
                others += _conjuncts(appos)
        for tok in others:
            if tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in tok.children):
                continue  # "an activist and monitoring group": one group, its determiner shared
            named = self.namer.name(tok)
            if named is not None and named.text not in (m.text for m in members):
                members.append(named)
                tokens.append(tok)
        if len(members) < 2:
            return None
        for tok, member in zip(tokens, members, strict=True):
            self.namer.remember(tok.idx, member)
        names = [
            re.sub(
                r"^(?:[Bb]oth|[Ee]ither)\s+",
                "",
                m.text if tok is speaker else _written(tok) or m.text,
            )
            for tok, m in zip(tokens, members, strict=True)
        ]  # a description after the first as written ("activists and a monitoring group")
        text = f"{', '.join(names[:-1])} and {names[-1]}"
        lead = next((m for m in members if m.actor_id), None) or next(
            (m for m in members if m.kind != UNNAMED), members[0]
        )  # "Both rescuers, the civil defence and the Observatory": a named one stands first
        return Claimant(text, lead.actor_id, lead.kind)

    def _respective_speaker(
        self, quote: Quote, cues: Sequence[_Cue], anchor: Token, anchors: Sequence[int]
    ) -> Claimant | None:
        """'X and Y said 12 and 20 were killed, respectively': the quote's speakers share
        its numbers out one each, as an attribution's coordinated subjects do."""
        if quote.cue_start is None:
            return None
        for cue in cues:
            if cue.cue.idx == quote.cue_start and cue.claimant is not None:
                speaker = self._respective(cue, anchor, anchors)
                return self.namer.name(speaker) if speaker is not None else None
        return None

    def _respective(self, cue: _Cue, anchor: Token, anchors: Sequence[int]) -> Token | None:
        """'SOHR and SANA put it at 40 and 52, respectively': the k-th number's claimant
        is the k-th of the coordinated subjects, when they are as many as the numbers."""
        if "respectively" not in self.tree.lower[self.sent.start : self.sent.end]:
            return None
        subjects = _conjuncts(cue.claimant)  # type: ignore[arg-type]
        if len(subjects) < 2:
            return None
        numbers = sorted(i for i in anchors if i in cue.scope)
        if anchor.i not in numbers or len(numbers) != len(subjects):
            return None
        return subjects[numbers.index(anchor.i)]

    def status(self, anchor: Token, expr: _Expr, noun: Token | None) -> str:
        lex = self.lex
        proposal_verbs, proposal_nouns = lex.sets["proposal_verbs"], lex.sets["proposal_nouns"]
        child = anchor
        hypothetical = False
        speech_seen = False
        estimated = expr.estimated
        for tok in _ancestors(anchor):
            lemma = tok.lemma_.lower()
            if lemma in proposal_nouns or (lemma in proposal_verbs and child.dep_ != "ccomp"):
                return "proposed"
            if any(
                c.dep_ in _SUBJECTS and c.lemma_.lower() in proposal_nouns for c in tok.children
            ):
                return "proposed"
            if lex.has("estimate_words", lemma):
                estimated = True
            if tok.pos_ in ("VERB", "AUX") and not speech_seen:
                checking = lex.has("verifying_verbs", lemma)  # "could confirm 15": checked
                if any(
                    (c.dep_ == "aux" and lex.has("modal_words", c.lower_)
                     and not (checking and c.lower_ == "could"))
                    or (c.dep_ == "mark" and lex.has("condition_marks", c.lower_))
                    for c in tok.children
                ):  # fmt: skip
                    hypothetical = True
                if lex.has("speech_verbs", lemma):
                    speech_seen = True
            child = tok
        if not hypothetical and anchor.pos_ in ("VERB", "AUX"):
            hypothetical = any(
                c.dep_ == "aux" and lex.has("modal_words", c.lower_) for c in anchor.children
            )
        if hypothetical:
            return "hypothetical"
        if noun is not None and any(
            c.dep_ == "relcl" and lex.has("estimate_words", c.lemma_.lower()) for c in noun.children
        ):
            estimated = True
        return "estimated" if estimated else "asserted"


def _aside(anchor: Token, sent: Span) -> set[int] | None:
    """The writer's aside that holds the number inside reported speech, as token indices:
    a relative clause set off by a comma ("Russia denied ... the incident, in which 18
    trucks were destroyed") or a place's locator ("in Douma, about 10 miles east of
    Damascus"). Wire style gives such background in the writer's own voice."""
    doc = anchor.doc
    k = anchor.i
    while k < min(anchor.i + 4, sent.end) and doc[k].lemma_.lower() not in _DISTANCES:
        k += 1
    if (
        k + 2 < sent.end
        and doc[k].lemma_.lower() in _DISTANCES
        and doc[k + 1].lower_ in _DIRECTIONS
        and doc[k + 2].lower_ == "of"
    ):
        return set(range(anchor.i, k + 3))
    for k in range(anchor.i - 1, sent.start, -1):  # ", in which 18 ...", ", where 20 ..."
        if doc[k].text != ",":
            continue
        j = k + 1 if doc[k + 1].pos_ != "ADP" else k + 2
        if doc[j].lower_ not in _RELATIVES or j >= anchor.i:
            continue
        end = next((t.i for t in doc[anchor.i : sent.end] if t.text in (",", ";")), sent.end)
        return set(range(k, end))
    return None


def _when_told(anchor: Token, sent: Span, told_from: int) -> set[int] | None:
    """The "when" clause inside reported speech that holds the number, as token indices:
    "Russia claimed that a US drone was overhead when the convoy was struck on Monday,
    killing at least 20": what a "when" clause tells is taken as known, the writer's
    background, not what the speaker claims. The clause runs on through a comma only into a
    participle of its own ("..., killing"); "when the strike hit, 20 were killed" gives
    the number in the main clause."""
    doc = anchor.doc
    for k in range(anchor.i - 1, sent.start - 1, -1):
        if doc[k].idx < told_from:
            return None
        if doc[k].text == "," and doc[k + 1].tag_ != "VBG":
            return None
        if doc[k].lower_ == "when":
            end = next((t.i for t in doc[anchor.i : sent.end] if t.text == ";"), sent.end)
            return set(range(k, end))
    return None


_TIME_MARKS = frozenset({"before", "after", "when", "while", "as", "since", "until", "once"})
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "NORP"})
_RELATIVES = frozenset({"which", "where", "whose", "when"})
_DISTANCES = frozenset({"mile", "kilometre", "kilometer", "km", "metre", "meter", "yard"})
_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
})  # fmt: skip


def _agents(verb: Token) -> list[Token]:
    """Who does a passive verb: "was reported by the health directorate" (the noun after
    "by")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _written(tok: Token) -> str:
    """A noun with the words before it in its own phrase, as the text writes them ('a
    monitoring group'), without a coordination's 'both'; '' for a name."""
    if tok.pos_ != "NOUN":
        return ""
    inside = {
        t.i
        for c in tok.lefts
        if c.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod")
        for t in c.subtree
    }
    start = tok.i
    while start - 1 in inside:
        start -= 1
    return tok.doc[start : tok.i + 1].text


def _conjuncts(tok: Token) -> list[Token]:
    """A coordinated phrase's heads in order: 'SOHR, SANA and the army' -> three tokens."""
    found = [tok]
    for _ in range(8):
        nxt = next((c for c in found[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        found.append(nxt)
    return found


_INSIDE_A_PHRASE = ("pobj", "prep", "compound", "amod", "nmod", "poss", "flat", "det")


def _word_before(verb: Token, floor: int) -> Token | None:
    """The noun just before a speech verb (past adverbs, particles and auxiliaries), after
    token `floor`: the last word of the phrase that says it. A closing quotation mark ends
    the search: a quoted name there belongs to a longer phrase ('the wing of "X" said')."""
    k = verb.i - 1
    doc = verb.doc
    while k > floor and (doc[k].pos_ in ("PUNCT", "ADV", "PART") or doc[k].dep_ == "aux"):
        if doc[k].is_quote:
            return None
        k -= 1
    if k <= floor or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[k]


def _closing_tag(verb: Token, sent: Span) -> bool:
    """Whether a verb's clause closes its sentence after a comma, with nothing of its own
    after the verb but the full stop: ", the Observatory reported."."""
    first = verb.left_edge.i
    words = [t for t in sent if not t.is_punct]
    if not words or first <= sent.start or sent.doc[first - 1].text != ",":
        return False
    return verb.right_edge.i == words[-1].i == verb.i


def _speaker_after(verb: Token, sent: Span) -> Token | None:
    """The object right after a speech verb that closes its sentence, after a clause of its
    own ("... on Friday said a monitoring group."): an inverted subject, the speaker."""
    words = [t for t in sent if not t.is_punct]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not words or verb.i - sent.start < 4:
        return None
    if obj.left_edge.i != verb.i + 1 or obj.right_edge.i != words[-1].i:
        return None
    return obj


def _speaker_before(verb: Token, floor: int) -> Token | None:
    """The noun phrase just before a speech verb, when a comma-less wire sentence bent the
    parse ('at least 25 members of the Nusra Front the British-based Observatory said',
    '... seven people the Syrian Observatory for Human Rights said'): the word before the
    verb, climbed to the head of its own phrase, staying after token `floor`."""
    word = _word_before(verb, floor)
    if word is None:
        return None
    tok = best = word
    for _ in range(12):
        head = tok.head
        if tok.dep_ not in _INSIDE_A_PHRASE or not floor < head.i < verb.i:
            break
        if head.pos_ not in ("NOUN", "PROPN", "ADP"):
            break  # the phrase ends where a clause begins
        tok = head
        if tok.pos_ in ("NOUN", "PROPN"):
            best = tok
    return best
