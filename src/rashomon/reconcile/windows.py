"""When an undated article was written, estimated from what it names and from its story.

Names carry time: "Jabhat Fateh al-Sham" exists only from July 2016, "al-Nusra Front" only
until then, "President-elect Donald Trump" only from November 2016 to January 2017. Each
name the article uses that the actor dictionary dates bounds the window; so do the dated
articles of the story it joined (an undated report of a story is most likely written while
that story ran). The result is an estimate with its evidence, never a publication date:
readers show it as such, and it never sets a story's span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

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
    nothing it names is dated and its story gives no dates either."""
    lows: list[tuple[date, str]] = []
    highs: list[tuple[date, str]] = []
    for span, said in _dated_names(facts, name_spans):
        if span.since and (bounds := day_range(span.since)):
            lows.append((bounds[0], f"names {said!r}, in use from {span.since}"))
        if span.until and (bounds := day_range(span.until)):
            highs.append((bounds[1], f"names {said!r}, in use until {span.until}"))
    low = max(lows, default=None)
    high = min(highs, default=None)
    if low and high and low[0] > high[0]:
        low = high = None  # names that cannot all hold at once date nothing
    evidence = [bound[1] for bound in (low, high) if bound is not None]
    start, end = (low[0] if low else None), (high[0] if high else None)
    story = _story_bounds(story_span)
    if story is not None:
        s_low, s_high = story
        new_start = max(start, s_low) if start else s_low
        new_end = min(end, s_high) if end else s_high
        if new_start <= new_end:
            start, end = new_start, new_end
            evidence.append(f"its story's dated articles run {story_span[0]} to {story_span[1]}")  # type: ignore[index]
    if start is None and end is None:
        return None
    return DateWindow(start.isoformat() if start else None, end.isoformat() if end else None,
                      tuple(evidence))  # fmt: skip


def _dated_names(
    facts: ArticleFacts, name_spans: Sequence[NameSpan]
) -> Iterable[tuple[NameSpan, str]]:
    """The dated names the article uses, each with its words as written."""
    by_actor: dict[str, list[NameSpan]] = {}
    for span in name_spans:
        by_actor.setdefault(span.actor_id, []).append(span)
    seen: set[tuple[str, str]] = set()
    for mention in facts.mentions:
        spans = by_actor.get(mention.actor_id or "")
        if not spans:
            continue
        said = name_key(mention.text)
        for span in spans:
            key = name_key(span.name)
            if key and key == said and (key, said) not in seen:
                seen.add((key, said))
                yield span, mention.text


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
