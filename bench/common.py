"""Plumbing shared by the benchmarks: where the shared data lives, options, tables, JSON.

Every benchmark prints a readable table and then the same numbers as one JSON object, so a
run can be read by a person and diffed by a script. `--json` leaves only the JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TextIO, TypeVar

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EVAL_DATA = SHARED / "eval-data"
FAKES_DEV_CSV = EVAL_DATA / "fa-kes" / "fa-kes-dev.csv"

T = TypeVar("T")

# FA-KES columns: unit_id, article_title, article_content, source, date (M/D/YYYY), ...
FAKES_FIELD_MAP: dict[str, str] = {
    "title": "article_title",
    "text": "article_content",
    "outlet": "source",
    "date": "date",
}


# -- options ------------------------------------------------------------------------------


def add_data_options(parser: argparse.ArgumentParser, default: Path) -> None:
    """--data PATH (file or folder, default `default`) and --json."""
    parser.add_argument(
        "--data",
        type=Path,
        default=default,
        metavar="PATH",
        help=f"file or folder that `rashomon ingest` accepts (default {display_path(default)})",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")


def add_map_option(parser: argparse.ArgumentParser) -> None:
    """Repeatable --map FIELD=COLUMN, as in `rashomon ingest`, over the FA-KES mapping."""
    default = " ".join(f"{k}={v}" for k, v in FAKES_FIELD_MAP.items())
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"record field for an article field; repeatable; overrides the default {default}",
    )


def field_map_pairs(data: Path, overrides: Sequence[str]) -> list[str]:
    """FA-KES mapping entries whose column every CSV under `data` has, then the overrides.

    rashomon's FieldMap does not fall back to common names when a mapped column is missing,
    so FA-KES entries are kept only where they fit; any other CSV still works unmapped.
    """
    headers = [_csv_header(path) for path in _csv_files(data)]
    pairs = [
        f"{target}={column}"
        for target, column in FAKES_FIELD_MAP.items()
        if headers and all(column in header for header in headers)
    ]
    return pairs + list(overrides)


def _csv_files(data: Path) -> list[Path]:
    if data.is_dir():
        return sorted(p for p in data.rglob("*") if p.is_file() and p.suffix.lower() == ".csv")
    return [data] if data.suffix.lower() == ".csv" else []


def _csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        return next(csv.reader(handle), [])


# -- tuning and checking halves -------------------------------------------------------------

HALVES = ("tuning", "checking")


def half_of(key: str) -> str:
    """'tuning' or 'checking' for a document (or incident) key, fixed by its SHA-256.

    Every accuracy bench splits its dev set once this way: rules and thresholds are tuned on
    the tuning half only, the checking half is reported as the result, and floors are pinned
    on it. The split depends on the key alone, so it is the same on every machine and run,
    and a new record never moves an old one to the other half.
    """
    import hashlib

    return HALVES[hashlib.sha256(key.encode("utf-8")).digest()[0] & 1]


def split_halves(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """Items in their two halves by `half_of(key(item))`, each in the order given."""
    found: dict[str, list[T]] = {half: [] for half in HALVES}
    for item in items:
        found[half_of(key(item))].append(item)
    return found


# -- environment and measurements ------------------------------------------------------


def display_path(path: Path) -> str:
    """Path relative to the repo when below its parent (as the docs write it), else as is."""
    try:
        return str(Path("..") / path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def versions(*packages: str) -> dict[str, str | None]:
    """Python and the named packages' installed versions (None when absent)."""
    found: dict[str, str | None] = {"python": platform.python_version()}
    for name in packages:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


# -- output ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One table column: the row key, its heading, and a format spec for its values."""

    key: str
    title: str = ""
    fmt: str = ""

    def heading(self) -> str:
        return self.title or self.key

    def cell(self, row: Mapping[str, object]) -> str:
        value = row.get(self.key)
        if value is None:
            return "-"
        return format(value, self.fmt) if self.fmt else str(value)


def print_table(
    rows: Sequence[Mapping[str, object]],
    columns: Iterable[Column | str],
    file: TextIO | None = None,
) -> None:
    """A plain aligned table: text columns left-aligned, numbers right-aligned."""
    cols = [c if isinstance(c, Column) else Column(c) for c in columns]
    cells = [[c.cell(row) for c in cols] for row in rows]
    widths = [max([len(c.heading())] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    numeric = [
        all(isinstance(row.get(c.key), int | float) or row.get(c.key) is None for row in rows)
        for c in cols
    ]

    def line(values: Sequence[str]) -> str:
        parts = (
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        )
        return "  ".join(parts).rstrip()

    out = file or sys.stdout
    print(line([c.heading() for c in cols]), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for row_cells in cells:
        print(line(row_cells), file=out)


def print_facts(facts: Mapping[str, object], file: TextIO | None = None) -> None:
    """`key: value` lines, keys aligned, for the settings a table was measured under."""
    out = file or sys.stdout
    width = max((len(k) for k in facts), default=0)
    for key, value in facts.items():
        print(f"{key.ljust(width)}  {value}", file=out)


def to_json(result: Mapping[str, object]) -> str:
    """One line, keys in the order given, so runs diff line by line after `jq -S`."""
    return json.dumps(result, ensure_ascii=False, default=str)


def emit(
    result: Mapping[str, object], as_json: bool, show: Callable[[], None] | None = None
) -> None:
    """Print `result`: only its JSON when `as_json`, else `show()` (the table) then the JSON.

    The JSON is always the last line of standard output, so `tail -1` finds it.
    """
    if not as_json and show is not None:
        show()
        print()
    print(to_json(result))


def round_floats(value: object, digits: int = 3) -> object:
    """Floats rounded throughout nested dicts and lists, so JSON diffs show real changes."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: round_floats(v, digits) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [round_floats(v, digits) for v in value]
    return value


def timed(items: Iterable[object]) -> Iterator[tuple[object, float]]:
    """Each item of a lazy iterable (nlp.pipe) with the seconds it took to produce it."""
    iterator = iter(items)
    while True:
        began = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            return
        yield item, time.perf_counter() - began


def run_main(
    name: str,
    argv: Sequence[str] | None,
    parse_args: Callable[[Sequence[str] | None], argparse.Namespace],
    measure: Callable[[argparse.Namespace], object],
    show: Callable[..., None],
) -> int:
    """Every bench script's main: measure, round the floats, print the table (or only the
    JSON with --json). A RashomonError (missing or malformed data) is one line on stderr and
    exit code 2. `measure` returns the result, or a tuple of it and extras `show` needs;
    `show` is called as show(result, args, *extras)."""
    from rashomon.errors import RashomonError

    args = parse_args(argv)
    try:
        measured = measure(args)
    except RashomonError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    result, *extras = measured if isinstance(measured, tuple) else (measured,)
    result = round_floats(result)
    emit(result, args.json, lambda: show(result, args, *extras))
    return 0
