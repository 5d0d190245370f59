"""An article's clean text with its findings marked in place, as safe HTML.

Findings overlap (a quote holds mentions, a figure sits inside a quote), so the text is cut
at every span boundary and the marks are opened and closed as a stack: a span that ends while
a later-opened one is still open closes it and opens it again after, which keeps the markup
well nested. Every piece of article text goes through `escape`; attributes are escaped too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # actor, place, date, quote, figure, event
    title: str
    href: str | None = None  # a link (actor or place page)
    fact: str | None = None  # the id of the finding, for the facts list beside the text


def highlight(body: str, spans: Iterable[Span]) -> Markup:
    usable = [s for s in spans if 0 <= s.start < s.end <= len(body)]
    starting: dict[int, list[Span]] = defaultdict(list)
    for span in usable:
        starting[span.start].append(span)
    points = sorted({0, len(body)} | {s.start for s in usable} | {s.end for s in usable})
    out: list[str] = []
    stack: list[tuple[Span, str]] = []  # open spans and the tag each was opened as

    def push(span: Span) -> None:
        tag = "a" if span.href and not any(t == "a" for _, t in stack) else "mark"
        out.append(_open(span, tag))
        stack.append((span, tag))

    for i, pos in enumerate(points):
        if any(s.end <= pos for s, _ in stack):
            reopen = []
            while any(s.end <= pos for s, _ in stack):
                top, tag = stack.pop()
                out.append(f"</{tag}>")
                if top.end > pos:
                    reopen.append(top)
            for span in reversed(reopen):
                push(span)
        if pos in starting:
            out.append(f'<span class="at" id="at-{pos}"></span>')
            for span in sorted(starting[pos], key=lambda s: -s.end):
                push(span)
        if i + 1 < len(points):
            out.append(str(escape(body[pos : points[i + 1]])))
    while stack:
        out.append(f"</{stack.pop()[1]}>")
    return Markup("".join(out))


def _open(span: Span, tag: str) -> str:
    attributes = f'class="f f-{escape(span.kind)}" title="{escape(span.title)}"'
    if span.fact:
        attributes += f' data-fact="{escape(span.fact)}"'
    if tag == "a" and span.href:
        attributes += f' href="{escape(span.href)}"'
    return f"<{tag} {attributes}>"
