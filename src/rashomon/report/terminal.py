"""Plain-text renderings for the terminal: the articles table and the per-article report."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from rashomon.model import ArticleSummary

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_WIDTH = 100


def articles_table(rows: Sequence[ArticleSummary]) -> str:
    header = ("id", "outlet", "wire", "dateline", "published", "words", "copy of", "title")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.id,
                row.outlet or "?",
                row.wire or "",
                row.dateline or "",
                _date(row),
                str(row.words),
                row.duplicate_of or "",
                _clip(row.title, 50),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
        + "  "
        + line[-1]
        for line in lines
    )


def article_report(row: ArticleSummary, doc: Doc | None) -> str:
    """A few lines that tell a reader what the article is and what it mentions."""
    facts = [
        f"outlet {row.outlet or 'unknown'}"
        + (f" (from {row.outlet_found_in})" if row.outlet_found_in else ""),
        f"wire {row.wire}" if row.wire else "",
        f"dateline {row.dateline}" if row.dateline else "",
        f"published {_date(row)}" if row.published else "undated",
        f"{row.words} words",
    ]
    out = [f"■ {row.title}", f"  {row.id} · " + " · ".join(f for f in facts if f)]
    out.append(f"  source: {row.source}")
    if row.duplicate_of:
        out.append(f"  copy of {row.duplicate_of} (similarity {row.similarity})")
    if row.captions:
        out.append(f"  captions kept apart: {len(row.captions)}")
    if doc is not None:
        lead = next(iter(doc.sents), None)
        if lead is not None:
            out.extend(
                textwrap.wrap(
                    f"lead: {lead.text.strip()}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
        names = Counter(ent.text for ent in doc.ents if ent.label_ in _NAME_LABELS)
        if names:
            listed = ", ".join(
                f"{name} ×{n}" if n > 1 else name for name, n in names.most_common(8)
            )
            out.extend(
                textwrap.wrap(
                    f"names (spaCy NER, unresolved): {listed}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
    return "\n".join(out)


def full_report(rows: Sequence[ArticleSummary], docs: Mapping[str, Doc]) -> str:
    outlets = {row.outlet for row in rows if row.outlet}
    copies = sum(1 for row in rows if row.duplicate_of)
    dated = sum(1 for row in rows if row.published)
    head = (
        f"rashomon report: {len(rows)} articles from {len(outlets)} known outlets, "
        f"{copies} copies of other articles, {dated} dated, {len(docs)} parsed"
    )
    parts = [head, "=" * len(head)]
    parts.extend(article_report(row, docs.get(row.id)) + "\n" for row in rows)
    return "\n".join(parts).rstrip() + "\n"


def _date(row: ArticleSummary) -> str:
    if not row.published:
        return ""
    return f"{row.published} ({row.published_precision}, {row.published_found_in})"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
