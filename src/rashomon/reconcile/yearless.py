"""Days an undated article names without a year, read against the window its story lends it.

An article with no publication date cannot give "March 16" a year when it is extracted, so
the date mention keeps no value, and "The March 16 airstrike devastated the building" dates
nothing: its report falls back to the estimated window (weeks later, when the article
reports an investigation) and meets no incident of March 16. Once placement has estimated
the article's window (see `windows.estimate_window`), the year is the one that puts the day
latest on or before the window's end (so within a year of it): an article tells of what
happened before it was written. The window stays an estimate; the day then counts as a day
the text gives.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rashomon.article.dates import month_of
from rashomon.facts import ArticleFacts, DateFact

# "March 16", "Mar. 16th", "16 March", "the 16th of March"
_MONTH_DAY = re.compile(
    r"^(?:(?:the\s+)?(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>[A-Za-z]{3,9}\.?)"
    r"|(?P<month2>[A-Za-z]{3,9}\.?)\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)$"
)


# words a date mention may open with before its day ("early on May 11", "late on March 3")
_LEADING = re.compile(r"^(?:(?:early|late|on|by|since|until|till|around|about)\s+)+", re.I)


def with_window_days(facts: ArticleFacts) -> ArticleFacts:
    """The facts with each yearless day of an undated article dated by its estimated window
    (unchanged when the article has a publication date or no window end)."""
    window = facts.article.window
    if facts.article.published or window is None or not window.end:
        return facts
    end = date.fromisoformat(window.end)
    dates = tuple(_dated(d, end) for d in facts.dates)
    if dates == facts.dates:
        return facts
    return replace(facts, dates=dates)


def _dated(mention: DateFact, end: date) -> DateFact:
    """The mention dated the latest such day on or before `end` (so within a year of it)."""
    found = None if mention.value else _MONTH_DAY.match(_LEADING.sub("", mention.text.strip()))
    month = month_of(found["month1"] or found["month2"]) if found else None
    if found is None or month is None:
        return mention
    day = int(found["day1"] or found["day2"])
    for year in (end.year, end.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:  # "February 30", or the 29th in a year without one
            continue
        if when <= end:
            return replace(mention, value=when.isoformat(), precision="day")
    return mention
