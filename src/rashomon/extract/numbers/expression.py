"""Reading the number itself: value or bounds, unit, qualifier, and what is not a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.numbers.lexicon import (
    _DASHES,
    _DIGITS,
    AT_LEAST,
    AT_MOST,
    EXACT,
    PERCENT,
    RANGE,
    VAGUE,
    NumberLexicon,
)
from rashomon.model import DateMention


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
    zero: int | None = None  # a toll of none: the token of what it counts ("deaths", "one")


class _Reading:
    """The number-reading half of `_Article`: expressions, cores, units, qualifiers."""

    doc: Doc
    lex: NumberLexicon
    dates: list[DateMention]

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

    def _zeros(self, sent: Span, taken: list[_Expr]) -> list[_Expr]:
        """Tolls of none, each a count of 0: "no deaths", "no civilians were killed", "no one
        was killed", "nobody was hurt", "none of the passengers", "without causing
        casualties". What it counts must be people or a casualty ("no word on casualties" is
        no toll), and the caller keeps it only when it reads as killed, injured or both. An
        absence of reports is no count ("no casualties were reported", "no immediate
        casualties", "no known deaths"); nor is a "no" of a number's qualifier ("no more
        than 40"), and "no one" is never the number 1."""
        lex, doc = self.lex, self.doc
        used = {k for e in taken for k in range(e.first, e.last)}
        found = []
        arrays = doc_arrays(doc)  # the words' columns: a Token only for a likely "none"
        lower, pos, dep, heads = arrays.lower, arrays.pos, arrays.dep, arrays.head
        zero_words = lex.sets.get("zero_words", frozenset())
        for i in range(sent.start, sent.end):
            low = lower[i]
            if i in used:
                continue
            if low == "no" and dep[i] == "det" and heads[i] > i:
                tok = doc[i]
                counted = tok.head
                span = (
                    (tok.i, tok.i + 2)
                    if counted.i == tok.i + 1 and counted.lower_ == "one"
                    else (tok.i, tok.i + 1)
                )
            elif low in zero_words and pos[i] in ("NOUN", "PRON"):
                tok = doc[i]
                counted, span = tok, (tok.i, tok.i + 1)
            elif low == "without":
                tok = doc[i]
                gerund = next((c for c in tok.children if c.dep_ == "pcomp"), None)
                if gerund is None or not lex.has("zero_gerunds", gerund.lemma_.lower()):
                    continue
                counted = next((c for c in gerund.children if c.dep_ == "dobj"), None)
                if counted is None:
                    continue
                span = (tok.i, tok.i + 1)
            else:
                continue
            if not self._toll_word(counted) or self._unreported(counted):
                continue
            anchor = counted.i if counted.i < span[1] or low == "without" else tok.i
            found.append(
                _Expr(span[0], span[1], _Core(span[0], span[1], 0.0), anchor, EXACT, 0.0,
                      None, None, None, "count", zero=counted.i)
            )  # fmt: skip
        return found

    def _toll_word(self, counted: Token) -> bool:
        """People or a casualty: what a toll of none can count."""
        lex = self.lex
        lemma, word = counted.lemma_.lower(), counted.lower_
        if word in ("one", "nobody", "none") or lemma in ("people", "person", "man", "life"):
            return True
        if (
            lex.group("measure_words", lemma) in _TOLLS
            or lex.group("measure_words", word) in _TOLLS
        ):
            return True
        return bool(
            lex.group("victim_groups", lemma)
            or lex.group("victim_groups", word)
            or lex.has("fighter_nouns", lemma)
        )

    def _unreported(self, counted: Token) -> bool:
        """'no casualties were reported', 'no reported deaths', 'no immediate casualties'."""
        near = [c for c in counted.children if c.dep_ in ("amod", "acl", "advmod")]
        if counted.dep_ in ("nsubj", "nsubjpass"):
            verb = counted.head
            near += [verb, *(c for c in verb.children if c.dep_ in ("advmod", "xcomp"))]
        words = self.lex.sets.get("unreported_words", frozenset())
        return any(t.lemma_.lower() in words or t.lower_ in words for t in near)

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
        """'one in five Syrians', '1 in 4 residents', 'one out of three': a share in percent."""
        doc = self.doc
        if last + 1 >= sent.end or core.value is None:
            return None
        if doc[last].lower_ == "in":
            after = last + 1
        elif doc[last].lower_ == "out" and doc[last + 1].lower_ == "of" and last + 2 < sent.end:
            after = last + 2  # "one out of three Germans"
        else:
            return None
        second = self._core(after, sent.end)
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
        skip = 0
        if low in symbols and i + 1 < stop:
            currency, i = symbols[low], i + 1
            letters = _LETTERS_BEFORE_DIGITS.match(doc[i].text) if low == "$" else None
            if letters and symbols.get(f"${letters[1].lower()}"):  # "$" "US55,931,000"
                currency, skip = symbols[f"${letters[1].lower()}"], len(letters[1])
        elif tok.text in {"US", "A", "C", "HK"} and i + 2 < stop and doc[i + 1].text == "$":
            currency, i = symbols.get(f"{low}$", "USD"), i + 2
        core = (
            self._digits(i, stop, currency, skip)
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

    def _digits(self, i: int, stop: int, currency: str | None, skip: int = 0) -> _Core | None:
        doc, lex = self.doc, self.lex
        match = _DIGITS.match(doc[i].text[skip:])
        if match is None:
            return None
        sign = -1.0 if match["neg"] or self._minus_before(i) else 1.0
        if match["cur"]:
            currency = lex.mapping("currency_symbols").get(match["cur"].lower())
            if currency is None:
                return None
        value = sign * float(match["num"].replace(",", ""))
        high = float(match["hi"].replace(",", "")) if match["hi"] else None
        if sign < 0 and high is not None:
            return None  # "-5-10": no reading we can trust
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

    def _minus_before(self, i: int) -> bool:
        """'minus 387 Fahrenheit'."""
        return i > 0 and self.doc[i - 1].lower_ == "minus"

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
            counter = " ".join(doc_arrays(doc).lower[i : min(i + size, stop)])
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
            if kind == "measure" and end < stop and doc[end].tag_ == "NNS":
                continue  # "12 barrel bombs": the word names the things counted
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
            words = tuple(doc_arrays(doc).lower[start : core.first])
            name = lex.qualifiers.get(words)
            if name is None:
                continue
            tok = doc[start]
            if size == 1 and lex.has("loose_qualifiers", words[0]):
                ours = range(core.first, core.last)
                governs = any(c.dep_ == "pobj" and c.i in ours for c in tok.children)
                if tok.dep_ == "prep" and tok.head.i not in ours and not governs:
                    continue  # "fought over 3 towns"; but "killed over 80 of the soldiers"
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
        if self._date_part(core, prev, nxt):
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
        if (
            ents & {"DATE", "TIME"}
            and self._worded_entity(core.first)
            and not self._counts_plural_noun(core)
            and plural_after(doc, last, sent.end) is None
        ):
            return True
        if prev is not None and lex.has("age_words", prev.lower_):
            return True
        if self._age_in_apposition(core, prev, nxt):
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
            and plural_after(doc, last, sent.end) is None
        ):
            return True  # "49 Zorro Ranch Road", "787 Dreamliner": a name, not a count
        return self._list_number(core, nxt)

    def _age_in_apposition(self, core: _Core, prev: Token | None, nxt: Token | None) -> bool:
        """'Senard, 65, now faces': a bare number set off by commas after a person's name."""
        if prev is None or prev.text != "," or core.first < 2:
            return False
        if nxt is not None and nxt.text not in (",", ".", ";", ")"):
            return False
        name = self.doc[core.first - 2]
        value = core.value or 0
        named = name.ent_type_ == "PERSON" or (
            name.pos_ == "PROPN" and name.ent_type_ in ("", "DATE") and name.text.istitle()
        )
        return named and 0 < value < 120 and value == int(value)

    def _worded_entity(self, k: int) -> bool:
        """Whether the spaCy entity holding token k has a word besides numbers: the small
        model tags "at 40 and 52" as a DATE; "40 days", "2 pm" have their word. Years are
        read by their own rule."""
        doc = self.doc
        start = k
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = k + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return any(t.is_alpha and not t.like_num and t.pos_ != "CCONJ" for t in doc[start:end])

    def _date_part(self, core: _Core, prev: Token | None, nxt: Token | None) -> bool:
        """Dates and times written without the punctuation that tells them from counts:
        a number beside a month name ('05 Apr 2017', 'Oct 7 2014', 'April 25'), the year
        after such a day, a time before a numeric date ('updated 1935 05.10.2017'), and any
        digit string with a leading zero ('07', 'at 0914'): counts are not written so."""
        doc, lex = self.doc, self.lex
        text = doc[core.first].text
        if core.word or not text[:1].isdigit():
            return False
        if len(text) > 1 and text[0] == "0" and text[1].isdigit():
            return True

        def month(tok: Token | None) -> bool:  # capitalised: "300 may die" is no date
            return (
                tok is not None
                and tok.text[:1].isupper()
                and lex.has("month_names", tok.lower_.rstrip("."))
            )

        if month(prev) or month(nxt):
            return True
        if prev is not None and prev.like_num and prev.i > 0 and month(doc[prev.i - 1]):
            return True  # "Oct 7 2014": the year after month and day
        return nxt is not None and _NUMERIC_DATE.fullmatch(nxt.text) is not None

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
        half = ("and", "a", "half")  # "three-and-a-half year war", "two and a half years"
        said = 0
        while j < sent.end:
            word = doc[j].lower_
            if said < 3 and word == half[said]:
                said += 1
            elif not (doc[j].text in _DASHES or word in ("plus", "+", "odd")):
                break
            j += 1
        whole = said in (0, 3)
        if whole and j < sent.end and lex.has("time_units", doc[j].lemma_.lower()):
            return not (doc[j].lower_ == "quarter" and core.kind == "share")
        if whole and j < sent.end and doc[j].lower_.endswith("-old"):
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
        if self._counts_plural_noun(core) or plural_after(doc, core.last, sent.end) is not None:
            return False  # "in Idlib 11 people were killed": a name before a count, no comma
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
                # a qualifier the parse made a preposition ("killed over 80 of them"): the
                # number it governs is the handle, as it is without the "of"
                return next((c.i for c in doc[k].children if c.dep_ == "pobj" and c.i in span), k)
        return last - 1


_TOLLS = ("killed", "injured", "killed_or_injured")  # what a toll of none can count
_LETTERS_BEFORE_DIGITS = re.compile(r"([A-Z]{1,2})(?=\d)")
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_SKIP: Any = _Expr(0, 0, _Core(0, 0, None), 0, EXACT, None, None, None, None, "skip")


def _skipped(last: int) -> _Expr:
    """Not a claim, and nothing up to token `last` is read again."""
    return _Expr(0, last, _Core(0, 0, None), 0, EXACT, None, None, None, None, "skip")


def _match(
    doc: Doc, j: int, stop: int, table: dict[tuple[str, ...], str]
) -> tuple[int, str] | None:
    """Longest phrase of `table` starting at token j: (tokens used, value)."""
    lowered = doc_arrays(doc).lower[j : min(j + 3, stop)]  # no Token built
    for size in (3, 2, 1):
        if j + size > stop:
            continue
        words = tuple(lowered[:size])
        if words in table:
            return size, table[words]
    return None


def plural_after(doc: Doc, j: int, stop: int) -> Token | None:
    """A plural common noun right after a number, past its adjectives and noun modifiers:
    '11 people', '15 Syrian civilians', '40 regime soldiers'."""
    for k in range(j, min(j + 4, stop)):
        tok = doc[k]
        if tok.tag_ == "NNS":
            return tok
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME"):
            return None
    return None


def _clean(value: float | None) -> float | None:
    return None if value is None else float(round(value, 6))
