"""Says who, how sure: the attributions of a sentence and the status of each number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from rashomon.extract.numbers.counted import _ancestors, _short
from rashomon.extract.numbers.expression import _Expr
from rashomon.extract.numbers.lexicon import _BARE_PRONOUNS, _PRONOUNS, _REPORTED, _SUBJECTS
from rashomon.model import Quote

if TYPE_CHECKING:
    from rashomon.extract.numbers import _Article


@dataclass
class _Cue:
    scope: frozenset[int]
    cue: Token
    claimant: Token | None
    kind: str  # speech, according, noun


class _Cues:
    """The attributions of one sentence, and the status words around each number."""

    def __init__(self, article: _Article, sent: Span) -> None:
        self.a = article
        self.lex = article.lex
        self.sent = sent
        self.cues: list[_Cue] = []
        self.claimant_tokens: set[int] = set()
        for tok in sent:
            cue = self._cue(tok, sent)
            if cue is not None:
                self.cues.append(cue)
                if cue.claimant is not None:
                    self.claimant_tokens |= {t.i for t in cue.claimant.subtree}
        self.cues.sort(key=lambda c: len(c.scope))

    def _cue(self, tok: Token, sent: Span) -> _Cue | None:
        lex, lemma = self.lex, tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lex.has("speech_verbs", lemma):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None and tok.dep_ == "conj":
                subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            scope = {t.i for t in tok.subtree} - {t.i for t in subject.subtree}
            return _Cue(frozenset(scope), tok, subject, "speech")
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            to = tok.nbor()
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None:
                return None
            clause = tok.head if tok.head.i != tok.i else tok
            scope = {t.i for t in sent} if clause.i == tok.i else {t.i for t in clause.subtree}
            if clause.dep_ in ("ROOT",) or clause.i == tok.i:
                scope = {t.i for t in sent}
            return _Cue(frozenset(scope - {t.i for t in source.subtree}), tok, source, "according")
        if tok.pos_ == "NOUN" and lex.has("claim_nouns", lemma):
            source = None
            for child in tok.children:
                if child.dep_ == "poss" or (
                    child.dep_ in ("compound", "amod", "nmod")
                    and (child.pos_ == "PROPN" or self.a.mention_at(child) is not None)
                ):
                    source = child
                elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                    source = next((c for c in child.children if c.dep_ == "pobj"), source)
            if source is None:
                return None
            scope = {t.i for t in tok.subtree} - {t.i for t in source.subtree}
            return _Cue(frozenset(scope), tok, source, "noun")
        return None

    def claimant_for(self, anchor: Token) -> tuple[str, str | None] | None:
        quote = next((q for q in self.a.quotes if q.start <= anchor.idx < q.end), None)
        cues = [c for c in self.cues if anchor.i in c.scope and self._reaches(anchor, c)]
        if quote is not None:
            nested = [c for c in cues if quote.start <= c.cue.idx < quote.end]
            for cue in nested:
                who = self._who(cue.claimant)
                if who is not None:
                    return who
            speaker = self._quote_speaker(quote)
            if speaker is not None:
                return speaker
        for cue in cues:
            who = self._who(cue.claimant)
            if who is not None:
                return who
        return None

    def _quote_speaker(self, quote: Quote) -> tuple[str, str | None] | None:
        """The quote's speaker by the name the actor stage knows, else as the quote says."""
        a = self.a
        if quote.speaker_actor_id:
            lo = quote.speaker_start if quote.speaker_start is not None else quote.start
            hi = quote.speaker_end if quote.speaker_end is not None else lo
            inside = [m for m in a.mentions_in(lo, hi) if m.actor_id == quote.speaker_actor_id]
            text = (
                a.named(inside[0])
                if inside
                else a.actor_name(quote.speaker_actor_id, lo) or _short(quote.speaker)
            )
            return text or quote.speaker_actor_id, quote.speaker_actor_id
        text = _short(quote.speaker)
        if not text or text.lower() in _BARE_PRONOUNS:
            return None
        return text, None

    def _reaches(self, anchor: Token, cue: _Cue) -> bool:
        """A speech verb claims what it reports (its clause or object), not its adjuncts:
        'the fighting has added to a crisis ... with hundreds dying' claims nothing."""
        if cue.kind != "speech":
            return True
        child = anchor
        for tok in _ancestors(anchor):
            if tok.i == cue.cue.i:
                break
            child = tok
        if child.dep_ == "prep":
            return child.lower_ in ("of", "about", "at")
        return child.dep_ in _REPORTED

    def _who(self, tok: Token | None) -> tuple[str, str | None] | None:
        if tok is None:
            return None
        a = self.a
        if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        mention = a.mention_at(tok)
        if mention is not None and mention.actor_id:
            return a.named(mention), mention.actor_id
        if tok.pos_ in _PRONOUNS:
            return None
        left = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "poss", "nmod")]
        start = min([tok.i, *(t.left_edge.i for t in left)])
        span = a.doc[start : tok.i + 1]
        inner = [m for m in a.mentions_in(span.start_char, span.end_char) if m.kind != "pronoun"]
        text = span.text
        if text.lower().startswith("the "):
            text = text[4:]
        return text, inner[0].actor_id if inner else None

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
                if any(
                    (c.dep_ == "aux" and lex.has("modal_words", c.lower_))
                    or (c.dep_ == "mark" and lex.has("condition_marks", c.lower_))
                    for c in tok.children
                ):
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
