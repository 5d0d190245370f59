"""Publication dates from metadata values, URLs and the first lines of an article.

We parse with a few strict patterns instead of dateparser: a general parser turns words like
"we" or "may" into dates, and a wrong publication date silently misplaces every event of an
article on the timeline. A string either is one of the shapes below or it is not a date, and
the result is never more precise than the string (`2016-11` stays a month).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from rashomon.model import DatePrecision, FoundIn, PublicationDate

__all__ = [
    "dates_after_record",
    "date_from_text_lead",
    "date_from_url",
    "credited_stamp",
    "lead_stamp_length",
    "parse_date",
    "text_date_beats_record",
]

# Years outside these bounds are ids, counts or typos, not the publication date of a news story.
MIN_YEAR, MAX_YEAR = 1900, 2100
URL_MIN_YEAR = 1990  # the web has no news URLs before this; older 4-digit segments are ids

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A month's name and its day in either order, as pages print them beside other words ("Aug
# 21", "21 August", "Sept. 3"): a pattern to build others with (case as the user's flags say)
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
MONTH_DAY = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
_YEAR_ONLY = re.compile(_YEAR)
_YMD_NUMERIC = re.compile(r"(?P<year>\d{4})([/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})")
# Each starts with a lookahead for the characters a match can start with (a weekday's, a
# day's or a month's first): it changes no match, and `finditer` over a whole body no longer
# tries the weekday and month alternatives at every character (half the time).
_DAY_MONTH_NAME = re.compile(
    rf"(?=[\dmtwfs]){_WEEKDAY}{_DAY}(?:\s+|-)(?:of\s+)?{_MONTH},?(?:\s+|-){_YEAR}",
    re.IGNORECASE,
)
_MONTH_NAME_DAY = re.compile(
    rf"(?=[mtwfsjaond]){_WEEKDAY}{_MONTH}\s*{_DAY},?\s+{_YEAR}", re.IGNORECASE
)
_MONTH_NAME_YEAR = re.compile(rf"{_MONTH},?\s+{_YEAR}", re.IGNORECASE)

# A clock time: "10:32", "10:32:05", "15.02", "10:32 AM", "10:32 GMT", "10:32 GMT+3", "+03:00".
# Zone names must be upper case so that "10:32 Syria" is not read as a time zone.
_TIME = (
    r"(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}(?![\d./])\s*(?:(?i:[ap]\.?m)\.?)?"
    r"(?:\s*(?:Z|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?"
)
_TRAILING_TIME = re.compile(rf"(?:\s*[,|\u2013\u2014-]\s*|\s+){_TIME}\s*$")
_LEADING_TIME = re.compile(rf"^{_TIME}\s*[,|\u2013\u2014-]?\s*(?:on\s+)?")

_LEAD_LINES = 5
# Words in the longest date we read, "Monday, October 24th, 2016 at 10:32 AM GMT", plus slack.
_LEAD_PREFIX_TOKENS = 9
_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)"
    r"|date\s+of\s+publication|dated?|released)\b"
    r"(?:\s+on)?\s*[:\u2013\u2014-]?\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\b")
_DATE_REACH = 80  # characters: the longest lead date, label and weekday included, fits
_EDGE_PUNCT = " \t.,;:|-\u2013\u2014"


def _valid(year: int, month: int, day: int | None = None, *, min_year: int = MIN_YEAR) -> bool:
    """Whether the fields name a real calendar day (or month), so 2/30 and 13/13 are rejected."""
    if not min_year <= year <= MAX_YEAR or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _make(
    year: int, month: int | None, day: int | None, found_in: FoundIn, *, min_year: int = MIN_YEAR
) -> PublicationDate | None:
    """Build a date at the precision of the fields given, or None when they are impossible."""
    if month is None:
        ok = min_year <= year <= MAX_YEAR
        return PublicationDate(f"{year:04d}", DatePrecision.YEAR, found_in) if ok else None
    if not _valid(year, month, day, min_year=min_year):
        return None
    if day is None:
        return PublicationDate(f"{year:04d}-{month:02d}", DatePrecision.MONTH, found_in)
    return PublicationDate(f"{year:04d}-{month:02d}-{day:02d}", DatePrecision.DAY, found_in)


def month_number(name: str) -> int:
    """1-12 for a month's name or its abbreviation ("Sept.", "may", "December")."""
    return _MONTHS.index(name[:3].lower()) + 1


def month_of(word: str) -> int | None:
    """1-12 for a word that is a month's name or abbreviation ("Sept.", "march"), else None."""
    found = re.fullmatch(_MONTH, word.strip(), re.IGNORECASE)
    return month_number(found["mon"]) if found else None


def _numeric_day_month(a: int, b: int, order: str) -> tuple[int, int]:
    """(month, day) of 'a/b/YYYY': a field above 12 can only be the day, whatever `order` says."""
    if a > 12 >= b:
        return b, a
    if b > 12 >= a:
        return a, b
    return (a, b) if order == "MDY" else (b, a)


def parse_date(text: str, *, found_in: FoundIn, order: str = "MDY") -> PublicationDate | None:
    """Parse a string that is wholly a date, at the precision it states; None when it is not one.

    `order` settles ambiguous numeric dates ('4/5/2017'): 'MDY' (the FA-KES convention, and the
    default) or 'DMY'. Two-digit years are refused: '4/5/17' could be 1917 or 2017 or 2004.
    """
    if order not in ("MDY", "DMY"):
        raise ValueError(f"order must be 'MDY' or 'DMY', not {order!r}")
    s = text.strip()
    if m := _ISO.fullmatch(s) or _COMPACT.fullmatch(s) or _YMD_NUMERIC.fullmatch(s):
        return _make(int(m["year"]), int(m["month"]), int(m["day"]), found_in)
    if m := _YEAR_MONTH.fullmatch(s):
        return _make(int(m["year"]), int(m["month"]), None, found_in)
    if m := _YEAR_ONLY.fullmatch(s):
        return _make(int(m["year"]), None, None, found_in)
    s = _TRAILING_TIME.sub("", s)
    if m := _NUMERIC.fullmatch(s):
        month, day = _numeric_day_month(int(m["a"]), int(m["b"]), order)
        return _make(int(m["year"]), month, day, found_in)
    if m := _DAY_MONTH_NAME.fullmatch(s) or _MONTH_NAME_DAY.fullmatch(s):
        return _make(int(m["year"]), month_number(m["mon"]), int(m["day"]), found_in)
    if m := _MONTH_NAME_YEAR.fullmatch(s):
        return _make(int(m["year"]), month_number(m["mon"]), None, found_in)
    return None


_URL_SLUG_DATE = re.compile(r"(?:(\d{4})-(\d{2})-(\d{2})|(\d{4})(\d{2})(\d{2}))(?:-[a-z].*)?", re.I)
_URL_MONTH = re.compile(rf"\d{{1,2}}|{_MONTH}", re.IGNORECASE)


def _url_segment_month(segment: str) -> int | None:
    """Month of a URL segment: '10', '3' or a name ('oct', as the Guardian writes it)."""
    m = _URL_MONTH.fullmatch(segment)
    if m is None:
        return None
    return month_number(m["mon"]) if m["mon"] else int(segment)


def date_from_url(url: str) -> PublicationDate | None:
    """A date that a news site wrote into the URL path: /2016/10/26/, /2016-10-26/, /20161026/.

    Only whole path segments count (or a date followed by '-slug'), so the digits of an article
    id such as 'world-middle-east-37812345' are never read as a date.
    """
    segments = [seg for seg in urlsplit(url.strip()).path.split("/") if seg]
    for i, seg in enumerate(segments):
        if m := _URL_SLUG_DATE.fullmatch(seg):
            y, mo, d = (g for g in m.groups() if g is not None)
            if found := _make(int(y), int(mo), int(d), FoundIn.URL, min_year=URL_MIN_YEAR):
                return found
            continue
        if not re.fullmatch(r"\d{4}", seg) or i + 1 >= len(segments):
            continue
        month = _url_segment_month(segments[i + 1])
        if month is None:
            continue
        day_seg = segments[i + 2] if i + 2 < len(segments) else ""
        day = int(day_seg) if re.fullmatch(r"\d{1,2}", day_seg) else None
        if found := _make(int(seg), month, day, FoundIn.URL, min_year=URL_MIN_YEAR):
            return found
    return None


# Dates as text extraction leaves them: "Apr 232017" (day and year glued when a comma and a
# space were dropped), "21.08.2013Get short URL" (a date glued to the next word).
_GLUED_DAY_YEAR = re.compile(rf"^({_MONTH})\s*(\d{{1,2}})((?:19|20)\d\d)\b", re.IGNORECASE)
_GLUED_WORD = re.compile(r"^(\d{1,2}[./-]\d{1,2}[./-]\d{4})(?=[^\W\d_]|\((?:updated|edited))")
# "07.10.2017(updated 1500 07.10.2017) ": when the page last changed, beside its stamp
_UPDATED_AFTER = re.compile(r"\s*\((?:updated|edited)\s[^()]{1,40}\)", re.IGNORECASE)


def _unglue(text: str) -> str:
    text = _GLUED_DAY_YEAR.sub(lambda m: f"{m[1]} {m[m.lastindex - 1]} {m[m.lastindex]}", text)
    return _GLUED_WORD.sub(r"\1 ", text)


def _leading_date(text: str, *, need_day: bool, order: str = "MDY") -> PublicationDate | None:
    """The longest run of leading words of `text` that parses as a date."""
    tokens = _unglue(text.strip()).split()[:_LEAD_PREFIX_TOKENS]
    for n in range(len(tokens), 0, -1):
        found = parse_date(
            " ".join(tokens[:n]).rstrip(_EDGE_PUNCT), found_in=FoundIn.TEXT, order=order
        )
        if found and (found.precision is DatePrecision.DAY or not need_day):
            return found
    return None


def _month_or_day(found: PublicationDate | None) -> PublicationDate | None:
    """Drop a bare year: in article text it is too often a count or a reference to be the date."""
    return found if found and found.precision is not DatePrecision.YEAR else None


# "... Monitor AFP Tuesday 6 Aug 2013 At least 18 people ...": a wire credit run into a full
# date with its weekday, near the head of a body whose line breaks were lost (a headline and
# standfirst before it). Full weekday dates with a year are how pages date themselves;
# reported events get "on Tuesday", not "Tuesday 6 Aug 2013".
_CREDITED_DATE = re.compile(
    r"(?P<credit>\b[A-Z]{2,6}|\bReuters|\bAhram Online)\s*[,|\u2013\u2014-]?\s*"
    r"(?P<date>(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}))\b"
)
_CREDIT_REACH = 700  # characters from the start: headline and standfirst fit before it


@lru_cache(maxsize=64)  # the same lead is read for the date and for checking a record's
def date_from_text_lead(text: str, order: str = "MDY") -> PublicationDate | None:
    """A publication date stated at the very start of an article body.

    Accepted: a body that opens with a full date ('Wed 05 Apr 2017 Syria attack ...'), or, among
    its first five non-blank lines, a labelled date line ('Published: 24 October 2016',
    'Updated 10:32 GMT, October 24, 2016') or a line that is only a date; or, near the head
    of a body whose line breaks were lost, a wire credit run into a full weekday date
    ('... Monitor AFP Tuesday 6 Aug 2013 At least ...'). Dates inside ordinary sentences are
    left alone: they are usually about events, not about publication.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_LEAD_LINES]
    for i, line in enumerate(lines):
        if not _DIGIT.search(line[:_DATE_REACH]):
            continue  # every date we read has a digit (its day or year) near the line's start
        if i == 0 and (found := _leading_date(line, need_day=True, order=order)):
            return found
        if label := _LABEL.match(line):
            rest = _LEADING_TIME.sub("", re.sub(r"^at\s+", "", line[label.end() :]))
            if found := _month_or_day(_leading_date(rest, need_day=False, order=order)):
                return found
        line_date = parse_date(line.strip(_EDGE_PUNCT), found_in=FoundIn.TEXT, order=order)
        if found := _month_or_day(line_date):
            return found
    credited = _CREDITED_DATE.search(text[:_CREDIT_REACH])
    if credited is not None:
        return parse_date(credited.group("date"), found_in=FoundIn.TEXT, order=order)
    return None


def credited_stamp(body: str) -> tuple[int, int, str] | None:
    """(start, end, credit) of a wire credit run into the page's full date near the head of a
    body whose line breaks were lost ("... killed in Syria raid NGO AFP Friday 5 Sep 2014 The
    death toll ..."), as `date_from_text_lead` reads it; None when there is none."""
    found = _CREDITED_DATE.search(body[:_CREDIT_REACH])
    return (found.start(), found.end(), found["credit"]) if found else None


_CLOCK_AFTER = re.compile(
    r"\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)(?:[+-]\d{1,2})?)?"
    r"|at\s+\d{4}\b|\d{3,4}\s*(?:GMT|UTC)(?:[+-]\d{1,2})?)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")


def lead_stamp_length(body: str) -> int:
    """Characters of a date stamp that opens `body` run into the text, with its label and
    clock time ("Thu Sep 5 2013 ", "Published February 18 2015 ", "Last updated at Apr
    232017 ", "21.08.2013"): the page's dating of itself, read as the publication date and
    kept out of the reported text. 0 when the body does not open with one."""
    if not _DIGIT.search(body[:_DATE_REACH]):
        return 0
    pos = 0
    label = _LABEL.match(body)
    if label:
        pos = label.end()
        pos += len(re.match(r"(?:at\s+)?", body[pos:], re.IGNORECASE).group())
    end = 0
    if glued := _GLUED_WORD.match(body[pos:]):
        end = pos + len(glued[1])
    else:
        spans = [m.end() for m in islice(_TOKEN.finditer(body, pos), _LEAD_PREFIX_TOKENS)]
        for stop in reversed(spans):
            found = parse_date(_unglue(body[pos:stop].rstrip(_EDGE_PUNCT)), found_in=FoundIn.TEXT)
            if found and (
                found.precision is DatePrecision.DAY
                or (label and found.precision is DatePrecision.MONTH)
            ):
                end = stop
                break
    if not end:
        return 0
    if clock := _CLOCK_AFTER.match(body, end):
        end = clock.end()
    if updated := _UPDATED_AFTER.match(body, end):
        end = updated.end()
    end += len(re.match(r"[\s,|\u2013\u2014-]*", body[end:]).group())
    following = body[end : end + 1]
    # a stamp runs into a headline or a sentence; "March 15 2011 marked the start" is prose
    if label and _ISO_DAY.match(body, pos):
        return end  # "date 2023-10-18 al-Ahli Arab Hospital ...": a labelled numeric stamp
    return end if not following or following.isupper() or following.isdigit() or glued else 0


def text_date_beats_record(record: PublicationDate, text: str) -> PublicationDate | None:
    """The date `text` prints at its head when it contradicts the record's own date field.

    Record fields are filled by whoever built the data set and are often wrong (FA-KES's
    `date` column is wrong for about a quarter of its articles); a date the article prints at
    its head ("Thu Sep 5 2013 ...", "Published February 18 2015", a date stamp) is the page's
    own. They agree when the less precise one contains the other (record 2015-02-18, text
    2015-02): then the record is kept, being the more precise. A numeric date that reads two
    ways ("05-09-2013") contradicts the record only when neither reading matches it, and then
    it is not trusted either: without an order the record is kept.
    """
    readings = {date_from_text_lead(text, order) for order in ("MDY", "DMY")} - {None}
    if len(readings) != 1:
        return None
    (found,) = readings
    if found is None or found.precision is DatePrecision.YEAR:
        return None
    shared = min(len(record.value), len(found.value))
    return found if record.value[:shared] != found.value[:shared] else None


RECORD_SLACK_DAYS = 2  # a record's day may trail the page's by a time zone and a late edit
RECORD_REFUTED_BY = 2  # full dates after the record's that prove it wrong


def dates_after_record(record: PublicationDate, body: str) -> list[str]:
    """The full dates ("21 August 2013", "October 9, 2013") the body prints after the
    record's date, when enough of them do to prove the record wrong, latest last.

    An article cannot tell of days after it was published, except as plans and deadlines;
    one later date can be one of those ("the June 30 2014 deadline"), several show that the
    record's date (FA-KES's `date` column is wrong for about a quarter of its rows) is not
    the article's."""
    bound = _day_of(record.value)
    if bound is None:
        return []
    bound += dt.timedelta(days=RECORD_SLACK_DAYS)
    found: set[str] = set()
    for pattern in (_DAY_MONTH_NAME, _MONTH_NAME_DAY):
        for match in pattern.finditer(body):
            year, day = int(match["year"]), int(match["day"])
            month = _MONTHS.index(match["mon"][:3].lower()) + 1
            if _valid(year, month, day) and dt.date(year, month, day) > bound:
                found.add(dt.date(year, month, day).isoformat())
    return sorted(found) if len(found) >= RECORD_REFUTED_BY else []


def _day_of(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None
