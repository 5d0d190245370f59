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
- `status`: proposed (under "propose/offer/plan/suggest X", or "proposals include"), else
  hypothetical ("if", "could/would/might/may" up the parse before the first speech verb),
  else estimated ("estimated", "estimate", "believed to"), else asserted.

Not claims: ordinals, years (a four-digit 1000-2100 in a date entity or after "in/since/...";
1990-2100 unless a plural noun or a qualifier makes it a count: "2000 refugees"), dates,
times of day, ages ("12-year-old", "aged 12"), durations ("three-month", "two days", "24
hours": periods, not counts of anything), list numbering ("1." at a line start), identifiers
and names ("Resolution 2254", "No. 3", "Su-24", "iPhone 11", "49 Zorro Ranch Road"). A
spelled "one" counts only with what happened to it ("one civilian was killed"), not in
"one of", "one Syria expert said" or "one day".

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
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from rashomon.errors import InputError
from rashomon.model import ActorMention, DateMention, NumberClaim, PlaceMention, Quote

__all__ = ["NumberLexicon", "find_numbers"]

log = logging.getLogger(__name__)

EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE, VAGUE = (
    "exact", "approximate", "at_least", "at_most", "range", "vague",
)  # fmt: skip
PERCENT = "percent"
_DIGITS = re.compile(
    r"(?P<cur>[A-Za-z]{0,2}\$|\$[A-Z]{1,2}(?=\d)|[€£¥₺₽₪₹])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[-–](?P<hi>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?P<suf>[A-Za-z%/²]+)?\Z"
)
_DASHES = {"-", "–", "—"}
_PRONOUNS = {"PRON"}
_NOMINAL = {"NOUN", "PROPN"}
_LOCATIVE = {"in", "inside", "near", "at", "across", "around", "throughout", "within", "outside"}
_BARE_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "one"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# How a speech verb holds what it reports: "said (that) ...", "estimated 300", "put it at".
_REPORTED = {"ccomp", "parataxis", "xcomp", "dobj", "attr", "oprd", "advcl", "conj", "dep"}
_ABOUT_KINDS = ("organisation", "nationality", "metonym", "person")


@dataclass(frozen=True)
class NumberLexicon:
    """The words numbers are made of and framed by, loaded once from `number_words.yaml`."""

    data: dict[str, Any]
    phrases: dict[str, dict[tuple[str, ...], str]]  # percent, currency_words, measures, ...
    sets: dict[str, frozenset[str]]
    qualifiers: dict[tuple[str, ...], str]
    starters: frozenset[str]  # lower-case words a number can start with (digits aside)

    @classmethod
    def load(cls) -> NumberLexicon:
        return _packaged_lexicon()

    @classmethod
    def parse(cls, origin: str, text: str) -> NumberLexicon:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise InputError(origin, f"invalid YAML in number words: {exc}") from exc
        if not isinstance(data, dict):
            raise InputError(origin, "number words must be a mapping")
        phrases = {
            key: {tuple(str(k).lower().split()): str(v) for k, v in (data.get(key) or {}).items()}
            for key in ("percent", "currency_words", "measures", "suffix_qualifiers", "per_units")
        }
        sets = {
            key: frozenset(str(w).lower() for w in value)
            for key, value in data.items()
            if isinstance(value, list)
        }
        qualifiers = {
            tuple(str(p).lower().split()): name
            for name, words in (data.get("qualifiers") or {}).items()
            for p in words
        }
        starters = {"a", "an", "half", "us", "c", "hk"}
        for key in ("words", "scales", "vague", "currency_symbols"):
            starters |= {str(k).lower() for k in (data.get(key) or {})}
        starters |= {str(w).split()[0].lower() for w in data.get("vague_counters") or []}
        return cls(data, phrases, sets, qualifiers, frozenset(starters))

    def mapping(self, key: str) -> dict[str, Any]:
        return self.data.get(key) or {}

    def has(self, key: str, word: str) -> bool:
        return word in self.sets.get(key, frozenset())


@lru_cache(maxsize=1)
def _packaged_lexicon() -> NumberLexicon:
    text = resources.files("rashomon.data").joinpath("number_words.yaml").read_text("utf-8")
    return NumberLexicon.parse("number_words.yaml", text)


def find_numbers(
    doc: Doc,
    *,
    mentions: Sequence[ActorMention] = (),
    places: Sequence[PlaceMention] = (),
    dates: Sequence[DateMention] = (),
    quotes: Sequence[Quote] = (),
    lexicon: NumberLexicon | None = None,
) -> list[NumberClaim]:
    """Every numeric claim in `doc`, in text order (offsets into `doc.text`)."""
    reader = _Article(doc, lexicon or NumberLexicon.load(), mentions, places, dates, quotes)
    claims: list[NumberClaim] = []
    for sent in _sentences(doc):
        try:
            claims += reader.sentence(sent)
        except Exception:  # a bulkhead: one unreadable sentence must not sink the article
            log.warning(
                "numbers: skipped the sentence at offset %d", sent.start_char, exc_info=True
            )
    return claims


def _sentences(doc: Doc) -> list[Span]:
    if len(doc) == 0:
        return []
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


# -- reading the number itself ------------------------------------------------------------------


@dataclass
class _Core:
    """A number's own tokens [first, last): value or bounds, with what was written on it."""

    first: int
    last: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # percent, ISO currency, measure
    kind: str = "count"  # count, share, money, measure
    vague: bool = False
    word: bool = False  # spelled out ("one", "three")
    scale: float = 1.0  # what "million", "bn" multiplied the digits by


@dataclass
class _Expr:
    first: int  # qualifier included
    last: int  # unit and suffix qualifier included
    core: _Core
    anchor: int  # the token that ties the number into the parse
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    kind: str
    estimated: bool = False


class _Article:
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

    @cached_property
    def text(self) -> str:
        return self.doc.text  # spaCy rebuilds Doc.text on every access: read it once, if at all

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def token_at(self, char: int) -> Token | None:
        """The token a character offset falls in (or the one before a gap)."""
        k = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[k] if 0 <= k < len(self.doc) else None

    # -- one sentence ----------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[NumberClaim]:
        exprs: list[_Expr] = []
        i = sent.start
        while i < sent.end:
            expr = self._expression(i, sent)
            if expr is None:
                i += 1
                continue
            if expr.kind != "skip":
                exprs.append(expr)
            i = max(expr.last, i + 1)
        if not exprs:
            return []
        cues = _Cues(self, sent)
        claims: list[NumberClaim] = []
        nouns: list[str | None] = []  # each earlier figure's counted noun phrase
        for expr in exprs:
            claim, noun = self._claim(expr, sent, cues, nouns)
            nouns.append(noun)
            if claim is not None:
                claims.append(claim)
        return claims

    def _expression(self, i: int, sent: Span) -> _Expr | None:
        core = self._core(i, sent.end)
        if core is None:
            return None
        lex, doc = self.lex, self.doc
        last = core.last
        unit, kind = core.unit, core.kind
        low, high, value = core.low, core.high, core.value
        qualifier = VAGUE if core.vague else EXACT
        if core.low is not None and not core.vague:
            qualifier = RANGE
        if (unit is None or kind == "money") and not core.vague:
            unit, kind, last = self._unit_after(last, sent.end, core)
        before = doc[core.first - 1].lower_ if core.first > sent.start else ""
        if qualifier == EXACT and last + 1 < sent.end:
            joined = self._range(core, unit, last, before, sent)
            if isinstance(joined, int):
                return _skipped(joined)
            if joined is not None:
                low, high, unit2, kind2, last = joined
                value, qualifier = None, RANGE
                if unit is None or unit2 is not None:
                    unit, kind = unit2, kind2
            elif kind == "count" and (share := self._one_in(core, last, sent)) is not None:
                value, last = share
                unit, kind = PERCENT, "share"
        first = core.first
        phrase = self._qualifier_before(core, sent)
        if phrase is not None:
            first, name = phrase
            qualifier = name if qualifier == EXACT else qualifier  # a range or vague stays so
        elif before in {"between", "from"} and qualifier == RANGE:
            first = core.first - 1
        suffix = _match(doc, last, sent.end, lex.phrases["suffix_qualifiers"])
        if suffix and qualifier == EXACT:
            qualifier, last = suffix[1], last + suffix[0]
        if self._not_a_claim(core, last, kind, qualifier, sent):
            return _SKIP
        if qualifier == AT_LEAST:
            low, high = value, None
        elif qualifier == AT_MOST:
            low, high = None, value
        estimated = any(doc[k].lower_ == "estimated" for k in range(first, core.first))
        return _Expr(
            first, last, core, self._anchor(first, last), qualifier, value, low, high, unit, kind,
            estimated,
        )  # fmt: skip

    def _range(
        self, core: _Core, unit: str | None, last: int, before: str, sent: Span
    ) -> tuple[float, float, str | None, str, int] | int | None:
        """'150 to 200', 'between 150 and 200', '$62 and $68', '5% to 10%', '2 to 3 million'.

        Not a range when the units differ ('0.1 percentage points to 4.2 percent'), under a
        verb of change with a unit on both ends ('rose 5% to $84bn', 'fell from $75 to $45':
        two figures), nor when it falls ('a 3 to 1 margin', 'won 3-1': no count at all; the
        end of what to skip is returned).
        """
        doc = self.doc
        joint = doc[last].lower_
        if not (joint in {"to", *_DASHES} or (joint == "and" and before == "between")):
            return None
        second = self._core(last + 1, sent.end)
        if second is None or second.vague or second.low is not None:
            return None
        unit2, kind2, last2 = self._unit_after(second.last, sent.end, second)
        per = unit2 is not None and unit2.startswith(f"{unit} per ")  # "$62 and $68 per share"
        if unit is not None and unit2 is not None and unit != unit2 and not per:
            return None
        if joint == "to" and unit is not None and before != "between":
            changes = self.lex.sets["change_words"]
            window = doc[max(sent.start, core.first - 6) : core.first]
            if any(t.pos_ == "VERB" and t.lemma_.lower() in changes for t in window):
                return None
        lo, hi = core.value or 0.0, second.value or 0.0
        if second.scale > 1 and core.scale == 1 and lo * second.scale <= hi:
            lo *= second.scale  # "2 to 3 million", "$89 to $93 billion"
        if lo >= hi:
            return None if before == "from" else last2
        return lo, hi, unit2, kind2, last2

    def _one_in(self, core: _Core, last: int, sent: Span) -> tuple[float, int] | None:
        """'one in five Syrians', '1 in 4 residents': a share in percent."""
        doc = self.doc
        if last + 1 >= sent.end or doc[last].lower_ != "in" or core.value is None:
            return None
        second = self._core(last + 1, sent.end)
        if second is None or second.value is None or second.kind != "count":
            return None
        if not 0 < core.value < second.value <= 1000:
            return None
        return round(100 * core.value / second.value, 2), second.last

    def _core(self, i: int, stop: int) -> _Core | None:
        doc, lex = self.doc, self.lex
        tok = doc[i]
        low = tok.lower_
        if low not in lex.starters and not any(c.isdigit() for c in low):
            return None  # most tokens: not worth the readers below
        symbols = lex.mapping("currency_symbols")
        currency = None
        start = i
        if low in symbols and i + 1 < stop:
            currency, i = symbols[low], i + 1
        elif tok.text in {"US", "A", "C", "HK"} and i + 2 < stop and doc[i + 1].text == "$":
            currency, i = symbols.get(f"{low}$", "USD"), i + 2
        core = (
            self._digits(i, stop, currency)
            or self._vague(i, stop)
            or self._fraction(i, stop)
            or self._words(i, stop)
        )
        if core is None:
            return None
        if currency is not None:
            if core.kind in ("share", "measure") or core.vague:
                return None
            core.first, core.unit, core.kind = start, currency, "money"
        return core

    def _digits(self, i: int, stop: int, currency: str | None) -> _Core | None:
        doc, lex = self.doc, self.lex
        match = _DIGITS.match(doc[i].text)
        if match is None:
            return None
        if match["cur"]:
            currency = lex.mapping("currency_symbols").get(match["cur"].lower())
            if currency is None:
                return None
        value = float(match["num"].replace(",", ""))
        high = float(match["hi"].replace(",", "")) if match["hi"] else None
        core = _Core(i, i + 1, value)
        suffix = (match["suf"] or "").lower()
        money_near = currency is not None or self._currency_word_at(i + 1, stop)
        if suffix:
            scales = lex.mapping("suffix_scales")
            if suffix in scales and (suffix != "m" or money_near or match["suf"] == "M"):
                core.scale = float(scales[suffix])
            elif suffix in ("%", "pc"):
                core.unit, core.kind = PERCENT, "share"
            elif (suffix,) in lex.phrases["measures"]:
                core.unit, core.kind = lex.phrases["measures"][(suffix,)], "measure"
            else:
                return None  # "21st", "1990s", "118.5p"
        j = i + 1
        # "1.5 million", "20 m" written as "20m", "3 thousand"
        while j < stop and core.kind == "count":
            attached = doc[j].idx == doc[j - 1].idx + len(doc[j - 1])
            word = doc[j].lower_.rstrip(".") if attached else doc[j].lower_
            scales = lex.mapping("suffix_scales")
            if word in lex.mapping("scales") and word != "dozen":
                core.scale *= float(lex.mapping("scales")[word])
            elif attached and word in scales and (word != "m" or money_near or doc[j].text == "M"):
                core.scale *= float(scales[word])
            else:
                break
            j += 1
        core.last = j
        core.value = value * core.scale
        if currency is not None:
            core.unit, core.kind = currency, "money"
        if high is not None:
            if high <= value:
                return None
            core.low, core.high, core.value = value * core.scale, high * core.scale, None
        return core

    def _currency_word_at(self, j: int, stop: int) -> bool:
        while j < stop and self.doc[j].lower_ in self.lex.mapping("suffix_scales"):
            j += 1
        return _match(self.doc, j, stop, self.lex.phrases["currency_words"]) is not None

    def _vague(self, i: int, stop: int) -> _Core | None:
        """'hundreds', 'tens of thousands', 'several hundred', 'a few thousand'."""
        doc, lex = self.doc, self.lex
        vague = lex.mapping("vague")
        word = doc[i].lower_
        if word in vague:
            low, high = (float(x) for x in vague[word])
            last = i + 1
            if i + 2 < stop and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in vague:
                low2 = float(vague[doc[i + 2].lower_][0])  # "tens of thousands"
                low, high, last = low * low2, high * low2, i + 3
            elif word == "tens":
                return None  # "tens" alone is "tens of people" at best: too loose
            return _Core(i, last, None, low, high, vague=True)
        for size in (2, 1):
            counter = " ".join(t.lower_ for t in doc[i : min(i + size, stop)])
            k = i + size
            if lex.has("vague_counters", counter) and k < stop:
                scale = doc[k].lower_.removesuffix("s")
                if scale in lex.mapping("scales"):
                    unit = float(lex.mapping("scales")[scale])
                    return _Core(i, k + 1, None, 2 * unit, 10 * unit, vague=True)
        return None

    def _fraction(self, i: int, stop: int) -> _Core | None:
        """'half', 'a third', 'two-thirds', 'three quarters', 'half a million'."""
        doc, lex = self.doc, self.lex
        fractions = lex.mapping("fractions")
        word = doc[i].lower_
        prev = doc[i - 1].lower_ if i > 0 else ""
        if word in ("half", "halves"):
            if lex.has("fraction_blockers", prev) or prev in ("a", "and", "one"):
                return None  # "the first half", "a year and a half"
            if i + 2 < stop and doc[i + 1].lower_ in ("a", "an"):
                scale = doc[i + 2].lower_
                if scale in lex.mapping("scales"):
                    return _Core(i, i + 3, float(lex.mapping("scales")[scale]) / 2)
                return _Core(i, i + 2, 0.5, word=True)  # "half a percentage point", "half an hour"
            nxt = doc[i + 1] if i + 1 < stop else None
            if nxt is None or not (nxt.lower_ == "of" or nxt.pos_ in ("DET", "PRON", "NOUN")):
                return None
            if lex.has("time_units", nxt.lemma_.lower()):
                return None
            return _Core(i, i + 1, 50.0, unit=PERCENT, kind="share")
        count = None
        j = i
        if word in ("a", "an"):
            count, j = 1.0, i + 1
        elif word in lex.mapping("words") and lex.mapping("words")[word] < 20:
            count, j = float(lex.mapping("words")[word]), i + 1
        elif word.isdigit() and len(word) < 3:
            count, j = float(word), i + 1
        if count is None or j >= stop:
            return None
        if doc[j].text in _DASHES and j + 1 < stop:
            j += 1
        denominator = fractions.get(doc[j].lower_)
        if denominator is None or denominator == 2 and doc[j].lower_ != "halves":
            return None
        plural = doc[j].lower_.endswith("s")
        if count == 1 and plural or count > 1 and not plural and denominator != 4:
            return None
        if not (j + 1 < stop and doc[j + 1].lower_ == "of") or lex.has("fraction_blockers", prev):
            return None  # "the third round", "one quarter" as a period
        return _Core(i, j + 1, round(100 * count / denominator, 2), unit=PERCENT, kind="share")

    def _words(self, i: int, stop: int) -> _Core | None:
        """Spelled numbers: 'three', 'twenty-five', 'three hundred and fifty', 'a dozen'."""
        doc, lex = self.doc, self.lex
        words, scales = lex.mapping("words"), lex.mapping("scales")
        total = current = 0.0
        seen = saw_scale = False
        j = i
        last_word = ""
        while j < stop:
            word = doc[j].lower_
            if word in ("a", "an") and not seen and j + 1 < stop and doc[j + 1].lower_ in scales:
                current, j = 1.0, j + 1
                continue
            if word in words:
                value = float(words[word])
                if seen and last_word in words and not (words[last_word] >= 20 and value < 10):
                    break
                current += value
            elif doc[j].text in _DASHES and last_word in words and j + 1 < stop:
                if not (doc[j + 1].lower_ in words and words[last_word] >= 20):
                    break
            elif word in scales and (seen or current):
                scale = float(scales[word])
                if scale < 1000:
                    current = (current or 1.0) * scale
                else:
                    total += (current or 1.0) * scale
                    current = 0.0
                saw_scale = True
            elif word == "and" and saw_scale and j + 1 < stop and doc[j + 1].lower_ in words:
                pass
            else:
                break
            seen = seen or word in words or word in scales
            last_word = word
            j += 1
        if not seen:
            return None
        while j > i and doc[j - 1].lower_ in ("and", *_DASHES):
            j -= 1
        return _Core(i, j, total + current, word=True)

    def _unit_after(self, j: int, stop: int, core: _Core) -> tuple[str | None, str, int]:
        doc, lex = self.doc, self.lex
        if core.kind == "money":
            if j + 1 < stop and doc[j].lower_ == "per":
                per = _match(doc, j + 1, stop, lex.phrases["per_units"])
                if per is not None:
                    return f"{core.unit} per {per[1]}", core.kind, j + 1 + per[0]
            return core.unit, core.kind, j
        if core.kind != "count":
            return core.unit, core.kind, j
        for key, kind in (
            ("percent", "share"),
            ("currency_words", "money"),
            ("measures", "measure"),
        ):
            found = _match(doc, j, stop, lex.phrases[key])
            if found is None:
                continue
            size, unit = found
            attached = doc[j].idx == doc[j - 1].idx + len(doc[j - 1])
            if kind == "measure" and len(doc[j].text) == 1 and not attached:
                continue  # "5 m" or "3 C" only when written on the number
            end = j + size
            if kind == "money" and end + 1 < stop and doc[end].lower_ == "per":
                per = _match(doc, end + 1, stop, lex.phrases["per_units"])
                if per is not None:
                    unit, end = f"{unit} per {per[1]}", end + 1 + per[0]
            return unit, kind, end
        return None, "count", j

    def _qualifier_before(self, core: _Core, sent: Span) -> tuple[int, str] | None:
        doc, lex = self.doc, self.lex
        for size in (3, 2, 1):
            start = core.first - size
            if start < sent.start:
                continue
            words = tuple(t.lower_ for t in doc[start : core.first])
            name = lex.qualifiers.get(words)
            if name is None:
                continue
            tok = doc[start]
            if size == 1 and lex.has("loose_qualifiers", words[0]):
                ours = range(core.first, core.last)
                if tok.dep_ == "prep" and tok.head.i not in ours:
                    continue
            return start, name
        return None

    def _not_a_claim(self, core: _Core, last: int, kind: str, qualifier: str, sent: Span) -> bool:
        """Years, dates, clock times, ages, durations, list numbers and identifiers."""
        doc, lex = self.doc, self.lex
        tok = doc[core.first]
        prev = doc[core.first - 1] if core.first > sent.start else None
        nxt = doc[last] if last < sent.end else None
        start, end = tok.idx, doc[core.last - 1].idx + len(doc[core.last - 1])
        if kind in ("money", "share") or core.vague:
            return self._duration_after(core, last, sent)
        if any(d.start < end and start < d.end for d in self.dates):
            return True
        text = tok.text
        if (
            re.fullmatch(r"\d{4}", text)
            and kind == "count"
            and self._year_like(core, qualifier, prev)
        ):
            return True
        if ":" in text or (nxt is not None and lex.has("clock_words", nxt.lower_)):
            return True
        ents = {doc[k].ent_type_ for k in range(core.first, core.last)}
        if ents & {"DATE", "TIME"} and not self._counts_plural_noun(core):
            return True
        if prev is not None and lex.has("age_words", prev.lower_):
            return True
        if (
            prev is not None
            and prev.lower_ == "of"
            and core.first - 2 >= sent.start
            and doc[core.first - 2].lower_ in ("age", "ages")
        ):
            return True
        if self._duration_after(core, last, sent):
            return True
        if self._identifier(core, prev, sent):
            return True
        head = doc[core.last - 1].head
        if (
            qualifier == EXACT
            and kind == "count"
            and doc[core.last - 1].dep_ in ("nummod", "compound")
            and head.tag_ == "NNP"
            and head.text.istitle()
        ):
            return True  # "49 Zorro Ranch Road", "787 Dreamliner": a name, not a count
        return self._list_number(core, nxt)

    def _year_like(self, core: _Core, qualifier: str, prev: Token | None) -> bool:
        value = core.value if core.value is not None else core.low or 0
        if not 1000 <= value <= 2100:
            return False
        tok = self.doc[core.first]
        if tok.ent_type_ == "DATE" and qualifier in (EXACT, RANGE):
            return True
        if self._counts_plural_noun(core):
            return False
        if qualifier == RANGE:  # "between 1600 and 1900", "2014-2016"
            return prev is not None and self.lex.has("year_prepositions", prev.lower_)
        if qualifier != EXACT:
            return False
        if tok.ent_type_ == "DATE" or 1990 <= value <= 2100:
            return True
        return prev is not None and self.lex.has("year_prepositions", prev.lower_)

    def _counts_plural_noun(self, core: _Core) -> bool:
        tok = self.doc[core.last - 1]
        head = tok.head
        return (
            tok.dep_ == "nummod"
            and head.tag_ in ("NNS", "NNPS")
            and head.i > tok.i
            and not self.lex.has("time_units", head.lemma_.lower())
        )

    def _duration_after(self, core: _Core, last: int, sent: Span) -> bool:
        doc, lex = self.doc, self.lex
        j = core.last
        while j < sent.end and (doc[j].text in _DASHES or doc[j].lower_ in ("plus", "+", "odd")):
            j += 1
        if j < sent.end and lex.has("time_units", doc[j].lemma_.lower()):
            return not (doc[j].lower_ == "quarter" and core.kind == "share")
        if j < sent.end and doc[j].lower_.endswith("-old"):
            return True
        anchor = doc[core.last - 1]
        return anchor.dep_ == "nummod" and lex.has("time_units", anchor.head.lemma_.lower())

    def _identifier(self, core: _Core, prev: Token | None, sent: Span) -> bool:
        doc, lex = self.doc, self.lex
        tok = doc[core.first]
        if prev is None:
            return False
        attached = prev.idx + len(prev) == tok.idx
        if attached and (prev.text in _DASHES or prev.text == "#"):
            return True
        if lex.has("identifier_words", prev.lower_):
            return True
        if prev.text == "." and core.first > sent.start + 1 and doc[core.first - 2].lower_ == "no":
            return True
        return (
            (prev.pos_ == "PROPN" or prev.pos_ == "NOUN" and prev.text[1:] != prev.text[1:].lower())
            and any(c.isupper() for c in prev.text)
            and prev.i > sent.start
            and prev.ent_type_ not in ("GPE", "NORP", "LOC")
            and prev.lower_ not in self.lex.mapping("currency_symbols")
        )

    def _list_number(self, core: _Core, nxt: Token | None) -> bool:
        tok = self.doc[core.first]
        line_start = self.text.rfind("\n", 0, tok.idx) + 1
        before = self.text[line_start : tok.idx].strip()
        return before in ("", "(", "•", "-", "*") and nxt is not None and nxt.text in (".", ")")

    def _anchor(self, first: int, last: int) -> int:
        """The token of the expression whose head lies outside it (the parse's handle on it)."""
        doc = self.doc
        span = range(first, last)
        for k in reversed(span):
            if doc[k].head.i not in span or doc[k].head.i == k:
                return k
        return last - 1

    # -- the claim around the number ------------------------------------------------------------

    def _claim(
        self,
        expr: _Expr,
        sent: Span,
        cues: _Cues,
        earlier: list[str | None],
    ) -> tuple[NumberClaim | None, str | None]:
        doc = self.doc
        anchor = doc[expr.anchor]
        counted = _Counted(self, expr, anchor, earlier)
        if (
            expr.core.word
            and expr.value == 1
            and expr.qualifier == EXACT
            and not counted.participle
        ):
            return None, counted.base  # "one of", "one Syria expert said"
        start = doc[expr.first].idx
        end = doc[expr.last - 1].idx + len(doc[expr.last - 1])
        claimant = cues.claimant_for(anchor)
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
            claimant=claimant[0] if claimant else None,
            claimant_actor_id=claimant[1] if claimant else None,
            status=cues.status(anchor, expr, counted.noun),
        )
        return claim, counted.base

    def _place(self, tokens: set[int], anchor: Token, cues: _Cues) -> str | None:
        """A place in the counted phrase, else one its clause puts the number in ('in X')."""
        in_phrase = self._places_in(tokens)
        if in_phrase:
            return in_phrase[0].place.id
        clause = _clause_verb(anchor)
        if clause is None:
            return None
        for mention in self.places:
            tok = self.token_at(mention.start)
            if tok is None or tok.i in cues.claimant_tokens:
                continue
            if _same(_clause_verb(tok), clause) and _locative(tok, clause):
                return mention.place.id
        return None

    def _places_in(self, tokens: set[int]) -> list[PlaceMention]:
        found = []
        for place in self.places:
            tok = self.token_at(place.start)
            if tok is not None and tok.i in tokens:
                found.append(place)
        return found

    def _time(self, anchor: Token, sent: Span) -> str | None:
        inside = [d for d in self.dates if sent.start_char <= d.start < sent.end_char]
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

    def group_antecedent(self, tok: Token) -> ActorMention | None:
        """'the group': the organisation named last before it, within three sentences."""
        floor = tok.sent.start_char
        for _ in range(2):
            if floor <= 0:
                break
            previous = self.token_at(max(floor - 2, 0))
            floor = previous.sent.start_char if previous is not None else floor
        k = bisect.bisect_left(self.mention_starts, tok.idx) - 1
        while k >= 0 and self.mentions[k].start >= floor:
            if self.mentions[k].kind == "organisation":
                return self.mentions[k]
            k -= 1
        return None


_SKIP: Any = _Expr(0, 0, _Core(0, 0, None), 0, EXACT, None, None, None, None, "skip")


def _skipped(last: int) -> _Expr:
    """Not a claim, and nothing up to token `last` is read again."""
    return _Expr(0, last, _Core(0, 0, None), 0, EXACT, None, None, None, None, "skip")


def _match(
    doc: Doc, j: int, stop: int, table: dict[tuple[str, ...], str]
) -> tuple[int, str] | None:
    """Longest phrase of `table` starting at token j: (tokens used, value)."""
    for size in (3, 2, 1):
        if j + size > stop:
            continue
        words = tuple(t.lower_ for t in doc[j : j + size])
        if words in table:
            return size, table[words]
    return None


def _clean(value: float | None) -> float | None:
    return None if value is None else float(round(value, 6))


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (itself included): the clause it belongs to."""
    seen = 0
    while seen < 64:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        seen += 1
    return None


def _same(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object at each access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def _locative(tok: Token, clause: Token) -> bool:
    """Whether a place word hangs from its clause by 'in', 'near', 'across' ..."""
    for above in _ancestors(tok):
        if above.dep_ == "prep" and above.lower_ in _LOCATIVE:
            return True
        if above.i == clause.i:
            break
    return False


def _ancestors(tok: Token) -> Iterable[Token]:
    seen = 0
    while tok.head.i != tok.i and seen < 64:
        yield tok.head
        tok = tok.head
        seen += 1


# -- what is counted ---------------------------------------------------------------------------


class _Counted:
    """The counted noun phrase of one number: display text, tokens, actor."""

    def __init__(
        self,
        article: _Article,
        expr: _Expr,
        anchor: Token,
        earlier: list[str | None],
    ) -> None:
        self.a = article
        self.lex = article.lex
        self.expr = expr
        self.noun: Token | None = None
        self.base: str | None = None  # the noun phrase without prefixed actor or participle
        self.what: str | None = None
        self.phrase_tokens: set[int] = set(range(expr.first, expr.last))  # for the actor
        self.place_tokens: set[int] = set(self.phrase_tokens)  # and where: its prepositions
        self.participle: str | None = None
        self.about_actor_id: str | None = None
        self._prefixed: ActorMention | None = None
        self._read(anchor, earlier)

    def _read(self, anchor: Token, earlier: list[str | None]) -> None:
        expr, doc = self.expr, self.a.doc
        ours = range(expr.first, expr.last)
        if expr.kind == "share":
            head = doc[expr.last - 1] if expr.unit == PERCENT else anchor
            self.noun = _of_object(head) or _of_object(anchor)
            if anchor.dep_ in ("predet", "nummod") and anchor.head.pos_ in _NOMINAL:
                self.noun = anchor.head  # "half the population", "one in five Syrians"
            if self.noun is not None and self.noun.pos_ in _PRONOUNS:  # "a third of them children"
                self.noun = next((c for c in head.children if c.dep_ == "appos"), None)
                if self.noun is None and head.head.pos_ == "NOUN" and head.head.i > head.i:
                    self.noun = head.head
        elif expr.kind in ("money", "measure"):
            self.noun = _of_object(doc[expr.last - 1])
        else:
            if (
                anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det")
                and anchor.head.pos_ in _NOMINAL
                and anchor.head.i not in ours
            ):
                self.noun = anchor.head
            of = _of_object(anchor)
            if self.noun is None and of is not None and of.pos_ not in _PRONOUNS:
                self.noun = of
        if self.noun is not None and self.noun.pos_ in _PRONOUNS:
            self.noun = None
        if self.noun is not None:
            self.base = self._phrase(self.noun)
        elif expr.kind == "count" and earlier and self._tied_to_earlier(anchor):
            self.base = next((b for b in reversed(earlier) if b), None)
        prefix = self._actor_prefix(self.noun or anchor)
        pieces = [p for p in (prefix, self.base) if p]
        if expr.kind == "count":
            self.participle = self._participle(self.noun or anchor)
        if self.participle:
            pieces.append(self.participle)
        self.what = " ".join(pieces) or None
        if self.noun is not None:
            self.place_tokens |= self.phrase_tokens
            for child in self.noun.children:
                if child.dep_ == "prep":
                    self.place_tokens |= {t.i for t in child.subtree}
        mention = self._about()
        self.about_actor_id = mention.actor_id if mention is not None else self.about_actor_id

    def _phrase(self, noun: Token) -> str:
        """The noun with its left modifiers, minus determiners, numbers and vague words."""
        lex = self.lex
        left = [t for t in noun.subtree if t.i < noun.i and t.i >= self.expr.last or t.i == noun.i]
        if noun.i < self.expr.first:  # "deaths of ... people" is handled by the caller
            left = [noun]
        while (
            left
            and left[0].i != noun.i
            and (
                left[0].pos_ in ("DET", "NUM", "PUNCT", "ADP", "CCONJ", "PRON", "PART")
                or lex.has("vague_modifiers", left[0].lower_)
                or left[0].lower_ in lex.mapping("vague")
            )
        ):
            left = left[1:]
        # contiguous run ending at the noun
        run = [left[-1]]
        for t in reversed(left[:-1]):
            if t.i != run[0].i - 1:
                break
            run.insert(0, t)
        self.phrase_tokens |= {t.i for t in run}
        return self.a.text[run[0].idx : noun.idx + len(noun)]

    def _tied_to_earlier(self, anchor: Token) -> bool:
        head = anchor.head
        if head.lower_ in ("including", "among", "of", "with") or anchor.dep_ in ("appos", "conj"):
            return True
        return any(c.lower_ == "of" and _of_object(anchor) is not None for c in anchor.children)

    def _actor_prefix(self, tok: Token) -> str | None:
        """'from Jabhat Fateh al-Sham', 'who belong to Fateh al-Sham', 'from the group'."""
        for target in self._affiliations(tok):
            a = self.a
            region = _name_tokens(target)
            lo, hi = a.doc[min(region)], a.doc[max(region)]
            kinds = ("organisation", "nationality", "metonym")
            found = [m for m in a.mentions_in(lo.idx, hi.idx + len(hi)) if m.kind in kinds]
            self.place_tokens |= {t.i for t in target.subtree}
            if found:
                self.phrase_tokens |= region
                self._prefixed = found[0]
                return a.text[found[0].start : found[-1].end]
            if target.lemma_.lower() in self.lex.sets["group_nouns"] and any(
                c.lower_ in ("the", "this", "that") for c in target.children
            ):
                antecedent = a.group_antecedent(target)
                if antecedent is not None:
                    self._prefixed = antecedent
                    return antecedent.text
            if target.pos_ == "PROPN" and target.ent_type_ not in ("GPE", "LOC", "FAC"):
                names = [t for t in target.lefts if t.dep_ == "compound"]
                first = min([target.i, *(t.left_edge.i for t in names)])
                return a.doc[first : target.i + 1].text
        return None

    def _affiliations(self, tok: Token) -> Iterable[Token]:
        """Noun phrases that say whose the counted are: prepositions and 'who belong to'."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of", "belonging"):
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("relcl", "acl") and child.lemma_.lower() in ("belong", "be"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "of", "from"):
                        yield from (c for c in prep.children if c.dep_ == "pobj")
                    elif prep.dep_ == "attr" and (member := _of_object(prep)) is not None:
                        yield member
        if tok.dep_ == "dobj":  # "expelling 200 fighters from Jabhat Fateh al-Sham"
            for prep in tok.head.children:
                if prep.dep_ == "prep" and prep.lower_ == "from" and prep.i == tok.right_edge.i + 1:
                    yield from (c for c in prep.children if c.dep_ == "pobj")

    def _participle(self, tok: Token) -> str | None:
        """What happened to the counted: 'killed or injured', 'dead', 'displaced'."""
        lex = self.lex
        verbs = lex.mapping("casualty_verbs")
        intransitive = lex.mapping("intransitive_casualty_verbs")
        nouns = lex.mapping("casualty_nouns")
        for _ in range(3):
            head = tok.head
            lemma = head.lemma_.lower()
            if tok.dep_ == "nsubjpass" and lemma in verbs:
                return _verb_chain(head, verbs)
            if tok.dep_ == "nsubj" and lemma in intransitive:
                return _verb_chain(head, intransitive)
            if tok.dep_ == "dobj" and lemma in verbs and head.tag_ in ("VBD", "VBN"):
                return _verb_chain(head, verbs)
            for child in tok.rights:  # "the tens of thousands displaced by fighting"
                lemma = child.lemma_.lower()
                if (
                    child.dep_ in ("acl", "relcl", "amod")
                    and child.tag_ in ("VBN", "VBG")
                    and (lemma in verbs or lemma in intransitive)
                ):
                    return child.text
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in nouns:
                return nouns[head.head.lemma_.lower()]
            if (
                tok.dep_ == "pobj"
                and head.lower_ in ("including", "among")
                and head.head.pos_ in _NOMINAL
            ):
                tok = head.head
                continue
            break
        return None

    def _about(self) -> ActorMention | None:
        if self._prefixed is not None:
            return self._prefixed
        if self.noun is None:
            return None
        doc = self.a.doc
        for i in sorted(self.phrase_tokens):
            mention = self.a.mention_at(doc[i])
            if mention is not None and mention.kind in _ABOUT_KINDS:
                return mention
        return None


def _name_tokens(tok: Token, depth: int = 0) -> set[int]:
    """A name with its modifiers and conjoined names: 'the Republican Guard and Fourth Division'."""
    found = {tok.i}
    for child in tok.children:
        if child.i < tok.i and child.dep_ in ("compound", "amod", "poss", "nmod", "det", "punct"):
            found |= {t.i for t in child.subtree}
        elif child.dep_ in ("conj", "cc") and depth < 8:
            found |= _name_tokens(child, depth + 1)
    return found


def _short(speaker: str | None) -> str:
    """A speaker span without its apposition or relative clause: 'The UN, which ...' -> 'UN'."""
    text = (speaker or "").split(",")[0].strip()
    return text[4:] if text.lower().startswith("the ") else text


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _verb_chain(verb: Token, table: dict[str, str]) -> str:
    """'killed or injured': the verb and the casualty verbs conjoined with it."""
    words = [verb.text if verb.tag_ == "VBN" else table[verb.lemma_.lower()]]
    cc = next((c.lower_ for c in verb.children if c.dep_ == "cc"), "and")
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.lemma_.lower() in table:
            words.append(conj.text if conj.tag_ == "VBN" else table[conj.lemma_.lower()])
    return f" {cc} ".join(words) if len(words) > 1 else words[0]


# -- says who, how sure ---------------------------------------------------------------------------


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
