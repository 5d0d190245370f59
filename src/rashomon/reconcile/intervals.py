"""What a reported figure allows: the interval of true values a claim is compatible with.

News figures are rarely exact and their qualifiers say how far to trust them. The widths
below are the project's reading of news usage, fixed so disputes are reproducible:

- exact "51": within 5% (counts get revised by a few);
- approximate "around 300", "some 900": within 20%;
- at_most "no more than 900", "fewer than 50": anything up to the figure (a ceiling says
  nothing about how low the truth may be);
- a reach "up to 400", "as many as 33": the figure is what the source says the count
  reaches, so near it and no higher (within 20% below, as an approximate figure); a
  source that says "up to 400 killed" against another's 63 says the toll is far higher;
- at_least "at least 10", "more than 200,000": the figure and anything above it;
- range and vague ("hundreds"): their own low and high.

So "around 300" [240, 360] and "some 900" [720, 1080] cannot both be right, while "no more
than 900" [0, 900] fits either; "at least 10" and "8" conflict, "at least 10" and "12" do
not; "up to 400" [320, 400] and "63" conflict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_SPREAD = {"exact": (0.95, 1.05), "approximate": (0.8, 1.2), "at_most": (0.0, 1.0),
           "at_least": (1.0, math.inf)}  # fmt: skip


# the at_most wordings that say how high a count reaches, not that it stays below a cap
_REACH = re.compile(r"^(?:up\s+to|as\s+(?:many|high|much)\s+as)\b", re.IGNORECASE)
_REACH_SPREAD = (0.8, 1.0)


def allowed(
    value: float | None, low: float | None, high: float | None, qualifier: str, text: str = ""
) -> tuple[float, float] | None:
    """The interval a claim allows, or None when it gives no usable number; `text`, the
    figure as written, tells a reach ("up to 400") from a ceiling ("no more than 900")."""
    if qualifier == "at_most" and value is not None and _REACH.match(text):
        below, above = _REACH_SPREAD
        return value * below, value * above
    if qualifier in _SPREAD and value is not None:
        below, above = _SPREAD[qualifier]
        return value * below, value * above
    if qualifier == "at_most" and high is not None:
        return 0.0, high
    if qualifier == "at_least" and low is not None:
        return low, math.inf
    if low is not None and high is not None:
        return min(low, high), max(low, high)
    if value is not None:
        return value * 0.95, value * 1.05
    return None


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two claims' intervals can both be right as a reader takes them: they overlap,
    and the value one of them points at lies in the other's interval. "62" [58.9, 65.1] and
    "about 80" [64, 96] touch only at their far edges, each stretched by its own leeway
    toward the other: neither 62 nor 80 is allowed by the other, so they disagree. "Around
    300" and "no more than 900" agree (300 is at most 900), as do "at least 29" and "61"."""
    return overlap(a, b) and (_inside(_point(a), b) or _inside(_point(b), a))


def _point(interval: tuple[float, float]) -> float:
    """The value a claim names: a floor's low, a ceiling's high, else its middle."""
    low, high = interval
    if math.isinf(high):
        return low
    if low <= 0:
        return high
    return (low + high) / 2


def _inside(value: float, interval: tuple[float, float]) -> bool:
    return interval[0] <= value <= interval[1]


def positions(items: Sequence[tuple[T, tuple[float, float]]]) -> list[list[T]]:
    """Claims grouped into positions: a claim joins a position when its interval overlaps
    every claim's already in it (so a position is a set of mutually compatible figures);
    positions come out from the lowest figure up."""
    ordered = sorted(items, key=lambda item: (item[1][0] + item[1][1]) / 2)
    found: list[list[tuple[T, tuple[float, float]]]] = []
    for item in ordered:
        for group in found:
            if all(overlap(item[1], other[1]) for other in group):
                group.append(item)
                break
        else:
            found.append([item])
    return [[claim for claim, _ in group] for group in found]


def meet(intervals: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """The values every interval allows, or None when they have none in common."""
    low = max(i[0] for i in intervals)
    high = min(i[1] for i in intervals)
    return (low, high) if low <= high else None


def show(interval: tuple[float, float]) -> str:
    """ "240-360", "10 or more", "up to 900" for a note."""
    low, high = interval
    if math.isinf(high):
        return f"{_num(low)} or more"
    if low <= 0:
        return f"up to {_num(high)}"
    return f"{_num(low)}-{_num(high)}"


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:,.1f}".rstrip("0").rstrip(".")
