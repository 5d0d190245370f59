"""What a reported figure allows: the interval of true values a claim is compatible with.

News figures are rarely exact and their qualifiers say how far to trust them. The widths
below are the project's reading of news usage, fixed so disputes are reproducible:

- exact "51": within 5% (counts get revised by a few);
- approximate "around 300", "some 900": within 20%;
- at_most "no more than 900", "a maximum of 8,000": between 60% of the figure and the figure,
  because a reporter who writes "no more than 900" says the number is near 900, not that it
  could be 10;
- at_least "more than 200,000": between the figure and one and a half times it;
- range and vague ("hundreds"): their own low and high.

So "around 300" [240, 360] and "no more than 900" [540, 900] cannot both be right, while
"some 900" [720, 1080] and "no more than 900" can.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_SPREAD = {"exact": (0.95, 1.05), "approximate": (0.8, 1.2), "at_most": (0.6, 1.0),
           "at_least": (1.0, 1.5)}  # fmt: skip


def allowed(
    value: float | None, low: float | None, high: float | None, qualifier: str
) -> tuple[float, float] | None:
    """The interval a claim allows, or None when it gives no usable number."""
    if qualifier in _SPREAD and value is not None:
        below, above = _SPREAD[qualifier]
        return value * below, value * above
    if qualifier == "at_most" and high is not None:
        return high * 0.6, high
    if qualifier == "at_least" and low is not None:
        return low, low * 1.5
    if low is not None and high is not None:
        return min(low, high), max(low, high)
    if value is not None:
        return value * 0.95, value * 1.05
    return None


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


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
