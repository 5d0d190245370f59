"""Turn command-line inputs (files, folders, globs, "-") into articles of any format."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import InputError
from rashomon.ingest.records import FieldMap, read_records
from rashomon.ingest.text import read_text
from rashomon.model import RawArticle

FORMATS_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
FORMATS = ("txt", "html", "csv", "jsonl", "json")
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    name: str  # what errors and `articles` call it: the path as given, or "-"
    path: Path | None  # None for standard input
    fmt: str | None  # None: decide from the content


def expand_inputs(args: Sequence[str], fmt: str | None = None) -> Iterator[InputFile | InputError]:
    """Files as given, folders recursively (supported suffixes only), globs, and "-"."""
    for arg in args:
        if arg == STDIN:
            yield InputFile(STDIN, None, fmt)
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in FORMATS_BY_SUFFIX
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
            if not found:
                yield InputError(arg, "folder holds no .txt, .html, .csv, .json or .jsonl files")
            for p in found:
                yield InputFile(str(p), p, fmt or FORMATS_BY_SUFFIX[p.suffix.lower()])
        elif path.is_file():
            yield InputFile(arg, path, fmt or FORMATS_BY_SUFFIX.get(path.suffix.lower()))
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield InputError(arg, "no files match this pattern")
            yield from expand_inputs(matches, fmt)
        else:
            yield InputError(arg, "no such file or directory")


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
    item: InputFile, field_map: FieldMap, url: str | None = None
) -> Iterator[RawArticle | InputError]:
    """Every article in one input, with an InputError in place of each unreadable one."""
    try:
        data = sys.stdin.buffer.read() if item.path is None else item.path.read_bytes()
    except OSError as exc:
        yield InputError(item.name, f"cannot read: {exc.strerror or exc}")
        return
    fmt = item.fmt or sniff_format(data)
    try:
        if fmt == "txt":
            yield read_text(item.name, data)
        elif fmt == "html":
            from rashomon.ingest.html import read_html  # trafilatura is slow to import

            yield read_html(item.name, data, url=url)
        else:
            yield from read_records(item.name, data, fmt, field_map)
    except InputError as exc:
        yield exc
