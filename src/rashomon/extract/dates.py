"""Date and time expressions in an article body, resolved against its publication date.

News text dates events relative to the day it was written: "late Monday", "six months ago",
"earlier this month". Those only become dates on a timeline through the publication date,
and only at the precision both allow: a weekday needs a publication day, "last month" a
publication month. When the anchor is missing or too coarse the mention is kept with
`value=None` rather than guessed, because a wrong date silently misplaces an event.

Candidates are spaCy DATE/TIME entities plus a token pass for weekdays and day words that
the small model misses or merges ("Sunday and Monday"). Each candidate's own text is read
with a few strict patterns (and `parse_date` for absolute dates); a general date parser is
never run over sentences. A candidate that fits no pattern is dropped: that is how pure
durations ("three-month encirclement", "for several years", "a 12-year-old") are skipped.

Decisions, so the tests can pin them:
- `text` is the expression as written with its modifiers ("late Monday", "six months ago",
  "late on Friday", "earlier this month") but without the preposition, which goes into
  `relation` ("since Friday" -> text "Friday", relation "since"), nor a possessive "'s".
- Relations: since/from -> since; until/till -> until; before/prior to/ahead of -> before;
  after -> after; otherwise on. In a range ("from Sunday to Tuesday", "between October 3
  and October 9") the start is "since" and the end "until".
- A bare weekday is the most recent one on or before publication; when its verb is in the
  future tense ("talks will resume on Friday") it is the first one on or after. "last" is
  strictly before, "next"/"this coming" strictly after; "Tuesday of last week" is read as
  written. A weekday after "the"/"that" ("the Friday before last") counts from something
  else and stays unresolved, unless it qualifies a noun ("the Sunday night airstrike");
  "Good Friday", "The Sunday Times" are names, not dates.
- "last night" is the day before publication, "tonight"/"this morning" the day itself.
- "the past month", "over the past two weeks": a period that ends at publication, given as
  relation "since" and the start (publication minus the length) at the unit's precision.
- Seasons carry year precision: "summer 2015" -> 2015. A season's months depend on the
  hemisphere and winter straddles two years, so a month would claim more than the text says.
- Vague counts ("a few days ago", "the past few days") are kept with value None.
- Decades ("the 1970s"), ages, clock times alone and anchors to other events ("the day",
  "two days later", "the start of the month") are skipped.
- Week values are ISO weeks ('2016-W45'); `precision` is None whenever `value` is None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from rashomon.article.dates import credited_stamp, parse_date
from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.model import DateMention, DatePrecision, FoundIn, PublicationDate

__all__ = ["WEEK", "find_dates"]

DAY, MONTH, YEAR = DatePrecision.DAY.value, DatePrecision.MONTH.value, DatePrecision.YEAR.value
WEEK = "week"  # not a publication precision, so not in DatePrecision

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
_DEICTICS = {"last", "next", "this", "past", "coming"}
_TIME_OF_DAY = {"late", "early"}
# holidays on one day of the (Gregorian) calendar, read as that day: "on Christmas Eve"
_FIXED_FEASTS = {
    "christmas eve": "december 24",
    "christmas day": "december 25",
    "boxing day": "december 26",
    "new year's eve": "december 31",
    "new year's day": "january 1",
}
_NAMED_DAY = {"good", "black", "ash", "easter", "palm", "bloody", "holy", "super", "cyber"}
_RELATIONS = {
    "since": "since", "from": "since", "until": "until", "till": "until", "til": "until",
    "before": "before", "after": "after", "between": "since",
}  # fmt: skip
_TWO_WORD_RELATIONS = {("prior", "to"): "before", ("ahead", "of"): "before"}
_RANGE_END = {"to", "through", "until", "till", "-", "\u2013", "\u2014"}
_CONJUNCTIONS = {"and", "or", ",", "&"} | _RANGE_END
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_VAGUE = {"a few", "few", "several", "some", "many", "a couple of", "a couple"}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}  # "wo" is the first half of "won't"
_RANK = {YEAR: 0, MONTH: 1, DAY: 2}

_WD = "|".join(_WEEKDAYS)
_UNIT = r"(?P<unit>day|week|month|year)(?P<plural>s)?"
_COUNT = r"(?P<n>\d{1,3}|a few|a couple(?: of)?|[a-z]+)"
# Where in a period: kept in the text, ignored in the value (it cannot refine the precision).
_POSITION = re.compile(
    r"^(?:(?:early|late|mid|the end of|end of|the beginning of|beginning of|the start of"
    r"|start of|the middle of|middle of)(?:\s+on)?(?:\s*-\s*|\s+))?(?P<core>.+)$"
)
_WEEKDAY = re.compile(
    rf"^(?:(?P<dir>last|next|this coming|this past|this|past|coming)\s+)?(?P<wd>{_WD})"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+of\s+(?P<week>last|this|next)\s+week)?$"
)
_DAY_WORD = re.compile(
    r"^(?P<word>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
    r"|last (?:night|evening))(?:\s+(?:morning|afternoon|evening|night))?$"
)
_PERIOD = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?P<dir>last|this|next)\s+(?P<unit>week|month|year)$"
)
_AGO = re.compile(
    r"^(?:(?:about|around|some|nearly|almost|roughly|approximately|more than|over|less than"
    rf"|just|only|exactly)\s+)?{_COUNT}\s+{_UNIT}\s+ago$"
)
_PAST_PERIOD = re.compile(rf"^(?:the\s+(?:past|last)|past)\s+(?:{_COUNT}\s+)?{_UNIT}$")
_MONTH_OF_YEAR = re.compile(r"^(?P<core>.+?),?\s+(?P<dir>last|this|next)\s+year$")
_DIRECTED = re.compile(r"^(?P<dir>last|this|next)\s+(?P<core>.+)$")
_WEEKEND = re.compile(
    r"^(?:(?P<dir>last|next|this coming|this past|this|past|coming|the)\s+)?weekend$"
)
_SEASON = re.compile(
    r"^(?:(?P<dir>last|this|next|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_LEAP_YEAR = 2000  # stands in for a missing year, so that "February 29" still parses


@dataclass(frozen=True)
class _Anchor:
    """The publication date as a calendar day, with the precision it really has."""

    day: dt.date
    precision: str

    def allows(self, needed: str) -> bool:
        return _RANK[self.precision] >= _RANK[needed]


@dataclass(frozen=True)
class _Reading:
    """What one expression means: value and precision (both None when unanchored)."""

    value: str | None = None
    precision: str | None = None
    relation: str | None = None  # overrides the preposition ("the past month" -> since)


_UNRESOLVED = _Reading()


def find_dates(doc: Doc, published: PublicationDate | None) -> list[DateMention]:
    """Date mentions of `doc` in text order, resolved against `published` where it allows.
    The page's own date run into the head after an agency's credit ("... raid NGO AFP
    Friday 5 Sep 2014 The death toll ...", read as the publication date) is no mention: it
    dates the page, not what the headline tells."""
    anchor = _anchor(published)
    mentions: list[DateMention] = []
    covered: set[int] = set()
    stamp = credited_stamp(doc_text(doc))
    words = doc.char_span(stamp[0], stamp[1], alignment_mode="expand") if stamp else None
    if words is not None:
        covered.update(range(words.start, words.end))
    for start, end, relation in _candidates(doc, covered):
        if any(i in covered for i in range(start, end)):
            continue
        found = _mention(doc, start, end, relation, anchor)
        if found is None:
            continue
        span, mention = found
        if not any(i in covered for i in range(span.start, span.end)):
            mentions.append(mention)
            covered.update(range(span.start, span.end))
    return _apposed(sorted(mentions, key=lambda m: (m.start, m.end)), doc.text)


def _apposed(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A day named again right after another ("since yesterday, Friday the 14th") stands
    in the first one's relation."""
    for n in range(1, len(mentions)):
        before, mention = mentions[n - 1], mentions[n]
        if before.relation != mention.relation and not text[before.end : mention.start].strip(" ,"):
            mentions[n] = replace(mention, relation=before.relation)
    return mentions


# -- candidates --------------------------------------------------------------------------------


def _candidates(doc: Doc, covered: set[int]) -> Iterator[tuple[int, int, str | None]]:
    """Token spans to read, with a relation forced by a range; spaCy's entities come first.

    An entity that reads as a whole is one mention; one that does not ("Sunday and Monday",
    "Sunday to Tuesday") is read piece by piece between its conjunctions.
    """
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") and not _a_fixed_feast(ent):
            continue
        yield ent.start, ent.end, None
        pieces = _pieces(ent)
        if len(pieces) > 1 and not any(i in covered for i in range(ent.start, ent.end)):
            yield from pieces
    for ent in doc.ents:  # "which took place on the 16th": a day of the month alone
        if ent.label_ == "ORDINAL" and _day_of_the_month(ent):
            yield ent.start - 1, ent.end, None
    # the lower-cased words from the Doc's column: a Token only for a day word
    for i, low in enumerate(doc_arrays(doc).lower):
        if (low in _WEEKDAYS or low in _DAY_WORDS) and _lone_day_word(doc[i]):
            yield i, i + 1, None


_ORDINAL_DAY = re.compile(r"^the (?P<day>\d{1,2})(?:st|nd|rd|th)$")


def _day_of_the_month(ent: Span) -> bool:
    """ "on the 16th", with nothing after it that the ordinal counts ("the 16th century",
    "the 16th floor", "the 16th Brigade")."""
    doc = ent.doc
    if len(ent) != 1 or ent.start < 2 or not _ORDINAL_DAY.match(f"the {ent.text.lower()}"):
        return False
    if (doc[ent.start - 2].lower_, doc[ent.start - 1].lower_) != ("on", "the"):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")


def _a_fixed_feast(ent: Span) -> bool:
    """'New Year's Day', which the model tags an event: a day all the same."""
    text = " ".join(ent.text.lower().replace("\u2019", "'").split())
    return text.removeprefix("the ") in _FIXED_FEASTS


def _named_day(token: Token) -> bool:
    """'Good Friday', 'Black Friday', 'Bloody Sunday': a name, not the last such weekday."""
    if token.lower_ not in _WEEKDAYS or token.i == 0:
        return False
    before = token.nbor(-1)
    return before.lower_ in _NAMED_DAY and before.is_title


def _pieces(ent: Span) -> list[tuple[int, int, str | None]]:
    pieces: list[tuple[int, int, str | None]] = []
    start, relation = ent.start, None
    between = ent[0].lower_ == "between" or (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ == "between"
    )
    for token in ent:
        if token.lower_ == "and" and between:  # "between October 3 and October 9"
            pieces.append((start, token.i, relation or "since"))
            start, relation = token.i + 1, "until"
        elif token.lower_ in _CONJUNCTIONS:
            if start < token.i:
                pieces.append((start, token.i, relation))
            start = token.i + 1
            relation = "until" if token.lower_ in _RANGE_END else relation
    if start < ent.end:
        pieces.append((start, ent.end, relation))
    return pieces


def _lone_day_word(token: Token) -> bool:
    """A weekday or 'yesterday' outside a name ('The Sunday Times') or a named day."""
    if token.lower_ not in _WEEKDAYS and token.lower_ not in _DAY_WORDS:
        return False
    if _named_day(token):
        return False
    if token.ent_type_ in ("", "DATE", "TIME"):
        return True
    ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    return all(t.i == token.i or t.lower_ in ("'s", "’s") for t in ent)


# -- one candidate -----------------------------------------------------------------------------


def _mention(
    doc: Doc, start: int, end: int, relation: str | None, anchor: _Anchor | None
) -> tuple[Span, DateMention] | None:
    start, end, preposition = _trim(doc, start, end)
    if start >= end or _named_day(doc[start]):
        return None
    start, end = _extend(doc, start, end)
    span = doc[start:end]
    text = " ".join(span.text.lower().replace("’", "'").split())
    if _anchored_elsewhere(span):
        anchor = None
    reading = _read(text, anchor, future=_is_future(span.root))
    if reading is None:
        return None
    return span, DateMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=reading.value,
        precision=reading.precision,
        relation=reading.relation or relation or preposition or _relation_before(doc, start),
    )


def _anchored_elsewhere(span: Span) -> bool:
    """'the Friday before last', 'that Monday': a weekday counted from something else. Not
    one that qualifies a noun after it ('the Sunday night airstrike', 'a Friday raid'): the
    article's own last such weekday, as a bare one is."""
    if span[0].lower_ not in _WEEKDAYS or span.start == 0:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.pos_ == "NOUN" and after.is_lower:
        return False
    return span.doc[span.start - 1].lower_ in ("the", "that", "a")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int, str | None]:
    """Drop a leading preposition (kept as the relation) and a trailing possessive."""
    preposition = None
    if start < end and doc[start].lower_ in _RELATIONS:
        preposition = _RELATIONS[doc[start].lower_]
        start += 1
    if start < end and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end, preposition


def _extend(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the words spaCy leaves out: 'late (on) Monday', 'last Friday', 'Monday night'."""
    first, last = doc[start].lower_, doc[end - 1].lower_
    day_like = last in _WEEKDAYS or last in _DAY_WORDS
    if end < len(doc) and day_like and doc[end].lower_ in _PARTS_OF_DAY:
        end += 1
    if end < len(doc) and doc[end].lower_ == "ago":
        end += 1
    if first in _WEEKDAYS and start > 0 and doc[start - 1].lower_ in _DEICTICS:
        start -= 1
        if start > 0 and doc[start].lower_ == "coming" and doc[start - 1].lower_ == "this":
            start -= 1
    if start > 0 and doc[start].lower_ not in _TIME_OF_DAY:
        before = doc[start - 1].lower_
        if before in _TIME_OF_DAY:
            start -= 1
        elif before == "on" and start > 1 and doc[start - 2].lower_ in _TIME_OF_DAY:
            start -= 2
    return start, end


def _relation_before(doc: Doc, start: int) -> str:
    # "since the morning of Friday the 14th": the relation stands before the part of the day
    if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _PARTS_OF_DAY:
        start -= 3 if doc[start - 3].lower_ == "the" else 2
    if start >= 2:
        pair = (doc[start - 2].lower_, doc[start - 1].lower_)
        if pair in _TWO_WORD_RELATIONS:
            return _TWO_WORD_RELATIONS[pair]
    if start >= 1:
        return _RELATIONS.get(doc[start - 1].lower_, "on")
    return "on"


def _is_future(token: Token) -> bool:
    """Whether the verb the expression hangs from is a future ('will resume on Friday')."""
    head = token
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in head.children)


# -- reading an expression ---------------------------------------------------------------------


def _read(text: str, anchor: _Anchor | None, *, future: bool) -> _Reading | None:
    """The meaning of one normalised expression; None when it is not a point in time."""
    match = _POSITION.match(text)
    core = match["core"] if match else text
    for feast, day in _FIXED_FEASTS.items():  # "last Christmas Eve" as "last december 24"
        if core == feast or core.endswith(f" {feast}"):
            core = core.removesuffix(feast) + day
            break
    for reader in (_absolute, _yearless, _relative, _of_this_month):
        if (reading := reader(core, anchor, future)) is not None:
            return reading
    return None


def _absolute(core: str, anchor: _Anchor | None, future: bool) -> _Reading | None:
    found = parse_date(core.removeprefix("the "), found_in=FoundIn.TEXT)
    if found is None:
        return None
    return _Reading(found.value, found.precision.value)


def _yearless(core: str, anchor: _Anchor | None, future: bool) -> _Reading | None:
    """'September 30', 'in July', 'last September', 'September last year'."""
    if m := _MONTH_OF_YEAR.match(core):
        month_day = _month_day(m["core"])
        if month_day is None:
            return None
        if anchor is None or not anchor.allows(YEAR):
            return _UNRESOLVED
        year = anchor.day.year + {"last": -1, "this": 0, "next": 1}[m["dir"]]
        return _at(year, *month_day)
    direction = None
    if m := _DIRECTED.match(core):
        direction, core = m["dir"], m["core"]
    month_day = _month_day(core)
    if month_day is None:
        return None
    if anchor is None or not anchor.allows(MONTH):
        return _UNRESOLVED
    month, day = month_day
    pub = (anchor.day.month, anchor.day.day if anchor.allows(DAY) else 31)
    here = (month, day or 1)
    year = anchor.day.year
    if direction == "next":
        year += 1 if here <= pub else 0
    elif direction == "last":
        year -= 1 if month >= anchor.day.month else 0
    elif direction is None:
        year -= 1 if here > pub else 0
    return _at(year, month, day)


def _of_this_month(core: str, anchor: _Anchor | None, future: bool) -> _Reading | None:
    """ "the 16th": that day of the month of writing, or of the month before when the day
    is yet to come (the past is what reports tell)."""
    m = _ORDINAL_DAY.match(core)
    if m is None:
        return None
    if anchor is None or not anchor.allows(DAY):
        return _UNRESOLVED
    day, year, month = int(m["day"]), anchor.day.year, anchor.day.month
    if day > anchor.day.day and not future:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _at(year, month, day)


def _month_day(core: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a date written without a year, read by `parse_date`."""
    core = core.removeprefix("the ")
    if _HAS_YEAR.search(core) or not re.search(r"[a-z]", core):
        return None
    found = parse_date(f"{core} {_LEAP_YEAR}", found_in=FoundIn.TEXT)
    if found is None:
        return None
    parts = found.value.split("-")
    return int(parts[1]), int(parts[2]) if len(parts) > 2 else None


def _at(year: int, month: int, day: int | None) -> _Reading:
    if day is None:
        return _Reading(f"{year:04d}-{month:02d}", MONTH)
    try:
        return _Reading(dt.date(year, month, day).isoformat(), DAY)
    except ValueError:  # February 29 resolved into a common year: the text is wrong, not us
        return _UNRESOLVED


def _relative(core: str, anchor: _Anchor | None, future: bool) -> _Reading | None:
    if m := _WEEKDAY.match(core):
        if m["week"]:
            return _weekday_of_week(m["wd"], m["week"], anchor)
        return _weekday(m["wd"], m["dir"], anchor, future)
    if m := _DAY_WORD.match(core):
        word = m["word"]
        shift = _DAY_WORDS.get(word, -1 if word.startswith("last") else 0)
        return _shift_days(anchor, shift)
    if m := _PERIOD.match(core):
        return _shift(anchor, m["unit"], {"last": -1, "this": 0, "next": 1}[m["dir"]])
    if m := _AGO.match(core):
        count = _count(m["n"])
        return None if count is None else _shift(anchor, m["unit"], -count if count else None)
    if m := _PAST_PERIOD.match(core):
        # "the past month" is one month; "in past days" is as vague as "the past few days"
        count = _count(m["n"]) if m["n"] else (0 if m["plural"] else 1)
        if count is None:
            return None
        reading = _shift(anchor, m["unit"], -count if count else None)
        return _Reading(reading.value, reading.precision, relation="since")
    if m := _SEASON.match(core):
        return _season(m["season"], m["dir"], m["year"], anchor)
    if m := _WEEKEND.match(core):
        return _weekend(m["dir"], anchor, future)
    return None


def _count(word: str) -> int | None:
    """How many units: a number, 0 for a vague count ('a few'), None when not a count."""
    if word.isdigit():
        return int(word)
    if word in _VAGUE:
        return 0
    return _NUMBERS.get(word)


def _weekday(name: str, direction: str | None, anchor: _Anchor | None, future: bool) -> _Reading:
    if anchor is None or not anchor.allows(DAY):
        return _UNRESOLVED
    pub = anchor.day
    back = (pub.weekday() - _WEEKDAYS.index(name)) % 7  # days since the last such weekday
    ahead = (7 - back) % 7
    if direction in ("next", "this coming", "coming"):
        shift = ahead or 7
    elif direction in ("last", "this past", "past"):
        shift = -(back or 7)
    else:  # bare or "this": past unless the verb says future
        shift = ahead if future else -back
    return _Reading((pub + dt.timedelta(days=shift)).isoformat(), DAY)


def _weekend(direction: str | None, anchor: _Anchor | None, future: bool) -> _Reading:
    """ "The weekend massacre", "over the weekend": the ISO week (Monday to Sunday) of the
    last weekend before publication, or of the next one when the text says so ("next
    weekend", "will meet this weekend"). A page of a Saturday or Sunday tells of its own."""
    if anchor is None or not anchor.allows(DAY):
        return _UNRESOLVED
    sunday = anchor.day + dt.timedelta(days=6 - anchor.day.weekday())  # this week's
    weekday = anchor.day.weekday() < 5
    ahead = future or direction in ("next", "coming")
    if (weekday and not ahead) or (not weekday and direction == "last"):
        sunday -= dt.timedelta(weeks=1)
    year, week, _ = sunday.isocalendar()
    return _Reading(f"{year:04d}-W{week:02d}", WEEK)


def _weekday_of_week(name: str, week: str, anchor: _Anchor | None) -> _Reading:
    """'Tuesday of last week': that weekday in the ISO week before (or of, or after) publication."""
    if anchor is None or not anchor.allows(DAY):
        return _UNRESOLVED
    monday = anchor.day - dt.timedelta(days=anchor.day.weekday())
    days = 7 * {"last": -1, "this": 0, "next": 1}[week] + _WEEKDAYS.index(name)
    return _Reading((monday + dt.timedelta(days=days)).isoformat(), DAY)


def _shift_days(anchor: _Anchor | None, days: int) -> _Reading:
    if anchor is None or not anchor.allows(DAY):
        return _UNRESOLVED
    return _Reading((anchor.day + dt.timedelta(days=days)).isoformat(), DAY)


def _shift(anchor: _Anchor | None, unit: str, count: int | None) -> _Reading:
    """The `unit` that lies `count` units from publication, at that unit's precision."""
    needed = {"day": DAY, "week": DAY, "month": MONTH, "year": YEAR}[unit]
    if count is None or anchor is None or not anchor.allows(needed):
        return _UNRESOLVED
    pub = anchor.day
    if unit == "day":
        return _shift_days(anchor, count)
    if unit == "week":
        year, week, _ = (pub + dt.timedelta(weeks=count)).isocalendar()
        return _Reading(f"{year:04d}-W{week:02d}", WEEK)
    if unit == "month":
        year, month0 = divmod(pub.year * 12 + pub.month - 1 + count, 12)
        return _Reading(f"{year:04d}-{month0 + 1:02d}", MONTH)
    return _Reading(f"{pub.year + count:04d}", YEAR)


def _season(name: str, direction: str | None, year: str | None, anchor: _Anchor | None) -> _Reading:
    """A season at year precision; without a year, the one that last began before publication."""
    if year is not None:
        return _Reading(year, YEAR)
    if anchor is None or not anchor.allows(MONTH):
        return _UNRESOLVED
    start, pub = _SEASON_START[name], anchor.day.month
    if direction == "next":
        chosen = anchor.day.year + (1 if start <= pub else 0)
    elif direction == "last":  # the last season that has ended: three months after its start
        chosen = anchor.day.year - (1 if start + 3 > pub else 0)
    elif direction == "this":
        chosen = anchor.day.year
    else:
        chosen = anchor.day.year - (1 if start > pub else 0)
    return _Reading(f"{chosen:04d}", YEAR)


def _anchor(published: PublicationDate | None) -> _Anchor | None:
    if published is None:
        return None
    parts = [int(p) for p in published.value.split("-")]
    day = dt.date(parts[0], *(parts[1:] + [1, 1])[:2])
    return _Anchor(day, published.precision.value)
