"""CSV, JSON and JSON Lines collections: one article per record, fields mapped by the user.

A bad record becomes an InputError naming the file and record, yielded in place of the
article, so one broken row never costs the rest of the file.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rashomon.article.dates import parse_date
from rashomon.errors import InputError
from rashomon.ingest.decode import decode_text
from rashomon.model import FoundIn, RawArticle
from rashomon.textsafe import clipped

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
_MAX_INT_DIGITS = 4_000  # Python refuses int() of more than 4,300 digits
_MAX_ID_CHARS = 100  # of a record's id in its source name


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
        """Article field -> record field, for the fields this collection has; a field named
        by --map that the collection lacks is a ValueError (a typo must not pass silently)."""
        lowered = {name.lower(): name for name in available}
        chosen: dict[str, str] = {}
        for target in FIELDS:
            if target in self.columns:
                column = self.columns[target]
                if column not in available:
                    shown = ", ".join(available[:20]) + (" ..." if len(available) > 20 else "")
                    raise ValueError(
                        f"--map {target}={column}: no field {column!r} (it has: {shown})"
                    )
                chosen[target] = column
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
    reader = csv.reader(_lines(text, keepends=True))
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
    keys: dict[str, None] = {}  # every field seen so far, in order
    for line_number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{source}#line{line_number}"
        try:
            record = _loads(where, line)
        except InputError as exc:
            yield exc
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSON Lines record must be an object")
            continue
        if columns is None or not keys.keys() >= record.keys():
            # records need not share fields: a date first seen on line 3 is still a date
            keys.update(dict.fromkeys(record))
            columns = _require_text_column(source, field_map, list(keys))
        yield _to_article(where, record, columns, field_map)


def _json_records(source: str, text: str, field_map: FieldMap) -> Iterator[RawArticle | InputError]:
    document = _loads(source, text)
    if isinstance(document, dict):
        listed = next((v for v in document.values() if isinstance(v, list)), None)
        records = listed if listed is not None and "text" not in document else [document]
    elif isinstance(document, list):
        records = document
    else:
        raise InputError(source, "JSON must be an object or an array of objects")
    if not records:
        raise InputError(source, "JSON holds no records")
    # the fields of all records: they need not share them (a date only some records carry)
    keys = {key: None for record in records if isinstance(record, dict) for key in record}
    columns = _require_text_column(source, field_map, list(keys)) if keys else {}
    for index, record in enumerate(records):
        where = f"{source}#{index}"
        if not isinstance(record, dict):
            yield InputError(where, "record is not a JSON object")
            continue
        yield _to_article(where, record, columns, field_map)


def _loads(where: str, text: str) -> object:
    """One JSON value; what Python's parser cannot hold is an InputError, not a crash."""
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply to read") from None


def _integer(digits: str) -> int | str:
    """An integer, or its digits when Python refuses to convert so many (over 4,300)."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


def _lines(text: str, keepends: bool = False) -> Iterator[str]:
    """The lines of `text`, one at a time: a record file can be large, and a copy of it
    (io.StringIO holds four bytes a character) would double what one input costs."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end] if keepends else text[start:end].rstrip("\n")
        start = end


def _require_text_column(source: str, field_map: FieldMap, available: list[str]) -> dict[str, str]:
    try:
        columns = field_map.resolve(available)
    except ValueError as exc:
        raise InputError(source, str(exc)) from None
    if "text" not in columns:
        wanted = field_map.columns.get("text") or " / ".join(_DEFAULT_COLUMNS["text"])
        raise InputError(
            source, f"no text field (looked for {wanted}; use --map text=FIELD to name it)"
        )
    return columns


def _to_article(
    where: str, record: Mapping[str, object], columns: Mapping[str, str], field_map: FieldMap
) -> RawArticle | InputError:
    try:
        values = {
            target: _cell(record.get(column), "\n\n" if target == "text" else ", ")
            for target, column in columns.items()
        }
    except ValueError as exc:
        field = next(t for t, c in columns.items() if _not_text(record.get(c)))
        return InputError(where, f"field {columns[field]!r} {exc}")
    body = values.get("text")
    if not body:
        return InputError(where, "empty text")
    record_id = values.get("id")
    source = where
    if record_id:
        source = f"{where.rpartition('#')[0]}#{clipped(record_id, _MAX_ID_CHARS)}"
    published = None
    if values.get("date"):
        published = parse_date(values["date"], found_in=FoundIn.RECORD, order=field_map.date_order)
        if published is None:
            return InputError(where, f"unreadable date {values['date']!r} (see --date-order)")
    outlet = values.get("outlet")
    # surrogatepass: a lone surrogate from "\\ud800" in the file still hashes (it is replaced
    # before storing); for every other record this is the plain UTF-8 of the JSON
    digest = hashlib.sha256(
        json.dumps(record, sort_keys=True, default=str, ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
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


def _cell(value: object, joiner: str) -> str | None:
    """A field's text: a string, a number, or a list of those joined (paragraphs of a text,
    names of authors). An object or a nested list is a ValueError, never its Python repr."""
    if value is None:
        return None
    if _not_text(value):
        raise ValueError("holds a JSON object or nested list, not text")
    if isinstance(value, list):
        return (
            joiner.join(str(v).strip() for v in value if v is not None and str(v).strip()) or None
        )
    text = str(value).strip()
    return text or None


def _not_text(value: object) -> bool:
    if isinstance(value, list):
        return any(isinstance(v, dict | list) for v in value)
    return isinstance(value, dict)
