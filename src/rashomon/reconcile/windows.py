"""When an undated article was written, estimated from what it names and from its story.

Names carry time: "Jabhat Fateh al-Sham" exists only from July 2016, "al-Nusra Front" only
until then, "President-elect Donald Trump" only from November 2016 to January 2017. Each
name the article uses that the actor dictionary dates bounds the window; so do the dated
articles of the story it joined (an undated report of a story is most likely written while
that story ran). The result is an estimate with its evidence, never a publication date:
readers show it as such, and it never sets a story's span.

What the page says of its own time bounds it too, and a story's days are lent only where
they meet it: a yearless day ("May 8", "on Monday 8 May": the weekday picks the years) is
told within weeks of when it fell, and a feast ("during the holy month of Ramadan") near it.
A page that names Ramadan is not lent a story's July days, in any year Ramadan falls in May.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.article.dates import month_number
from rashomon.facts import ArticleFacts, DateWindow, NameSpan, day_range

STORY_MARGIN_DAYS = 7  # an undated report of a story may run a few days either side of it
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def name_key(text: str) -> str:
    """A name as compared: lowercase words, no "the", no punctuation ("Fateh al-Sham")."""
    words = _NOT_WORD.sub(" ", text.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def estimate_window(
    facts: ArticleFacts,
    name_spans: Sequence[NameSpan],
    story_span: tuple[str | None, str | None] | None = None,
) -> DateWindow | None:
    """The days the article was most likely written on, with the evidence; None when
    nothing it names is dated and its story gives no dates either. The story's days are
    lent only where they meet the days the article's own words allow (`told_days`)."""
    told = told_days(facts, name_spans)
    evidence = list(told.evidence) if told else []
    start, end = told.hull() if told else (None, None)
    story = _story_bounds(story_span)
    if story is not None and (told is None or told.meets(*story)):
        s_low, s_high = story
        if told is not None:  # the lent days the article's words allow
            s_low, s_high = told.within(s_low, s_high)
        new_start = max(start, s_low) if start else s_low
        new_end = min(end, s_high) if end else s_high
        if new_start <= new_end:
            start, end = new_start, new_end
            evidence.append(f"its story's dated articles run {story_span[0]} to {story_span[1]}")  # type: ignore[index]
    if start is None and end is None:
        return None
    return DateWindow(start.isoformat() if start else None, end.isoformat() if end else None,
                      tuple(evidence))  # fmt: skip


# -- what the article's own words allow -------------------------------------------------------

_FIRST, _LAST = date(1900, 1, 1), date(2100, 12, 31)  # open ends
_YEARS = range(1950, 2061)  # the years a yearless day or a feast is looked for in
_HULL_DAYS = 400  # allowed days spread wider than this give the window no end of their own
# a yearless day is told from shortly before it (what is to come) to some months after
YEARLESS_BEFORE_DAYS = 30
YEARLESS_AFTER_DAYS = 120
FEAST_MARGIN_DAYS = 21  # a feast named without a year: the page is written near it


@dataclass(frozen=True)
class ToldDays:
    """The days an undated article's own words allow it to have been written on: sorted,
    disjoint spans (a yearless day or a feast allows some weeks of many years), with what
    each bound rests on."""

    spans: tuple[tuple[date, date], ...]
    evidence: tuple[str, ...]
    outer: tuple[date, date] = (_FIRST, _LAST)  # what the dated names alone allow

    def meets(self, low: date, high: date) -> bool:
        return any(a <= high and low <= b for a, b in self.spans)

    def within(self, low: date, high: date) -> tuple[date, date]:
        """The first and last allowed day in [low, high] (which `meets` them)."""
        inside = [(max(a, low), min(b, high)) for a, b in self.spans if a <= high and low <= b]
        return inside[0][0], inside[-1][1]

    def hull(self) -> tuple[date | None, date | None]:
        """The first and last allowed day, open where unbounded or spread over years."""
        first, last = self.spans[0][0], self.spans[-1][1]
        if (last - first).days > _HULL_DAYS and len(self.spans) > 1:
            first, last = self.outer  # some weeks of each of many years: the names' ends
        return (first if first > _FIRST else None), (last if last < _LAST else None)

    def as_iso(self) -> tuple[tuple[str, str], ...]:
        return tuple((a.isoformat(), b.isoformat()) for a, b in self.spans)


def told_days(facts: ArticleFacts, name_spans: Sequence[NameSpan] = ()) -> ToldDays | None:
    """What the article's own words allow of when it was written (None: nothing): the
    dated names it uses (see `_dated_names`), then the feasts and the yearless days it
    names. Each bound narrows the others; one that leaves no day at all is a misreading
    (or a recollection) and is set aside."""
    named, evidence = _name_bounds(facts, name_spans)
    spans = named or [(_FIRST, _LAST)]
    outer = (spans[0][0], spans[-1][1])  # what the dated names alone allow
    for allowed, said in (*_feasts(facts.body), *_yearless_days(facts.body)):
        narrowed = _intersect(spans, allowed)
        if narrowed:
            spans, evidence = narrowed, evidence + said
    if not evidence:
        return None
    return ToldDays(tuple(spans), tuple(evidence), outer)


def _name_bounds(
    facts: ArticleFacts, name_spans: Sequence[NameSpan]
) -> tuple[list[tuple[date, date]] | None, list[str]]:
    """The days the dated names and titles the article uses allow together: each name the
    days of its spans (a title held for two terms allows both), all of them at once."""
    terms: dict[tuple[str, str], list[tuple[tuple[date, date], list[str]]]] = {}
    for span, said in _dated_names(facts, name_spans):
        low = day_range(span.since) if span.since else None
        high = day_range(span.until) if span.until else None
        if low is None and high is None:
            continue
        key = (span.actor_id, name_key(span.name))
        days = (low[0] if low else _FIRST, high[1] if high else _LAST)
        if any(days == known for known, _ in terms.get(key, ())):
            continue  # one line per term of a name, however often the article uses it
        use = "a title held" if span.role else "in use"
        bounds = (f" from {span.since}" if low else "") + (f" until {span.until}" if high else "")
        terms.setdefault(key, []).append((days, [f"names {said!r}, {use}{bounds}"]))
    spans: list[tuple[date, date]] = [(_FIRST, _LAST)]
    evidence: list[str] = []
    for held in terms.values():
        narrowed = _intersect(spans, _union(days for days, _ in held))
        if not narrowed:
            return None, []  # names that cannot all hold at once date nothing
        lines = [line for days, told in held for line in told if _intersect(narrowed, [days])]
        spans, evidence = narrowed, evidence + lines
    if not evidence:
        return None, []
    return spans, list(dict.fromkeys(evidence))  # one line for titles told alike


def _intersect(
    mine: Sequence[tuple[date, date]], theirs: Sequence[tuple[date, date]]
) -> list[tuple[date, date]]:
    found = [(max(a, c), min(b, d)) for a, b in mine for c, d in theirs if a <= d and c <= b]
    return sorted(found)


def _union(spans: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    found: list[tuple[date, date]] = []
    for low, high in sorted(spans):
        if found and low <= found[-1][1] + timedelta(days=1):
            found[-1] = (found[-1][0], max(found[-1][1], high))
        else:
            found.append((low, high))
    return found


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")  # fmt: skip
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEARLESS = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<d1>[0-3]?\d){_ORDINAL}\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d){_ORDINAL}\b)"
    r"(?!\s*,?\s*(?:of\s+)?(?:\d{4}|'\d\d)\b)(?!\s*[-/\d])"
)
_YEAR_BEFORE = re.compile(r"\b\d{4}\s*,?\s*$")


def _yearless_days(body: str) -> Iterable[tuple[list[tuple[date, date]], list[str]]]:
    """Days named without a year ("May 8", "Monday 8 May"): the page was written from a
    few weeks before such a day to some months after it, in a year whose calendar has it
    on the weekday given. "The September 11 attacks" is a name, not a day of the page."""
    for m in _YEARLESS.finditer(body):
        before = body[max(0, m.start() - 12) : m.start()]
        if before.rstrip().lower().endswith("the") or _YEAR_BEFORE.search(before):
            continue
        month = month_number(m["m1"] or m["m2"])
        day = int(m["d1"] or m["d2"])
        weekday = m["wd"].lower() if m["wd"] else None
        spans = []
        for year in _YEARS:
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if weekday and when.strftime("%A").lower() != weekday:
                continue
            spans.append((when - timedelta(days=YEARLESS_BEFORE_DAYS),
                          when + timedelta(days=YEARLESS_AFTER_DAYS)))  # fmt: skip
        if spans:
            yield _union(spans), [f"names {m.group(0).strip()!r} without a year"]


def _islamic_day(year: int, month: int, day: int) -> date:
    """A day of the (tabular) Islamic calendar: within a day or two of the observed one."""
    julian = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(julian + 1948439 - 1721424 - 1)


def _ramadan(year: int) -> list[tuple[date, date]]:
    return [(_islamic_day(h, 9, 1), _islamic_day(h, 10, 1)) for h in _hijri_years(year)]


def _eid_al_fitr(year: int) -> list[tuple[date, date]]:
    return [(_islamic_day(h, 10, 1), _islamic_day(h, 10, 3)) for h in _hijri_years(year)]


def _eid_al_adha(year: int) -> list[tuple[date, date]]:
    return [(_islamic_day(h, 12, 10), _islamic_day(h, 12, 13)) for h in _hijri_years(year)]


def _christmas(year: int) -> list[tuple[date, date]]:
    return [(date(year, 12, 25), date(year, 12, 25))]


def _hijri_years(year: int) -> range:
    """The Islamic years that overlap a Gregorian one."""
    first = int((year - 622) * 33 / 32)
    return range(first, first + 2)


_FEASTS = {
    "ramadan": _ramadan, "ramadhan": _ramadan, "ramazan": _ramadan,
    "eid al-fitr": _eid_al_fitr, "eid al fitr": _eid_al_fitr, "eid ul-fitr": _eid_al_fitr,
    "eid al-adha": _eid_al_adha, "eid al adha": _eid_al_adha, "eid ul-adha": _eid_al_adha,
    "christmas": _christmas,
}  # fmt: skip
_FEAST = re.compile(r"\b(?P<name>" + "|".join(sorted(_FEASTS, key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)  # fmt: skip
# a feast of another year ("last Ramadan", "every Christmas", "Ramadan 2018")
_OTHER_YEAR = re.compile(r"\b(?:last|next|previous|every|each|annual|since|past)\s+$",
                         re.IGNORECASE)  # fmt: skip
_YEAR_AFTER = re.compile(r"^\W{0,3}(?:(?:of|in)\s+)?(?:\d{4}|last|next)\b", re.IGNORECASE)


def _feasts(body: str) -> Iterable[tuple[list[tuple[date, date]], list[str]]]:
    """Feasts named without a year ("during the holy month of Ramadan"): the page was
    written within a few weeks of one. A capitalised word beside the name makes it a
    person's ("Ramadan Shallah", "Tariq Ramadan")."""
    seen = set()
    for m in _FEAST.finditer(body):
        name = m["name"].lower()
        before, after = body[max(0, m.start() - 30) : m.start()], body[m.end() : m.end() + 30]
        if _OTHER_YEAR.search(before) or _YEAR_AFTER.search(after):
            continue
        if _named_person(before, after) or name in seen:
            continue
        seen.add(name)
        margin = timedelta(days=FEAST_MARGIN_DAYS)
        spans = [(a - margin, b + margin) for year in _YEARS for a, b in _FEASTS[name](year)]
        yield _union(spans), [f"names {m['name']} without a year"]


_FEAST_WORDS = {"the", "of", "holy", "muslim", "during", "in", "a", "ahead", "before", "after"}


def _named_person(before: str, after: str) -> bool:
    words = before.split()
    last = words[-1] if words else ""
    if last[:1].isupper() and last.lower() not in _FEAST_WORDS and last[-1:] not in '.:"':
        return True  # "Tariq Ramadan"
    return re.match(r"\s[A-Z][a-z]", after) is not None and not re.match(r"\s(?:Eve|Day)\b", after)


def _dated_names(
    facts: ArticleFacts, name_spans: Sequence[NameSpan]
) -> Iterable[tuple[NameSpan, str]]:
    """The dated names the article uses, each with its words as written: a name as the
    mention says it, a title as the mention says it or right before the holder's name
    ("US President-elect Donald Trump"), not as a past one ("former US president")."""
    by_actor: dict[str, list[NameSpan]] = {}
    for span in name_spans:
        by_actor.setdefault(span.actor_id, []).append(span)
    seen: set[tuple[str, str, str | None, str | None]] = set()
    for mention in facts.mentions:
        spans = by_actor.get(mention.actor_id or "")
        if not spans or mention.field != "body":
            continue  # (a caption's offsets point into the caption, not the body)
        said = name_key(mention.text)
        before = _title_before(facts.body, mention.start, mention.sentence_start)
        for span in spans:
            key = name_key(span.name)
            if not key or (span.role and (before is None or _PAST_TITLE.search(mention.text))):
                continue  # a title told as a past one dates nothing
            if key == said:
                shown = mention.text
            elif span.role:
                title = _title(key, before, said)
                if title is None:
                    continue
                shown = f"{title} {mention.text}".strip()
            else:
                continue
            if (key, said, span.since, span.until) not in seen:
                seen.add((key, said, span.since, span.until))
                yield span, shown


_PAST_TITLE = re.compile(r"\b(?:former|ex|then|late|previous|outgoing|past)\b", re.IGNORECASE)


def _title_before(body: str, start: int, sentence_start: int) -> str | None:
    """The few words right before a mention (its title, when it has one), None when they
    call the title a past one."""
    words = body[max(sentence_start, start - 60) : start].split()[-5:]
    text = " ".join(words)
    return None if _PAST_TITLE.search(text) else text


def _title(title: str, before: str, said: str) -> str | None:
    """The words before the name that hold the title's words (with the mention's own):
    "US President-elect" before "Donald Trump"; None when they do not hold them all."""
    words = before.split()
    wanted = set(title.split()) - set(said.split())
    if not wanted:
        return ""  # the mention says it all ("the US president-elect")
    for n in range(1, len(words) + 1):
        if wanted <= set(name_key(" ".join(words[-n:])).split()):
            return " ".join(words[-n:])
    return None


def _story_bounds(span: tuple[str | None, str | None] | None) -> tuple[date, date] | None:
    if not span or not span[0] or not span[1]:
        return None
    first, last = day_range(span[0]), day_range(span[1])
    if first is None or last is None:
        return None
    margin = timedelta(days=STORY_MARGIN_DAYS)
    return first[0] - margin, last[1] + margin


def combine(windows: Iterable[DateWindow]) -> DateWindow | None:
    """What several undated articles' windows say together about their story: the days
    all of them allow, else the days any of them allows."""
    found = [w for w in windows if w.start or w.end]
    if not found:
        return None
    starts = [w.start for w in found if w.start]
    ends = [w.end for w in found if w.end]
    start, end = max(starts, default=None), min(ends, default=None)
    if start and end and start > end:
        start, end = min(starts), max(ends)
    evidence = tuple(dict.fromkeys(line for w in found for line in w.evidence))
    return DateWindow(start, end, evidence)
