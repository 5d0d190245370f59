"""Writing rows as files: CSV that spreadsheets open safely, JSON lines, Parquet.

A CSV cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is a formula to
Excel, LibreOffice and Google Sheets, and an article is untrusted text: "=HYPERLINK(...)" in a
quote must stay text. Such cells get a leading apostrophe, the convention spreadsheets show
as text (OWASP's advice for CSV injection); numbers are written as numbers, so "-5" stays a
number. Parquet goes through pyarrow, an optional extra (`pip install "rashomon[parquet]"`).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rashomon.errors import RashomonError

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def spreadsheet_safe(value: Any) -> Any:
    """A cell value a spreadsheet will not run: text starting like a formula is quoted with
    an apostrophe; numbers, None and other text are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    elif isinstance(value, float) and math.isnan(value):
        value = None
    return spreadsheet_safe(value)


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], path: Path) -> Path:
    """UTF-8 CSV with a header row (with a BOM, so that Excel reads the encoding right)."""
    with _opened(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
    return path


def write_json_lines(records: Iterable[Mapping[str, Any]], path: Path) -> Path:
    with _opened(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_parquet(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    path: Path,
    versions: Mapping[str, str],
) -> Path:
    pa, pq = _pyarrow()
    data = {c: [row.get(c) for row in rows] for c in columns}
    table = pa.table(data) if rows else pa.table({c: pa.array([], pa.null()) for c in columns})
    metadata = {f"rashomon.{k}".encode(): str(v).encode() for k, v in versions.items()}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    try:
        pq.write_table(table, str(path))
    except OSError as exc:
        raise RashomonError(f"cannot write {path}: {exc}") from exc
    return path


def write_tables(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    versions: Mapping[str, str],
    folder: Path,
    format: str,  # noqa: A002
) -> tuple[Path, ...]:
    """One file per table in `folder` (created), and `manifest.json` saying which versions
    of rashomon and its extractor wrote them, with each table's columns and row count."""
    from rashomon.report.export.tables import TABLES

    if format == "parquet":
        _pyarrow()  # say so before writing anything
    if folder.exists() and not folder.is_dir():
        raise RashomonError(f"{folder} is a file: a {format} export writes a folder of tables")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RashomonError(f"cannot create {folder}: {exc.strerror or exc}") from exc
    written = []
    for name, rows in tables.items():
        path = folder / f"{name}.{format}"
        if format == "csv":
            written.append(write_csv(rows, TABLES[name], path))
        elif format == "jsonl":
            written.append(write_json_lines(rows, path))
        else:
            written.append(write_parquet(rows, TABLES[name], path, versions))
    manifest = {
        **versions,
        "format": format,
        "tables": {
            name: {"file": f"{name}.{format}", "rows": len(rows), "columns": list(TABLES[name])}
            for name, rows in tables.items()
        },
        "lists": f"CSV cells holding lists join their items with {LIST_SEPARATOR!r}",
        "countries": "ISO 3166 alpha-3",
    }
    path = folder / "manifest.json"
    with _opened(path, "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=2)
    return (*written, path)


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RashomonError(
            'Parquet export needs pyarrow, an optional extra: pip install "rashomon[parquet]"'
            " (or use --format csv or jsonl)"
        ) from exc
    return pa, pq


def _opened(path: Path, mode: str, **options: Any) -> Any:
    try:
        return path.open(mode, **options)
    except OSError as exc:
        raise RashomonError(f"cannot write {path}: {exc.strerror or exc}") from exc
