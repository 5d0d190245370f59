"""CSV, JSON and JSON Lines collections: one article per record, fields mapped by the user.

A bad record becomes an InputError naming the file and record, yielded in place of the
article, so one broken row never costs the rest of the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rashomon.article.dates import parse_date
from rashomon.errors import InputError
from rashomon.ingest.decode import decode_text
from rashomon.model import FoundIn, RawArticle

FIELDS = ("id", "title", "text", "outlet", "date", "url", "author")
_DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "unit_id"),
    "title": ("title", "headline", "article_title"),
    "text": ("text", "body", "content", "article_content", "article_text"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename"),
    "date": ("date", "published", "publication_date", "pubdate", "published_at"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "byline", "authors"),
}
csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds each article field; unmapped fields use common names."""

    columns: Mapping[str, str]
    date_order: str = "MDY"

    @classmethod
    def parse(cls, pairs: list[str], date_order: str = "MDY") -> FieldMap:
        """From `--map title=article_title` options; unknown targets are a usage error."""
        columns: dict[str, str] = {}
        for pair in pairs:
            target, sep, column = pair.partition("=")
            if not sep or not column or target not in FIELDS:
                fields = ", ".join(FIELDS)
                raise ValueError(
                    f"bad --map {pair!r}: expected FIELD=COLUMN, FIELD one of {fields}"
                )
            columns[target] = column
        return cls(columns, date_order)

    def resolve(self, available: list[str]) -> dict[str, str]:
        """Article field -> record field, for the fields this collection has."""
        lowered = {name.lower(): name for name in available}
        chosen: dict[str, str] = {}
        for target in FIELDS:
            if target in self.columns:
                if self.columns[target] in available:
                    chosen[target] = self.columns[target]
                continue
            for candidate in _DEFAULT_COLUMNS[target]:
                if candidate in lowered:
                    chosen[target] = lowered[candidate]
                    break
        return chosen


def read_records(
    source: str, data: bytes, fmt: str, field_map: FieldMap
) -> Iterator[RawArticle | InputError]:
    """Yield one RawArticle (or the InputError for that record) per record of the file."""
    text = decode_text(source, data)
    if fmt == "csv":
        yield from _csv_records(source, text, field_map)
    elif fmt == "jsonl":
        yield from _jsonl_records(source, text, field_map)
    elif fmt == "json":
        yield from _json_records(source, text, field_map)
    else:
        raise InputError(source, f"unknown record format {fmt!r}")


def _csv_records(source: str, text: str, field_map: FieldMap) -> Iterator[RawArticle | InputError]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(source, f"no CSV header row ({exc})") from exc
    columns = _require_text_column(source, field_map, header)
    width = len(header)
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(source, f"malformed CSV near line {reader.line_num}: {exc}") from exc
        row_number += 1
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}#row{row_number}"
        if len(row) != width:
            yield InputError(where, f"malformed CSV row: expected {width} fields, found {len(row)}")
            continue
        yield _to_article(where, dict(zip(header, row, strict=True)), columns, field_map)
    if row_number == 0:
        raise InputError(source, "CSV has a header but no records")


def _jsonl_records(
    source: str, text: str, field_map: FieldMap
) -> Iterator[RawArticle | InputError]:
    columns: dict[str, str] | None = None
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#line{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSON Lines record must be an object")
            continue
        if columns is None:
            columns = _require_text_column(source, field_map, list(record))
        yield _to_article(where, record, columns, field_map)


def _json_records(source: str, text: str, field_map: FieldMap) -> Iterator[RawArticle | InputError]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if isinstance(document, dict):
        listed = next((v for v in document.values() if isinstance(v, list)), None)
        records = listed if listed is not None and "text" not in document else [document]
    elif isinstance(document, list):
        records = document
    else:
        raise InputError(source, "JSON must be an object or an array of objects")
    if not records:
        raise InputError(source, "JSON holds no records")
    columns: dict[str, str] | None = None
    for index, record in enumerate(records):
        where = f"{source}#{index}"
        if not isinstance(record, dict):
            yield InputError(where, "record is not a JSON object")
            continue
        if columns is None:
            columns = _require_text_column(source, field_map, list(record))
        yield _to_article(where, record, columns, field_map)


def _require_text_column(source: str, field_map: FieldMap, available: list[str]) -> dict[str, str]:
    columns = field_map.resolve(available)
    if "text" not in columns:
        wanted = field_map.columns.get("text") or " / ".join(_DEFAULT_COLUMNS["text"])
        raise InputError(
            source, f"no text field (looked for {wanted}; use --map text=FIELD to name it)"
        )
    return columns


def _to_article(
    where: str, record: Mapping[str, object], columns: Mapping[str, str], field_map: FieldMap
) -> RawArticle | InputError:
    values = {target: _cell(record.get(column)) for target, column in columns.items()}
    body = values.get("text")
    if not body:
        return InputError(where, "empty text")
    source = f"{where.rpartition('#')[0]}#{values['id']}" if values.get("id") else where
    published = None
    if values.get("date"):
        published = parse_date(values["date"], found_in=FoundIn.RECORD, order=field_map.date_order)
        if published is None:
            return InputError(where, f"unreadable date {values['date']!r} (see --date-order)")
    outlet = values.get("outlet")
    digest = hashlib.sha256(
        json.dumps(record, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    return RawArticle(
        source=source,
        text=body,
        title=values.get("title") or "",
        outlet=outlet or None,
        outlet_found_in=FoundIn.RECORD if outlet else None,
        url=values.get("url") or None,
        author=values.get("author") or None,
        published=published,
        record_digest=digest,
    )


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    text = str(value).strip()
    return text or None
