"""Numbers as claims: value or range, qualifier, what is counted, where, when, and says who.

"Around 300 Nusra fighters", says Khaled Khoja; "no more than 900", says the UN. A figure is
only worth comparing across outlets with its qualifier, its counted noun, its place, its time
and its claimant, so each number in a parsed article becomes a `NumberClaim` carrying them.

Reading a number is lexical (the words live in `data/number_words.yaml`, loaded into a
`NumberLexicon`): digits ("2,700", "1.5 million", "$5bn", "150-200"), words ("twenty-five",
"a dozen", "half a million"), vague magnitudes ("hundreds", "tens of thousands": value None,
low and high the magnitude's bounds as CQE/NewsQuant write them, hundreds = 100-1,000),
shares in percent ("70 percent", "more than a third" = 33.33, "half", "one in five"), money
as an ISO code ("USD", "EUR", "SYP"; "USD per litre") and measures ("kilometre").

- value/low/high: exact and approximate give `value`; at_least gives `value` = `low`, at_most
  `value` = `high`; range and vague give only `low` and `high`. "X to Y" is a range unless
  the units differ ("0.1 percentage points to 4.2 percent") or a verb of change governs two
  figures with units ("rose 5% to $84bn"); a falling pair ("a 3 to 1 margin", "won 3-1") is
  no claim at all.
- `what`: the counted noun phrase as written, without determiners, the number or vague
  words: the nummod head ("300 Nusra fighters" -> "Nusra fighters"), else the "of" complement
  ("hundreds of people" -> "people"; a share's: "70 percent of Sheikh Saeed" -> "Sheikh
  Saeed"). An actor in a "from/of" phrase or a "who belong to" clause goes in front ("200
  fighters from Jabhat Fateh al-Sham" -> "Jabhat Fateh al-Sham fighters"); "the group" there
  is the organisation the text named last. A bare number tied by "including"/"among" to an
  earlier figure of its sentence borrows that figure's noun ("8,000 rebels, including some
  900 who belong to Fateh al-Sham" -> "Fateh al-Sham rebels": the text never says
  "fighters", so neither do we). What happened to the counted follows the noun ("people
  killed or injured", "civilians killed", "the deaths of 600,000 people" -> "people dead").
  Money and measures have a `what` only from an "of" complement. Lemmas serve only to
  match lexicon words; the display keeps the surface form.
- `about_actor_id`: an actor mention inside the counted phrase (not a pronoun or a place).
- `place_id`: a place mention inside the counted phrase or its prepositions, else one its
  clause puts the number in with "in/near/across..." (not the claimant's "Britain-based").
- `time`: a date mention in the same clause, else the nearest in the sentence (value or text).
- `claimant`: the speaker of a quote whose content holds the number, unless an attribution
  nested inside the quote claims it; else the innermost attribution of the sentence that
  holds the number: a speech verb's subject, for what the verb reports ("X said", "X says
  there are", "..., X added"; not "the fighting added to a crisis, with hundreds dying"),
  "according to X", or a source noun's owner ("a UN estimate of", "SOHR figures"). A pronoun
  resolved by the actor stage is named by the actor's last full mention; an unresolved
  pronoun claims nothing, and the next attribution out is tried. The outlet is never put
  here: it is the caller's fallback.
  A claimant is always an agent (`claimant.py`): "airstrikes", "the explosion", "fighter
  jets" never claim, and the next attribution out is tried; its kind is `claimant_kind`
  (person, organisation, monitor, government, media, unnamed; None for the outlet's own
  voice). Wire copy printed without commas bends the parse, so the phrase just before a
  speech verb is its speaker when the parse gave it none or made the counted phrase its
  subject ("... killing seven people the Observatory said"), an attribution elsewhere in
  the sentence claims a number no attribution reaches, and a sentence with no attribution
  at all goes on with the last speaker of the sentence just before it. When the parsed
  subject names no one ("... the latest blast to hit the district state media said"), the
  words just before the verb do, unless they are a place, a date, a plain noun or the
  object of a preposition. A bare "he"/"she"/"it" opening a sentence under a speech verb
  goes on with the last speaker of the sentence before ("An official said ... . He said");
  "X quoted sources as saying" is X's; an unowned toll is its verb's subject's ("a
  monitoring group raised the death toll to 61"); a quote given an earlier sentence's
  speaker yields to a speaker its own sentence names. "X and Y put the
  tolls at 40 and 52, respectively" gives each number its own claimant.
- `status`: proposed (under "propose/offer/plan/suggest X", or "proposals include"), else
  hypothetical ("if", "could/would/might/may" up the parse before the first speech verb),
  else estimated ("estimated", "estimate", "believed to"), else asserted.
- `measure`, `victims`, `scope`, `scope_since` (`figure.py`): what a count measures (killed,
  injured, killed_or_injured, missing, displaced, detained, fighters, besieged, other), of
  whom (civilians, children, women, soldiers, fighters, people), and over what span
  (incident; cumulative since a date or over days; overall: a whole war). Shares, money
  and measures have none of these.

A toll of none is a count of 0 (`expression.py` `_zeros`): "no deaths", "no civilians were
killed", "no one was killed", "nobody was hurt", "none of the passengers were injured",
"without causing casualties" give value 0 (its text is the "no", "no one", "nobody", "none"
or "without"), read for measure, victims, scope and claimant like any count, and kept only
when it measures killed, injured or killed_or_injured. An absence of reports is no count:
"no immediate word on casualties", "no casualties were reported", "no known deaths", "it was
not clear whether there were casualties"; "no one" is never the number 1, and the "no" of
"no more than 40" stays a qualifier.

Not claims: ordinals, years (a four-digit 1000-2100 in a date entity or after "in/since/...";
1990-2100 unless a plural noun or a qualifier makes it a count: "2000 refugees"), dates and
their parts however they are parsed (beside a month name: "05 Apr 2017", "Oct 7 2014";
digits with a leading zero: "07", "at 0914"; a time before a numeric date: "updated 1935
05.10.2017"), times of day, ages ("12-year-old", "aged 12", "Senard, 65,"), durations
("three-month", "two days", "24 hours": periods, not counts of anything), list numbering
("1." at a line start), identifiers and names ("Resolution 2254", "No. 3", "Su-24", "iPhone
11", "49 Zorro Ranch Road"; but "in Idlib 11 people were killed" counts people). A spelled
"one" counts only with what happened to it ("one civilian was killed"), not in "one of",
"one Syria expert said" or "one day". Negatives ("minus 387", "-5") keep their sign, and
ASCII-folded currency signs ("PS8.1bn" for £, "Y=28,030" for ¥) are money.

Known gaps: changes ("rose 5%" gives 5 percent, not a direction), spelled fractions beyond
tenths, counts spread over clauses ("300 ... of whom 40 were children" borrows no noun),
and "from X to Y" after a verb of change gives two figures, never a range.

`find_numbers` never raises on any Doc: each sentence is read on its own, and a sentence the
reader cannot handle is logged as a warning and skipped, so one odd line cannot sink an
article.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.numbers.attribution import _agents, _Cues
from rashomon.extract.numbers.claimant import Claimant, ClaimantNamer
from rashomon.extract.numbers.counted import (
    _chained_clause,
    _clause_verb,
    _Counted,
    _locative,
    _same,
    _short,
)
from rashomon.extract.numbers.expression import _TOLLS, _clean, _Expr, _Reading
from rashomon.extract.numbers.figure import _Figure, _FigureReader
from rashomon.extract.numbers.lexicon import EXACT, NumberLexicon
from rashomon.model import ActorMention, DateMention, NumberClaim, PlaceMention, Quote

__all__ = ["NumberLexicon", "find_numbers"]

log = logging.getLogger(__name__)


def find_numbers(
    doc: Doc,
    *,
    mentions: Sequence[ActorMention] = (),
    places: Sequence[PlaceMention] = (),
    dates: Sequence[DateMention] = (),
    quotes: Sequence[Quote] = (),
    lexicon: NumberLexicon | None = None,
    kind_of: Callable[[str], str | None] | None = None,
) -> list[NumberClaim]:
    """Every numeric claim in `doc`, in text order (offsets into `doc.text`).

    `kind_of` gives an actor id's kind ("monitor", "armed group", ...): it tells a
    claimant's kind and the group of "members of X"; without it only the text decides.
    """
    reader = _Article(doc, lexicon or NumberLexicon.load(), mentions, places, dates, quotes)
    if kind_of is not None:
        reader.kind_of = kind_of  # type: ignore[method-assign]
    claims: list[NumberClaim] = []
    last: tuple[Span, int] | None = None  # the sentence before and where its claims begin
    for sent in _sentences(doc):
        try:
            found = reader.sentence(sent)
            if not found and last is not None and _same_paragraph(last[0], sent):
                claims[last[1] :] = _claimed_after(reader, sent, claims[last[1] :])
            last = (sent, len(claims))
            claims += found
        except Exception:  # a bulkhead: one unreadable sentence must not sink the article
            log.warning(
                "numbers: skipped the sentence at offset %d", sent.start_char, exc_info=True
            )
    return claims


def _claimed_after(reader: _Article, sent: Span, before: list[NumberClaim]) -> list[NumberClaim]:
    """'Dozens were killed. This was announced by the governor.': a sentence of no numbers
    whose speech verb has 'this' (or 'that', 'these') for what is said gives its speaker
    to the figures of the sentence before that have no claimant."""
    if not before or all(c.claimant is not None for c in before):
        return before
    who = _back_reference(reader, sent)
    if who is None:
        return before
    return [
        c if c.claimant is not None
        else replace(c, claimant=who.text, claimant_actor_id=who.actor_id, claimant_kind=who.kind)
        for c in before
    ]  # fmt: skip


def _back_reference(reader: _Article, sent: Span) -> Claimant | None:
    speech = reader.lex.sets.get("speech_verbs", frozenset())
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in speech:
            continue
        said = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        if not any(c.lower_ in _DEMONSTRATIVE for c in said):
            continue
        if any(c.dep_ == "nsubjpass" for c in said):
            speakers = _agents(tok)
        else:
            speakers = [c for c in tok.children if c.dep_ == "nsubj"]
        for speaker in speakers:
            who = reader.namer.name(speaker)
            if who is not None and who.actor_id is None:  # "the head of X Ivan Petrenko"
                named = _person_in(reader, speaker)
                who = named or who
            if who is not None:
                return who
    return None


def _person_in(reader: _Article, head: Token) -> Claimant | None:
    """The person a description names inside its own phrase: 'the head of the regional
    administration Ivan Petrenko in a post' is Petrenko."""
    for tok in head.subtree:
        mention = reader.mention_at(tok)
        if mention is not None and mention.kind == "person" and mention.actor_id:
            return Claimant(reader.named(mention), mention.actor_id, "person")
    return None


_DEMONSTRATIVE = frozenset({"this", "that", "these"})


def _sentences(doc: Doc) -> list[Span]:
    if len(doc) == 0:
        return []
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


class _Article(_Reading):
    """One article's reading: its Doc, lexicon and the other stages' findings, indexed."""

    def __init__(
        self,
        doc: Doc,
        lex: NumberLexicon,
        mentions: Sequence[ActorMention],
        places: Sequence[PlaceMention],
        dates: Sequence[DateMention],
        quotes: Sequence[Quote],
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.places = sorted(places, key=lambda p: (p.start, p.end))
        self.dates = sorted(dates, key=lambda d: (d.start, d.end))
        self.quotes = list(quotes)
        self.namer = ClaimantNamer(self)
        # The sentence before (with its attributions if they were read): wire copy names its
        # source once ("..., a monitor said.") and goes on with its figures in the next one.
        self.previous: tuple[Span, _Cues | None] | None = None

    def kind_of(self, actor_id: str) -> str | None:
        """An actor's kind; replaced by the caller's lookup when it has one."""
        return None

    @cached_property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def token_starts(self) -> list[int]:
        # from the Doc's array: no Token object is built for every token of the article
        return doc_arrays(self.doc).idx

    @cached_property
    def may_start(self) -> list[bool]:
        """Per token, whether a number can start there (`_core`'s first test, made once per
        token here rather than in a call per token and sentence reading)."""
        starters = self.lex.starters
        # a word of letters has no digit: only the rest are looked at character by character
        return [
            low in starters or (not low.isalpha() and any(c.isdigit() for c in low))
            for low in doc_arrays(self.doc).lower
        ]

    @cached_property
    def place_starts(self) -> list[int]:
        return [p.start for p in self.places]

    @cached_property
    def date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    def places_within(self, sent: Span) -> list[PlaceMention]:
        """The place mentions inside a sentence (a figure's places are its sentence's: a pass
        over the article's every place per figure grew with the square of its length)."""
        starts = self.place_starts
        return self.places[
            bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)
        ]

    def dates_within(self, sent: Span) -> list[DateMention]:
        starts = self.date_starts
        return self.dates[
            bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)
        ]

    def token_at(self, char: int) -> Token | None:
        """The token a character offset falls in (or the one before a gap)."""
        k = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[k] if 0 <= k < len(self.doc) else None

    # -- one sentence ----------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[NumberClaim]:
        exprs: list[_Expr] = []
        may_start = self.may_start
        i = sent.start
        while i < sent.end:
            if not may_start[i]:  # most tokens: `_core`, and so `_expression`, finds nothing
                i += 1
                continue
            expr = self._expression(i, sent)
            if expr is None:
                i += 1
                continue
            if expr.kind != "skip":
                exprs.append(expr)
            i = max(expr.last, i + 1)
        zeros = self._zeros(sent, exprs)
        if zeros:  # "no one was killed" is a toll of none, not the number 1
            spans = {k for z in zeros for k in range(z.first, z.last)}
            exprs = [e for e in exprs if not spans.intersection(range(e.first, e.last))]
            exprs = sorted(exprs + zeros, key=lambda e: e.first)
        previous, self.previous = self.previous, (sent, None)
        if not exprs:
            return []
        anchors = [e.anchor for e in exprs]
        cues = _Cues(self, sent, self.namer, anchors)
        self.previous = (sent, cues)
        if previous is not None and _same_paragraph(previous[0], sent):
            cues.previous = previous
        if not cues.cues and previous is not None and _same_paragraph(previous[0], sent):
            before = previous[1] or _Cues(self, previous[0], self.namer)
            cues.carried = before.last_speaker()
        reader = _FigureReader(self, sent)
        claims: list[NumberClaim] = []
        figures: list[tuple[_Figure, set[int]]] = []
        nouns: list[str | None] = []  # each earlier figure's counted noun phrase
        kept: list[_Expr] = []  # the expression of each claim
        for expr in exprs:
            claim, noun, figure = self._claim(expr, sent, cues, reader, nouns, anchors)
            nouns.append(noun)
            if claim is not None and figure is not None:
                claims.append(claim)
                figures.append(figure)
                kept.append(expr)
        read = reader.resolve(figures)
        out = []
        for claim, f, expr in zip(claims, read, kept, strict=True):
            measure = f.measure
            if expr.zero is not None and measure not in _TOLLS:  # "without causing casualties"
                measure = reader.word_measure(self.doc[expr.zero])
                if measure not in _TOLLS:
                    continue  # "no one claimed the attack": no toll of none
            if expr.zero is not None and measure == "injured" and self._unharmed(expr.zero):
                measure = "killed_or_injured"
            out.append(
                replace(
                    claim,
                    measure=measure,
                    victims=f.victims,
                    scope=f.scope,
                    scope_since=f.scope_since,
                )  # fmt: skip
            )
        return out

    # -- the claim around the number ------------------------------------------------------------

    def _claim(
        self,
        expr: _Expr,
        sent: Span,
        cues: _Cues,
        reader: _FigureReader,
        earlier: list[str | None],
        anchors: list[int],
    ) -> tuple[NumberClaim | None, str | None, tuple[_Figure, set[int]] | None]:
        doc = self.doc
        anchor = doc[expr.anchor]
        counted = _Counted(self, expr, anchor, earlier)
        if (
            expr.core.word
            and expr.value == 1
            and expr.qualifier == EXACT
            and (
                not counted.participle
                or (expr.last < len(doc) and doc[expr.last].lower_ == "another")
            )
        ):
            return None, counted.base, None  # "one of", "one Syria expert said", "one another"
        start = doc[expr.first].idx
        end = doc[expr.last - 1].idx + len(doc[expr.last - 1])
        claimant = cues.claimant_for(anchor, anchors)
        claim = NumberClaim(
            start=start,
            end=end,
            text=self.text[start:end],
            value=_clean(expr.value),
            low=_clean(expr.low),
            high=_clean(expr.high),
            qualifier=expr.qualifier,
            what=counted.what,
            unit=expr.unit,
            about_actor_id=counted.about_actor_id,
            place_id=self._place(counted.place_tokens - cues.claimant_tokens, anchor, cues),
            time=self._time(anchor, sent),
            claimant=claimant.text if claimant else None,
            claimant_actor_id=claimant.actor_id if claimant else None,
            claimant_kind=claimant.kind if claimant else None,
            status=cues.status(anchor, expr, counted.noun),
        )
        tokens = set(range(expr.first, expr.last)) | counted.phrase_tokens
        return claim, counted.base, (reader.read(expr, anchor, counted), tokens)

    def _place(self, tokens: set[int], anchor: Token, cues: _Cues) -> str | None:
        """A place in the counted phrase, else one its clause puts the number in ('in X')."""
        sent = self._sentence_of(anchor)
        in_phrase = self._places_in(tokens, sent)
        if in_phrase:
            return in_phrase[0].place.id
        clause = _chained_clause(anchor)
        if clause is None:
            return None
        for mention in self.places_within(sent):
            tok = self.token_at(mention.start)
            if tok is None or tok.i in cues.claimant_tokens:
                continue
            if _same(_chained_clause(tok), clause) and _locative(tok, clause):
                return mention.place.id
        return None

    def _sentence_of(self, tok: Token) -> Span:
        """The token's sentence; the whole text when the Doc has no sentence boundaries."""
        if self.doc.has_annotation("SENT_START"):
            start, end = doc_arrays(self.doc).sentence(tok.i)  # `tok.sent` walks the Doc
            return self.doc[start:end]
        return self.doc[:]

    def _places_in(self, tokens: set[int], sent: Span) -> list[PlaceMention]:
        found = []
        for place in self.places_within(sent):
            tok = self.token_at(place.start)
            if tok is not None and tok.i in tokens:
                found.append(place)
        return found

    def _time(self, anchor: Token, sent: Span) -> str | None:
        """The date the count speaks for: one in the count's own clause, else the nearest.
        A date that names when an act happened ("the toll from the bombing on Saturday has
        reached 250") dates the act, not the count: the count is of the day it is told."""
        inside = [d for d in self.dates_within(sent) if not self._dates_an_act(d)]
        if not inside:
            return None
        clause = _clause_verb(anchor)
        same = [
            d
            for d in inside
            if clause is not None
            and (tok := self.token_at(d.start)) is not None
            and _same(_clause_verb(tok), clause)
        ]
        pick = same or sorted(inside, key=lambda d: abs(d.start - anchor.idx))
        return pick[0].value or pick[0].text

    def _unharmed(self, counted: int) -> bool:
        """ "No doctors or patients have been hurt", "nobody was harmed": a toll of none told
        by a verb of any harm says no one was killed either."""
        verb = _clause_verb(self.doc[counted])
        return verb is not None and self.lex.has("harm_verbs", verb.lemma_.lower())

    def _dates_an_act(self, date: DateMention) -> bool:
        """The date hangs, through prepositions, from a noun of violent acts ('the attack
        on Sunday', 'Saturday's bombing')."""
        tok = self.token_at(date.start)
        seen = 0
        while tok is not None and seen < 8 and tok.head.i != tok.i:
            head = tok.head
            if head.pos_ == "ADP" or date.start <= head.idx < date.end:
                tok, seen = head, seen + 1
                continue
            return head.pos_ == "NOUN" and self.lex.has("act_nouns", head.lemma_.lower())
        return False

    # -- mentions ---------------------------------------------------------------------------------

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        k = bisect.bisect_left(self.mention_starts, start)
        found = []
        while k < len(self.mentions) and self.mentions[k].start < end:
            if self.mentions[k].end <= end:
                found.append(self.mentions[k])
            k += 1
        return found

    def mention_at(self, tok: Token) -> ActorMention | None:
        k = bisect.bisect_right(self.mention_starts, tok.idx) - 1
        best = None
        while k >= 0 and self.mentions[k].start > tok.idx - 200:
            m = self.mentions[k]
            if m.start <= tok.idx < m.end and (
                best is None or m.end - m.start < best.end - best.start
            ):
                best = m
            k -= 1
        return best

    def named(self, mention: ActorMention) -> str:
        """A mention by name: a pronoun or title by its actor's last full mention before it."""
        if mention.kind not in ("pronoun", "title"):
            return _short(mention.text)
        return self.actor_name(mention.actor_id, mention.start) or mention.text

    def actor_name(self, actor_id: str, before: int) -> str | None:
        """The actor's last person-kind (else any named) mention before `before`, or its first."""
        own = [m for m in self.mentions if m.actor_id == actor_id]
        full = [m for m in own if m.kind == "person"] or [
            m for m in own if m.kind not in ("pronoun", "title")
        ]
        earlier = [m for m in full if m.start < before]
        pick = earlier[-1] if earlier else (full[0] if full else None)
        return _short(pick.text) if pick is not None else None

    def sentences_back(self, tok: Token, count: int) -> int:
        """Where the sentence `count` sentences before `tok`'s own begins (a char offset)."""
        arrays = doc_arrays(self.doc)
        floor = arrays.sentence_chars(tok.i)[0]
        for _ in range(count):
            if floor <= 0:
                break
            previous = self.token_at(max(floor - 2, 0))
            floor = arrays.sentence_chars(previous.i)[0] if previous is not None else floor
        return floor

    def group_antecedent(self, tok: Token) -> ActorMention | None:
        """'the group': the organisation named last before it, within three sentences."""
        floor = self.sentences_back(tok, 2)
        k = bisect.bisect_left(self.mention_starts, tok.idx) - 1
        while k >= 0 and self.mentions[k].start >= floor:
            if self.mentions[k].kind == "organisation":
                return self.mentions[k]
            k -= 1
        return None


def _same_paragraph(before: Span, sent: Span) -> bool:
    """`sent` follows `before` in the same paragraph. A speaker's attribution carries to the
    next sentence only there: a new paragraph with no speech verb is the writer's own ('Mr
    Assad also said ... ⏎ More than 80 people were killed in Khan Sheikhoun on 4 April')."""
    if before.end != sent.start:
        return False
    last = next((t for t in reversed(before) if not t.is_space), before[-1])
    first = next((t for t in sent if not t.is_space), sent[0])
    return "\n" not in doc_text(before.doc)[last.idx + len(last) : first.idx]
