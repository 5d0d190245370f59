"""Exports: rashomon's records as files other tools load (pandas, R, QGIS, spreadsheets,
PLOVER/POLECAT and ACLED workflows).

Renderers only: `rashomon.api` reads the records into an `ExportBundle`, and these modules
turn it into rows and files. Formats:

- `csv`, `jsonl`, `parquet`: a folder of tables (see `tables.TABLES` for every column) and
  `manifest.json` (versions, tables, columns, row counts);
- `polecat`: one PLOVER-shaped JSON event per line, with the field names of the PLOVER
  specification;
- `acled`: one CSV row per incident, in ACLED's column names where a field maps.

Every export carries the rashomon and extractor versions: in the manifest, in each Parquet
file's metadata, in every PLOVER record's `coder` and `cite_info`, and in two ACLED columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.facts import AlignedFigure, ArticleFacts, Dispute, Gazette, Incident, Story
from rashomon.facts.reviews import Review
from rashomon.model import ArticleSummary

FORMATS = ("csv", "jsonl", "parquet", "polecat", "acled")
TABLE_FORMATS = ("csv", "jsonl", "parquet")


@dataclass(frozen=True)
class ExportBundle:
    """Everything an export writes, read once from a corpus (or one story of it)."""

    versions: Mapping[str, str]  # rashomon, extractor, schema ... : written with every export
    articles: Sequence[ArticleSummary]
    facts: Sequence[ArticleFacts]
    gazette: Gazette
    stories: Sequence[Story] = ()
    incidents: Sequence[Incident] = ()
    figures: Sequence[AlignedFigure] = ()
    disputes: Sequence[Dispute] = ()
    story_of: Mapping[str, str] = field(default_factory=dict)  # article id -> story id
    reviews: Sequence[Review] = ()  # analysts' reviews (rashomon.facts.reviews)


def write_export(bundle: ExportBundle, path: Path, format: str) -> tuple[Path, ...]:  # noqa: A002
    """Write `bundle` at `path` in `format`; the files written. Tables go into the folder
    `path` (created); `polecat` and `acled` write the one file `path`."""
    if format in TABLE_FORMATS:
        from rashomon.report.export.files import write_tables
        from rashomon.report.export.tables import table_rows

        return write_tables(table_rows(bundle), bundle.versions, path, format)
    if format == "polecat":
        from rashomon.report.export.files import write_json_lines
        from rashomon.report.export.plover import plover_records

        return (write_json_lines(plover_records(bundle), path),)
    if format == "acled":
        from rashomon.report.export.acled import ACLED_COLUMNS, acled_rows
        from rashomon.report.export.files import write_csv

        return (write_csv(acled_rows(bundle), ACLED_COLUMNS, path),)
    raise ValueError(f"unknown export format {format!r}: one of {', '.join(FORMATS)}")
