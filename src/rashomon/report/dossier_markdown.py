"""A story dossier as a standalone Markdown report for analysts.

The report is meant to be read both raw (in a terminal or a diff) and rendered (on a forge or
by pandoc), so article text is escaped only where it would change the rendering: a pipe or a
newline breaks a table row, and `<`, `[`, `*`, ... would turn a quoted sentence into markup or
raw HTML. Every statement keeps a numbered marker `[n]` pointing into the Sources list,
because a line without its evidence is worth nothing to a fact-checker.

The small helpers at the top (`source_numbers`, `date_label`, ...) are shared with the HTML
renderer so that both formats number sources and word dates the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rashomon.facts import DateWindow
from rashomon.report.cells import UNKNOWN_OUTLET
from rashomon.report.dossier_model import (
    Citation,
    Dispute,
    DisputeSide,
    Dossier,
    Figure,
    QuoteReport,
    SpeakerQuotes,
    TimelineEntry,
)

NONE_FOUND = "_None found._"
UNATTRIBUTED = "unattributed"  # the speaker name the dossier gives a quote nobody is named for
_DOUBLE_MARKS = '"“”„‟«»'
_SINGLE_MARKS = "'‘’‹›"
_KIND_LABELS = {"indirect": "reported speech", "statement": "statement, reported"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_SPACE = re.compile(r"\s+")


# --- helpers shared with the HTML renderer -------------------------------------------------


def source_numbers(dossier: Dossier) -> dict[str, int]:
    """Article id -> 1-based position in the Sources list (the number a citation shows); a
    copy of a listed article cites it by that article's number."""
    numbers: dict[str, int] = {}
    for n, source in enumerate(dossier.sources, start=1):
        numbers.setdefault(source.article_id, n)
    for n, source in enumerate(dossier.sources, start=1):
        for copy in source.copy_ids:
            numbers.setdefault(copy, n)
    return numbers


def cited_numbers(citations: Iterable[Citation], numbers: dict[str, int]) -> list[int | None]:
    """Distinct source numbers in ascending order; one `None` stands for any citation of an
    article missing from the Sources list, so such evidence is flagged rather than dropped."""
    found = {numbers.get(c.article_id) for c in citations}
    known = sorted(n for n in found if n is not None)
    return [*known, None] if None in found else known


def date_label(date: str | None, precision: str | None, end: str | None = None) -> str:
    """The date only as precise as the reports allow: "2016-10 (month)", "undated",
    "2016-07-28 – 2016-11-08 (estimated)"."""
    if precision == "estimate":
        if date and end:
            return f"{date} – {end} (estimated)"
        return f"from {date} (estimated)" if date else f"by {end} (estimated)" if end else "undated"
    if not date:
        return "undated"
    if precision == "year":
        return f"{date[:4]} (year)"
    if precision == "month":
        return f"{date[:7]} (month)"
    if precision == "week":
        return f"week of {date[:10]}"
    if precision == "before":
        return f"before {date}"
    if precision == "range" and end and end != date:
        return f"{date} – {end}"
    return date


def span_label(start: str | None, end: str | None, estimated: DateWindow | None = None) -> str:
    """The story's date span; a single day when both ends agree; for a story of undated
    articles, the window estimated from what they name, said to be one."""
    if not start and not end:
        if estimated is not None and (estimated.start or estimated.end):
            return date_label(estimated.start, "estimate", estimated.end)
        return "undated"
    if not start or not end or start == end:
        return start or end or "undated"
    return f"{start} – {end}"


def reports_label(reports: int, independent: int) -> str:
    """ "3 reports, 2 independent": repeats of one wire story are not corroboration."""
    noun = "report" if reports == 1 else "reports"
    return f"{reports} {noun}, {independent} independent"


def outlet_count(dossier: Dossier) -> int:
    """Distinct outlets among the sources and the outlets that ran copies of them."""
    outlets = {s.outlet for s in dossier.sources if s.outlet}
    outlets.update(copy for s in dossier.sources for copy in s.copies)
    return len(outlets)


def split_disputes(disputes: Sequence[Dispute]) -> tuple[list[Dispute], list[Dispute]]:
    """(contradictions, changes over time): an update is not a contradiction."""
    live = [d for d in disputes if d.status == "dispute"]
    return live, [d for d in disputes if d.status != "dispute"]


def claimant_label(claimant: str | None, outlet: str | None) -> str:
    """Who holds a position; the outlet stands in only when nobody is named."""
    return claimant or (f"{outlet} (outlet)" if outlet else "unattributed")


def direct_quote(text: str) -> str:
    """A speaker's words once in typographic marks: the marks the extractor kept around the
    content ('"The siege must end,"', '“it is Russia') are dropped first, with a comma that
    only led back into the sentence."""
    inner = text.strip().strip(_DOUBLE_MARKS + " ")
    if len(inner) > 1 and inner[0] in _SINGLE_MARKS and inner[-1] in _SINGLE_MARKS:
        inner = inner[1:-1].strip()
    return f"“{inner.rstrip(',;: ')}”"


def reported_speech(speaker: str, report: QuoteReport) -> str:
    """What a speaker said, as the outlet reported it: "Khoja said that ...", "According to
    the UN, ..."; no quotation marks, because these are not the speaker's words."""
    who = speaker if speaker != UNATTRIBUTED else "An unnamed source"
    text = report.text.strip()
    if text and text[-1] not in '.!?…"”’':
        text += "."
    cue = (report.cue or "said").strip()
    if cue.lower().startswith("according"):
        return f"According to {who}, {text}"
    return f"{who} {cue} {text}"


def kind_label(kind: str) -> str:
    """How a quote reached the page: the speaker's own words, or a report of them."""
    return "direct quote" if kind == "direct" else _KIND_LABELS.get(kind, "reported speech")


def carriers(reports: Sequence[QuoteReport]) -> list[tuple[str, list[QuoteReport]]]:
    """The outlets that carried a statement, each once with its reports (an article counts
    once however often it repeats the statement); an unknown outlet is named as such."""
    grouped: dict[str, list[QuoteReport]] = {}
    seen: set[str] = set()
    for report in reports:
        if report.article_id in seen:
            continue
        seen.add(report.article_id)
        grouped.setdefault(report.outlet or UNKNOWN_OUTLET, []).append(report)
    return list(grouped.items())


def quote_context(report: QuoteReport) -> str:
    """How an outlet framed a quote: its cue verb and any intermediary ("said; via TASS")."""
    parts = [
        f"“{report.cue}”" if report.cue else "",
        f"via {report.intermediary}" if report.intermediary else "",
    ]
    return ", ".join(p for p in parts if p)


# --- Markdown ---------------------------------------------------------------------------


def escape(text: str | None) -> str:
    """Article text on one line with markup characters neutralised (safe in table cells)."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _cite(article_id: str, numbers: dict[str, int]) -> str:
    return f"[{numbers[article_id]}]" if article_id in numbers else "[?]"


def _markers(citations: Iterable[Citation], numbers: dict[str, int]) -> str:
    return "".join(f"[{n}]" if n else "[?]" for n in cited_numbers(citations, numbers))


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell or "—" for cell in cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(header), "|" + "---|" * len(header), *(_row(r) for r in rows)]


def _summary(d: Dossier, numbers: dict[str, int]) -> list[str]:
    return [f"- {escape(s.text)} {_markers(s.citations, numbers)}".rstrip() for s in d.summary]


def _sources(d: Dossier) -> list[str]:
    rows = [
        [
            f"[{n}]",
            escape(s.outlet or UNKNOWN_OUTLET),
            escape(s.wire),
            escape(s.date),
            escape(s.title),
            escape(", ".join(s.copies)),
        ]
        for n, s in enumerate(d.sources, start=1)
    ]
    return _table(["#", "Outlet", "Wire", "Date", "Title", "Copies"], rows) if rows else []


def _actors(d: Dossier) -> list[str]:
    rows = [[escape(a.name), escape(a.kind), str(a.mentions), str(a.articles)] for a in d.actors]
    return _table(["Actor", "Kind", "Mentions", "Articles"], rows) if rows else []


def _timeline_line(e: TimelineEntry, numbers: dict[str, int]) -> str:
    parts = [
        f"**{escape(date_label(e.date, e.precision, e.date_end))}** — {escape(e.text)}",
        f"_{escape(e.factuality)}_",
    ]
    if e.outlets:
        parts.append(escape(", ".join(e.outlets)))
    parts.append(reports_label(e.reports, e.independent))
    return f"- {' · '.join(parts)} {_markers(e.citations, numbers)}".rstrip()


def _figures(
    figures: Sequence[Figure], numeric: Sequence[Dispute], numbers: dict[str, int]
) -> list[str]:
    rows = []
    for f in figures:
        title = escape(f.subject) + (" **(disputed)**" if f.disputed else "")
        for i, c in enumerate(f.claims):
            subject = title if i == 0 else "〃"  # ditto: same subject as the row above
            cells = [c.value, c.claimant, c.outlet or UNKNOWN_OUTLET, c.date]
            rows.append([subject, *map(escape, cells), _cite(c.article_id, numbers)])
    out = _table(["Subject", "Figure", "Claimant", "Via", "Date", "Source"], rows) if rows else []
    notes = [f"- {escape(d.subject)}: {escape(d.note)}" for d in numeric if d.note]
    return out + ([""] + notes if out and notes else notes)


def _side(side: DisputeSide, numbers: dict[str, int]) -> list[str]:
    cite = _cite(side.article_id, numbers)
    who = escape(claimant_label(side.claimant, side.outlet))
    via = f", via {escape(side.outlet)}" if side.outlet and side.claimant else ""
    head = (
        f"- **{escape(side.value_or_claim)}** — {who}{via}, {escape(side.date) or 'undated'} {cite}"
    )
    return [head, f"  > {escape(side.sentence)}"] if side.sentence else [head]


def _dispute(d: Dispute, numbers: dict[str, int]) -> list[str]:
    out = [f"### {escape(d.subject)} ({escape(d.kind)})", ""]
    if d.note:
        out += [escape(d.note), ""]
    for side in d.sides:
        out += _side(side, numbers)
    return out + [""]


def _disputes(d: Dossier, numbers: dict[str, int]) -> list[str]:
    live, changes = split_disputes(d.disputes)
    out = [line for x in live for line in _dispute(x, numbers)] or [NONE_FOUND, ""]
    out += ["### Changes over time, not contradictions", ""]
    if not changes:
        return out + [NONE_FOUND]
    for x in changes:
        steps = " → ".join(
            f"{escape(s.value_or_claim)} ({escape(s.date) or 'undated'})" for s in x.sides
        )
        note = f" — {escape(x.note)}" if x.note else ""
        out.append(f"- **{escape(x.subject)}**: {steps}{note}")
    return out


def _carrier(outlet: str, reports: Sequence[QuoteReport], numbers: dict[str, int]) -> str:
    contexts = "; ".join(dict.fromkeys(c for r in reports if (c := quote_context(r))))
    context = f" ({escape(contexts)})" if contexts else ""
    cites = "".join(dict.fromkeys(_cite(r.article_id, numbers) for r in reports))
    return f"{escape(outlet)}{context} {cites}"


def _quotes(speakers: Sequence[SpeakerQuotes], numbers: dict[str, int]) -> list[str]:
    out: list[str] = []
    for sp in speakers:
        out += [f"### {escape(sp.speaker)}", ""]
        for reports in (r for r in sp.statements if r):
            first = reports[0]
            carried = "; ".join(_carrier(o, rs, numbers) for o, rs in carriers(reports))
            credit = f"{kind_label(first.kind)}, carried by {carried}"
            if first.kind == "direct":
                out += [f"> {escape(direct_quote(first.text))}", ">", f"> — {credit}", ""]
            else:
                out += [f"{escape(reported_speech(sp.speaker, first))}", f"— _{credit}_", ""]
    return out


def render_markdown(dossier: Dossier) -> str:
    """The whole dossier as one Markdown document; empty sections say "None found." so a
    reader can tell "nothing there" from "section missing"."""
    d, numbers = dossier, source_numbers(dossier)
    live, _ = split_disputes(d.disputes)
    numeric = [x for x in live if x.kind == "numeric"]
    head = [
        f"# {escape(d.label) or 'Untitled story'}",
        "",
        f"**{escape(span_label(d.start, d.end, d.estimated))}** · {len(d.sources)} articles from "
        f"{outlet_count(d)} outlets · {len(live)} disputes",
    ]
    sections = [
        ("Summary", _summary(d, numbers)),
        ("Sources", _sources(d)),
        ("Key actors", _actors(d)),
        ("Timeline", [_timeline_line(e, numbers) for e in d.timeline]),
        ("Figures and disputed numbers", _figures(d.figures, numeric, numbers)),
        ("Contradictions", _disputes(d, numbers)),
        ("Quotes by speaker", _quotes(d.quotes, numbers)),
    ]
    lines = head
    for title, body in sections:
        lines += ["", f"## {title}", "", *(body or [NONE_FOUND])]
    lines += ["", "---", f"_Generated by {escape(d.generated_by)} for story {escape(d.story_id)}._"]
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"
