"""Plain text for the terminal: the per-article report (tables are `report.tables`)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from rashomon.model import ArticleSummary, EntitySummary
from rashomon.report.cells import UNKNOWN_OUTLET

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_WIDTH = 100


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent="  ", subsequent_indent="    ")


def _entity_lines(found: EntitySummary) -> list[str]:
    out: list[str] = []
    if found.actors:
        out += _wrapped("actors: " + ", ".join(f"{name} ×{n}" for name, n in found.actors))
    if found.places:
        out += _wrapped(
            "places: "
            + ", ".join(f"{name} ×{n} ({lat:.2f}, {lon:.2f})" for name, n, lat, lon in found.places)
        )
    if found.quotes:
        out += _wrapped("quotes by speaker: " + ", ".join(f"{w} ×{n}" for w, n in found.quotes))
    if found.numbers:
        out += _wrapped(
            "numbers: "
            + "; ".join(
                f"{text}{' ' + what if what and what not in text else ''} ({claimant})"
                for text, what, claimant in found.numbers
            )
        )
    if found.events:
        out.append("  events:")
        for line in found.events:
            out += textwrap.wrap(line, _WIDTH, initial_indent="    - ", subsequent_indent="      ")
    if found.dates:
        out += _wrapped(
            "dates: "
            + "; ".join(
                f"{text} → {value} ({precision})" if value else f"{text} → unresolved"
                for text, value, precision in found.dates
            )
        )
    return out


def article_report(
    row: ArticleSummary, doc: Doc | None, entities: EntitySummary | None = None
) -> str:
    """A few lines that tell a reader what the article is and what it mentions."""
    facts = [
        (row.outlet or UNKNOWN_OUTLET)
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
        if entities is not None and (entities.actors or entities.places):
            out.extend(_entity_lines(entities))
        elif names:
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


def full_report(
    rows: Sequence[ArticleSummary],
    docs: Mapping[str, Doc],
    entities: Mapping[str, EntitySummary] | None = None,
) -> str:
    outlets = {row.outlet for row in rows if row.outlet}
    copies = sum(1 for row in rows if row.duplicate_of)
    dated = sum(1 for row in rows if row.published)
    head = (
        f"rashomon report: {len(rows)} articles from {len(outlets)} known outlets, "
        f"{copies} copies of other articles, {dated} dated, {len(docs)} parsed"
    )
    parts = [head, "=" * len(head)]
    found = entities or {}
    parts.extend(article_report(row, docs.get(row.id), found.get(row.id)) + "\n" for row in rows)
    return "\n".join(parts).rstrip() + "\n"


def _date(row: ArticleSummary) -> str:
    if not row.published:
        return ""
    return f"{row.published} ({row.published_precision}, {row.published_found_in})"
