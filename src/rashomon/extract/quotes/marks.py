"""Quotation marks: the never-failing scanner, its repairs and warnings (see the package doc)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# -- quotation marks --------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: [start, end) from its opening mark to after its closing mark.

    `closed` is False when no closing mark ends it (repaired, or a paragraph of a quotation
    that goes on in the next paragraph: then `runs_on` is True); `resumes` is True for a
    paragraph that reopens a quotation left open at the end of the previous one.
    """

    start: int
    end: int
    closed: bool = True
    runs_on: bool = False
    resumes: bool = False


@dataclass(frozen=True)
class QuotationScan:
    spans: tuple[QuotedSpan, ...]
    warnings: tuple[str, ...]


# Doubled single curly marks ("‘‘Never,’’ he said") are double curly ones.
_FAMILY_OPEN = {"“": "curly", "„": "curly", "«": "angle", '"': "straight", "‘‘": "curly"}
_FAMILY_CLOSE = {"”": "curly", "»": "angle", '"': "straight", "’’": "curly"}
_OPENING_MARKS = frozenset({"“", "„", "«", '"', "‘", "''", "``"})
_CLOSING_MARKS = frozenset({"”", "»", '"', "’", "''"})
_MARKS = re.compile(r"''|‘‘|’’|[\"“”„«»\n]")  # '' is a straight mark in some archives (NYT)
_SINGLE = re.compile(r"(?<![\w’'‘])‘(?=[^\s’])([^‘’\n]{0,400}?[^\s‘])’(?![\w’])")


def scan_quotation_marks(text: str) -> QuotationScan:
    """The quotations in `text`, outermost only, and a warning for every repair."""
    spans: list[QuotedSpan] = []
    warnings: list[str] = []
    stack: list[tuple[str, int]] = []  # (family, offset of the opening mark), outermost first
    resumes = False

    def close(family: str, end: int, closed: bool = True, runs_on: bool = False) -> None:
        nonlocal resumes
        while len(stack) > 1 and stack[-1][0] != family:
            stack.pop()
        if len(stack) > 1:
            stack.pop()
            return
        spans.append(QuotedSpan(stack[0][1], end, closed, runs_on, resumes))
        stack.clear()
        resumes = runs_on

    for match in _MARKS.finditer(text):
        mark, i = match.group(), match.start()
        if mark == "\n":
            if stack and _paragraph_break(text, i):
                family, start = stack[0]
                following = _next_visible(text, i)
                runs_on = following < len(text) and _FAMILY_OPEN.get(text[following]) == family
                if not runs_on:
                    warnings.append(f"unclosed quotation mark at {start}: closed at {i}")
                del stack[1:]
                close(family, _trim_end(text, start, i), False, runs_on)
            continue
        after_mark = match.end()
        before = text[i - 1] if i else " "
        after = text[after_mark] if after_mark < len(text) else " "
        closes_word = not before.isspace() and (after.isspace() or not after.isalnum())
        opens_word = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        families = [f for f, _ in stack]
        top = families[-1] if families else None
        if mark in ('"', "''"):
            if top == "straight" or ("straight" in families and not opens_word):
                if top != "straight":
                    warnings.append(f"unclosed nested quotation before {i}")
                close("straight", after_mark)
            elif closes_word and not opens_word and top is not None:
                warnings.append(f"mismatched closing mark at {i}")  # “...", «..."
                close(top, after_mark)
            elif closes_word and not opens_word:
                warnings.append(f"stray closing mark at {i}: skipped")
            else:
                stack.append(("straight", i))
        elif mark in _FAMILY_OPEN:
            family = _FAMILY_OPEN[mark]
            if mark == "“" and top == "curly" and closes_word and not opens_word:
                warnings.append(f"opening mark used to close at {i}")
                close("curly", i + 1)
            else:
                stack.append((family, i))
        else:
            family = _FAMILY_CLOSE[mark]
            if family in families:
                if top != family:
                    warnings.append(f"unclosed nested quotation before {i}")
                close(family, after_mark)
            elif top is not None:
                warnings.append(f"mismatched closing mark at {i}")  # "...”
                close(top, after_mark)
            else:
                warnings.append(f"stray closing mark at {i}: skipped")
    if stack:
        warnings.append(f"unclosed quotation mark at {stack[0][1]}: closed at the end")
        del stack[1:]
        close(stack[0][0], _trim_end(text, stack[0][1], len(text)), False)
    spans += _single_quoted(text, spans)
    return QuotationScan(tuple(sorted(spans, key=lambda s: s.start)), tuple(warnings))


def _paragraph_break(text: str, i: int) -> bool:
    """A newline ends a paragraph unless it only wraps a long line inside a sentence."""
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip(" \t\r")
    following = text[i + 1 : i + 2]
    if len(before) < 50 or not following or following in "\n\r":
        return True
    return not (before[-1].isalnum() or before[-1] in ",;-") or not following.islower()


def _next_visible(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _single_quoted(text: str, spans: Sequence[QuotedSpan]) -> list[QuotedSpan]:
    found = []
    for match in _SINGLE.finditer(text):
        if not any(s.start <= match.start() < s.end for s in spans):
            found.append(QuotedSpan(match.start(), match.end()))
    return found
