"""Turn command-line inputs (files, folders, globs, "-") into articles of any format.

Every input that is not read is named once, with the reason: a folder walk reports what it
cannot enter (permissions, symbolic link loops) and what it leaves out (pictures, named
pipes), so nothing is skipped without a word. Every article that comes out is fit to store:
no lone surrogates, NULs or escape sequences, and no text too long to parse.
"""

from __future__ import annotations

import dataclasses
import errno
import glob
import os
import stat
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import InputError, InputSkipped
from rashomon.ingest.records import FieldMap, read_records
from rashomon.ingest.text import read_text
from rashomon.model import RawArticle
from rashomon.settings import DEFAULT_MAX_CHARS
from rashomon.textsafe import display_name, for_storage

FORMATS_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
FORMATS = ("txt", "html", "csv", "jsonl", "json")
STDIN = "-"
# Whole files held in memory at once: a record file is parsed from one string, and an HTML
# page becomes a tree several times its size, so each has a ceiling that keeps one input
# under about a gigabyte of memory; for HTML also under a minute of extraction (trafilatura
# takes about 3 s a megabyte of dense paragraphs).
MAX_FILE_BYTES = {"html": 8_000_000, "json": 64_000_000, None: 128_000_000}
_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True)
class InputFile:
    name: str  # what errors and `articles` call it: the path as given (printable), or "-"
    path: Path | None  # None for standard input
    fmt: str | None  # None: decide from the content


def expand_inputs(
    args: Sequence[str], fmt: str | None = None, exclude: Collection[str] = ()
) -> Iterator[InputFile | InputError]:
    """Files as given, folders recursively, globs, and "-"; an InputError (or InputSkipped)
    for each thing that is not read. Files in `exclude` (the database being written and its
    -wal, -shm and -journal files, found by `rashomon ingest .`) are passed over silently."""
    excluded = {os.path.realpath(p) for p in exclude}
    for item in _expand(args, fmt):
        if isinstance(item, InputFile) and item.path and os.path.realpath(item.path) in excluded:
            continue
        if isinstance(item, InputError) and _is_excluded(item.source, excluded):
            continue
        yield item


def database_files(db: str) -> tuple[str, ...]:
    """The database file and the files SQLite keeps beside it."""
    return (db, f"{db}-wal", f"{db}-shm", f"{db}-journal")


def _is_excluded(name: str, excluded: set[str]) -> bool:
    return os.path.realpath(name) in excluded if os.path.exists(name) else False


def _expand(args: Sequence[str], fmt: str | None) -> Iterator[InputFile | InputError]:
    for arg in args:
        if arg == STDIN:
            yield InputFile(STDIN, None, fmt)
            continue
        name = display_name(arg)
        try:
            info = os.stat(arg)
        except OSError as exc:
            if exc.errno == errno.ENOENT and glob.has_magic(arg):
                matches = sorted(glob.glob(arg, recursive=True))
                if not matches:
                    yield InputError(name, "no files match this pattern")
                yield from _expand(matches, fmt)
            else:
                yield InputError(name, _stat_problem(arg, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(Path(arg), fmt)
        else:  # a file, or a pipe named on purpose (`<(curl ...)`): read it
            path = Path(arg)
            yield InputFile(name, path, fmt or FORMATS_BY_SUFFIX.get(path.suffix.lower()))


def _walk(folder: Path, fmt: str | None) -> Iterator[InputFile | InputError]:
    """Every article file under `folder` in name order, following links to folders once."""
    found = 0
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            info = here.stat()
            if (info.st_dev, info.st_ino) in seen:
                yield InputSkipped(
                    display_name(here), "skipped: a link back to a folder already read"
                )
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(display_name(here), f"cannot read folder: {_reason(exc)}")
            if here == folder:
                return  # named once: that it holds no files follows
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are never articles
            item = _entry(Path(entry.path), fmt)
            if item == "folder":
                folders.append(Path(entry.path))
            elif item is not None:
                found += isinstance(item, InputFile)
                yield item
        pending.extend(reversed(folders))
    if found == 0:
        yield InputError(
            display_name(folder), "folder holds no .txt, .html, .csv, .json or .jsonl files"
        )


def _entry(path: Path, fmt: str | None) -> InputFile | InputError | str | None:
    name = display_name(path)
    try:
        info = path.stat()
    except OSError as exc:
        return InputError(name, _stat_problem(str(path), exc))
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    for test, kind in _FILE_KINDS:
        if test(info.st_mode):
            return InputSkipped(name, f"skipped: {kind}, not a file")
    suffix = path.suffix.lower()
    if fmt is None and suffix and suffix not in FORMATS_BY_SUFFIX:
        if len(suffix) > 6 or not suffix[1:].isalnum():
            suffix = ""  # "Aleppo. Day 3" has no suffix: sniff it like any extensionless file
        else:
            return InputSkipped(
                name, f"skipped: {suffix} is not an article format (.txt, .html, .csv, .json, "
                ".jsonl; --format reads any file as one of them)",
            )  # fmt: skip
    return InputFile(name, path, fmt or FORMATS_BY_SUFFIX.get(suffix))


def _stat_problem(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    return f"cannot read: {_reason(exc)}"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def sniff_format(data: bytes) -> str:
    """Guess a format from content, for stdin and files without a known suffix."""
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [ln for ln in data.strip().splitlines() if ln.strip()]
        return (
            "jsonl"
            if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines)
            else "json"
        )
    return "txt"


def read_input(
    item: InputFile,
    field_map: FieldMap,
    url: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[RawArticle | InputError]:
    """Every article in one input, with an InputError in place of each unreadable one."""
    try:
        data = _read(item)
    except InputError as exc:
        yield exc
        return
    fmt = item.fmt or sniff_format(data)
    try:
        limit = MAX_FILE_BYTES.get(fmt, MAX_FILE_BYTES[None])
        if len(data) > limit:
            raise InputError(item.name, f"{_size(len(data))} is over the {_size(limit)} limit "
                             f"for one {fmt} file; split it")  # fmt: skip
        if fmt == "txt" and len(data) > 4 * max_chars:
            # no encoding packs more than four bytes per character: the text cannot fit
            raise InputError(item.name, _too_long(len(data), max_chars, unit="bytes"))
        if fmt == "txt":
            found: Iterator[RawArticle | InputError] = iter([read_text(item.name, data)])
        elif fmt == "html":
            from rashomon.ingest.html import read_html  # trafilatura is slow to import

            found = iter([read_html(item.name, data, url=url)])
        else:
            found = read_records(item.name, data, fmt, field_map)
        del data
        for raw in found:
            yield raw if isinstance(raw, InputError) else _fit(raw, max_chars)
    except InputError as exc:
        yield exc
    except RecursionError:
        yield InputError(item.name, "nested too deeply to read")


def _read(item: InputFile) -> bytes:
    """The input's bytes; more than any article could need is refused unread."""
    ceiling = max(MAX_FILE_BYTES.values())
    try:
        if item.path is None:
            data = sys.stdin.buffer.read(ceiling + 1)
        else:
            with item.path.open("rb") as handle:
                data = handle.read(ceiling + 1)
    except OSError as exc:
        problem = "is a folder" if exc.errno == errno.EISDIR else f"cannot read: {_reason(exc)}"
        raise InputError(item.name, problem) from None
    if len(data) > ceiling:
        raise InputError(item.name, f"over the {_size(ceiling)} limit for one input; split it")
    return data


def _fit(raw: RawArticle, max_chars: int) -> RawArticle | InputError:
    """The article with every field fit to store, or an InputError when it is too long."""
    if len(raw.text) > max_chars:
        return InputError(raw.source, _too_long(len(raw.text), max_chars))
    # the source too: a record's id is part of it (file names are already made printable)
    changes = {
        f.name: for_storage(value)
        for f in dataclasses.fields(raw)
        if isinstance(value := getattr(raw, f.name), str)
    }
    changes["captions"] = tuple(for_storage(c) for c in raw.captions)  # type: ignore[assignment]
    fitted = dataclasses.replace(raw, **changes)  # type: ignore[arg-type]
    if not fitted.text.strip():
        return InputError(raw.source, "no text left after removing control characters")
    return fitted


def _too_long(size: int, max_chars: int, unit: str = "characters") -> str:
    return (
        f"text of {size:,} {unit} is over the limit of {max_chars:,} characters for one "
        "article (RASHOMON_MAX_CHARS); split it into articles"
    )


def _size(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB"
