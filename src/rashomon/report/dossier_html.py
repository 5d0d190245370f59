"""A story dossier as one self-contained HTML5 page.

The page has to travel: analysts mail it, archive it and open it offline, sometimes in places
where fetching a font or a script from a CDN would leak that they are reading it. So the CSS
is inline, there are no external resources at all, and the one tiny script (opening every
`<details>` before printing) is optional: the page reads fully without JavaScript.

All article-derived text goes through `_e` (html.escape): reports of a conflict are hostile
input by nature, and a dossier must never execute what it quotes. Ids and classes are built
from positions and a fixed vocabulary, never from raw data, so they are stable for tests.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from rashomon.report.cells import UNKNOWN_OUTLET
from rashomon.report.dossier_markdown import (
    carriers,
    cited_numbers,
    claimant_label,
    date_label,
    direct_quote,
    kind_label,
    outlet_count,
    quote_context,
    reported_speech,
    reports_label,
    source_numbers,
    span_label,
    split_disputes,
)
from rashomon.report.dossier_model import (
    Citation,
    Dispute,
    DisputeSide,
    Dossier,
    Figure,
    SpeakerQuotes,
    TimelineEntry,
)
from rashomon.report.dossier_style import CSS, SCRIPT

SECTIONS = (
    ("summary", "Summary"),
    ("sources", "Sources"),
    ("actors", "Key actors"),
    ("timeline", "Timeline"),
    ("figures", "Figures"),
    ("disputes", "Disputes"),
    ("quotes", "Quotes"),
)
NONE_FOUND = '<p class="none">None found.</p>'
_FACTUALITY = {"asserted", "negated", "planned", "proposed", "demanded", "alleged",
               "hypothetical", "historical"}  # fmt: skip


def _e(text: object) -> str:
    """Escape anything that came from an article (or might have)."""
    return "" if text is None else html.escape(str(text), quote=True)


def _dash(text: str | None) -> str:
    """A table cell's text, or a muted dash so an empty cell reads as "not known"."""
    return _e(text) if text else '<span class="empty" title="not known">—</span>'


def _outlet(outlet: str | None) -> str:
    """An outlet's name, or the one wording every renderer uses for an unknown outlet."""
    return _e(outlet) if outlet else f'<span class="empty">{UNKNOWN_OUTLET}</span>'


def _cites(citations: Iterable[Citation], numbers: dict[str, int]) -> str:
    return "".join(_cite_mark(n) for n in cited_numbers(citations, numbers))


def _cite_mark(n: int | None) -> str:
    if n is None:
        return '<sup class="cite missing" title="cited article not in the source list">?</sup>'
    return f'<sup class="cite"><a href="#src-{n}">{n}</a></sup>'


def _cite_id(article_id: str, numbers: dict[str, int]) -> str:
    return _cite_mark(numbers.get(article_id))


def _chips(outlets: Iterable[str | None]) -> str:
    return "".join(f'<span class="chip">{_e(o)}</span>' for o in outlets if o)


def _table(head: Sequence[str], body: str, cls: str, numeric: Sequence[int] = ()) -> str:
    cols = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{_e(h)}</th>'
        for i, h in enumerate(head)
    )
    table = f'<table class="{cls}"><thead><tr>{cols}</tr></thead>{body}</table>'
    return f'<div class="scroll">{table}</div>'


def _summary(d: Dossier, numbers: dict[str, int]) -> str:
    items = "".join(f"<li>{_e(s.text)}{_cites(s.citations, numbers)}</li>" for s in d.summary)
    return f'<ol class="summary">{items}</ol>' if items else ""


def _sources(d: Dossier) -> str:
    rows = "".join(
        f'<tr id="src-{n}"><th scope="row" class="num">{n}</th><td>{_outlet(s.outlet)}</td>'
        f'<td>{_dash(s.wire)}</td><td class="date">{_dash(s.date)}</td><td>{_e(s.title)}</td>'
        f"<td>{_chips(s.copies)}</td></tr>"
        for n, s in enumerate(d.sources, start=1)
    )
    head = ("#", "Outlet", "Wire", "Date", "Title", "Copies")
    return _table(head, f"<tbody>{rows}</tbody>", "sources", (0,)) if rows else ""


def _actors(d: Dossier) -> str:
    rows = "".join(
        f'<tr><th scope="row">{_e(a.name)}</th><td><span class="kind">{_e(a.kind)}</span></td>'
        f'<td class="num">{a.mentions}</td><td class="num">{a.articles}</td></tr>'
        for a in d.actors
    )
    head = ("Actor", "Kind", "Mentions", "Articles")
    return _table(head, f"<tbody>{rows}</tbody>", "actors", (2, 3)) if rows else ""


def _evidence(citations: Sequence[Citation], numbers: dict[str, int]) -> str:
    if not citations:
        return ""
    items = "".join(
        f'<li><blockquote>{_e(c.sentence)}</blockquote><p class="meta">{_outlet(c.outlet)}'
        f"{' · ' + _e(c.date) if c.date else ''}{_cite_id(c.article_id, numbers)}</p></li>"
        for c in citations
    )
    head = f"<summary>Evidence ({len(citations)})</summary>"
    return f'<details>{head}<ul class="statements">{items}</ul></details>'


def _fact_class(factuality: str) -> str:
    word = factuality.lower()
    return f"fact-{word}" if word in _FACTUALITY else "fact-other"


def _event(e: TimelineEntry, numbers: dict[str, int]) -> str:
    label = date_label(e.date, e.precision, e.date_end)
    badge = (
        f'<time class="badge" datetime="{_e(e.date)}">{_e(label)}</time>'
        if e.date
        else '<span class="badge undated">undated</span>'
    )
    tag = f'<span class="tag {_fact_class(e.factuality)}">{_e(e.factuality)}</span>'
    return (
        f'<li class="event">{badge}{tag} <span class="kind">{_e(e.kind)}</span>'
        f'<p class="what">{_e(e.text)}{_cites(e.citations, numbers)}</p>'
        f'<p class="meta">{_chips(e.outlets)} {reports_label(e.reports, e.independent)}</p>'
        f"{_evidence(e.citations, numbers)}</li>"
    )


def _figure(f: Figure, numbers: dict[str, int]) -> str:
    rows = []
    for i, c in enumerate(f.claims):
        subject = ""
        if i == 0:
            flag = ' <span class="tag fact-negated">disputed</span>' if f.disputed else ""
            subject = f'<th scope="rowgroup" rowspan="{len(f.claims)}">{_e(f.subject)}{flag}</th>'
        rows.append(
            f"<tr>{subject}<td><strong>{_e(c.value)}</strong></td><td>{_dash(c.claimant)}</td>"
            f'<td>{_outlet(c.outlet)}</td><td class="date">{_dash(c.date)}</td>'
            f'<td class="ev">{_cite_id(c.article_id, numbers)}'
            f"<details><summary>evidence</summary><blockquote>{_e(c.sentence)}</blockquote>"
            f"</details></td></tr>"
        )
    return f'<tbody class="{"disputed" if f.disputed else "agreed"}">{"".join(rows)}</tbody>'


def _figures(d: Dossier, numbers: dict[str, int]) -> str:
    body = "".join(_figure(f, numbers) for f in d.figures if f.claims)
    head = ("Subject", "Figure", "Claimant", "Via outlet", "Date", "Source")
    return _table(head, body, "figures") if body else ""


def _side(s: DisputeSide, numbers: dict[str, int]) -> str:
    via = f' <span class="meta">via {_e(s.outlet)}</span>' if s.outlet and s.claimant else ""
    quote = f"<blockquote>{_e(s.sentence)}</blockquote>" if s.sentence else ""
    return (
        f'<div class="side"><p class="claim">{_e(s.value_or_claim)}</p>'
        f'<p class="who"><strong>{_e(claimant_label(s.claimant, s.outlet))}</strong>{via}</p>'
        f'<p class="meta">{_e(s.date or "undated")}{_cite_id(s.article_id, numbers)}</p>'
        f"{quote}</div>"
    )


def _dispute(n: int, d: Dispute, numbers: dict[str, int], cls: str) -> str:
    note = f'<p class="note">{_e(d.note)}</p>' if d.note else ""
    sides = "".join(_side(s, numbers) for s in d.sides)
    return (
        f'<article class="dispute {cls}" id="dispute-{n}"><span class="kind">{_e(d.kind)}</span>'
        f'<h3>{_e(d.subject)}</h3>{note}<div class="sides">{sides}</div></article>'
    )


def _disputes(d: Dossier, numbers: dict[str, int]) -> str:
    live, changes = split_disputes(d.disputes)
    out = "".join(_dispute(n, x, numbers, "live") for n, x in enumerate(live, 1)) or NONE_FOUND
    later = "".join(_dispute(n, x, numbers, "change") for n, x in enumerate(changes, len(live) + 1))
    return (
        f'{out}<div class="changes" id="changes"><h3>Changes over time, not contradictions</h3>'
        f"{later or NONE_FOUND}</div>"
    )


def _speaker(sp: SpeakerQuotes, numbers: dict[str, int]) -> str:
    items = []
    for reports in (r for r in sp.statements if r):
        first = reports[0]
        carried = "".join(
            f'<span class="chip">{_e(outlet)}'
            + "".join(dict.fromkeys(_cite_id(r.article_id, numbers) for r in rs))
            + "</span>"
            for outlet, rs in carriers(reports)
        )
        contexts = "; ".join(dict.fromkeys(c for r in reports if (c := quote_context(r))))
        cue = f' <span class="cue">{_e(contexts)}</span>' if contexts else ""
        said = (
            f'<blockquote class="direct">{_e(direct_quote(first.text))}</blockquote>'
            if first.kind == "direct"
            else f'<p class="reported">{_e(reported_speech(sp.speaker, first))}</p>'
        )
        items.append(
            f'<li>{said}<p class="meta"><span class="tag quote-kind">{_e(kind_label(first.kind))}'
            f"</span>{cue} · Carried by {carried}</p></li>"
        )
    statements = f'<ul class="statements">{"".join(items)}</ul>'
    return f'<article class="speaker"><h3>{_e(sp.speaker)}</h3>{statements}</article>'


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML5 document with inline CSS and no external resources."""
    d, numbers = dossier, source_numbers(dossier)
    live, _ = split_disputes(d.disputes)
    bodies = {
        "summary": _summary(d, numbers),
        "sources": _sources(d),
        "actors": _actors(d),
        "timeline": f'<ol class="timeline">{"".join(_event(e, numbers) for e in d.timeline)}</ol>'
        if d.timeline
        else "",
        "figures": _figures(d, numbers),
        "disputes": _disputes(d, numbers),
        "quotes": "".join(_speaker(s, numbers) for s in d.quotes),
    }
    counts = {"summary": len(d.summary), "sources": len(d.sources), "actors": len(d.actors),
              "timeline": len(d.timeline), "figures": len(d.figures), "disputes": len(live),
              "quotes": len(d.quotes)}  # fmt: skip
    toc = "".join(
        f'<li><a href="#{k}">{title} <span class="count">{counts[k]}</span></a></li>'
        for k, title in SECTIONS
    )
    sections = "".join(
        f'<section id="{k}" aria-labelledby="{k}-h"><h2 id="{k}-h">{title}</h2>'
        f"{bodies[k] or NONE_FOUND}</section>"
        for k, title in SECTIONS
    )
    stats = "".join(
        f"<li><strong>{n}</strong>{label}</li>"
        for n, label in ((len(d.sources), "articles"), (outlet_count(d), "outlets"),
                         (len(live), "disputes"), (len(d.timeline), "events"))
    )  # fmt: skip
    label = _e(d.label or "Untitled story")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{label} · dossier</title><style>{CSS}</style></head><body>"
        f'<header class="masthead"><p class="kicker">Story dossier</p><h1>{label}</h1>'
        f'<p class="span">{_e(span_label(d.start, d.end, d.estimated))}</p>'
        f'<ul class="stats">{stats}</ul></header><div class="layout">'
        f'<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{toc}</ol></nav>'
        f"<main>{sections}</main></div>"
        f"<footer>Generated by {_e(d.generated_by)} · story {_e(d.story_id)}</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
