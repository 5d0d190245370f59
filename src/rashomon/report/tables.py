"""Tables for the terminal: as wide as the terminal, cells wrapped to fit, ids never broken.

rich does the layout (column widths, wrapping, alignment); we only choose the columns and
how each value reads (`cells.cell`). The output is plain text without colour, so it pastes
and pipes cleanly; piped output is laid out for `$COLUMNS` or 120 columns.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Console
from rich.table import Table

from rashomon.report.cells import cell

_PIPED_WIDTH = 120
_SHORT_COLUMN = 24
_PROSE_WORD = 14  # a prose column is at least its longest word wide, up to this
_GAP = 3  # columns apart, as rich's SIMPLE_HEAD box lays them out
_PROSE = ("title", "text", "sentence", "label", "trigger", "note", "subject", "name", "aliases",
          "outlets", "source", "speaker", "unit_or_what", "claimant")  # fmt: skip
_NUMERIC = ("value", "low", "high", "lat", "lon", "mentions", "articles", "reports", "words",
            "start", "end", "sides", "similarity")  # fmt: skip


def table(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str], width: int | None = None
) -> str:
    """`rows` as a table of `columns` (header: the column name with spaces). A column empty
    in every row is left out: on a narrow terminal its width is better spent on text."""
    width = width or terminal_width()
    cells = [[cell(column, row.get(column)) for column in columns] for row in rows]
    kept = [i for i in range(len(columns)) if not cells or any(line[i] for line in cells)]
    short = {i: _short_width(columns[i], [line[i] for line in cells]) for i in kept}
    whole = {i: max(short[i], _word_width(columns[i], [line[i] for line in cells])) for i in kept}
    # words whole (headers and cells) where they fit; where they cannot, the longest words
    # break first (every column's least width capped as high as fits): nothing is cropped
    ids = {i for i in kept if _is_id(columns[i])}  # never broken: their width is fixed
    room = width - _GAP * (len(kept) - 1) - sum(short[i] for i in ids)
    cap = max(whole.values(), default=0)
    while cap > 1 and sum(min(whole[i], cap) for i in kept if i not in ids) > room:
        cap -= 1
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for i in kept:
        column = columns[i]
        grid.add_column(
            column.replace("_", " "), no_wrap=i in ids,
            overflow="fold", justify="right" if column in _NUMERIC else "left",
            min_width=(short[i] if i in ids else min(whole[i], cap)) or None,
        )  # fmt: skip
    for line in cells:
        grid.add_row(*(line[i] for i in kept))
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False,
                      highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(grid)
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").split("\n")) + "\n"


def _is_id(column: str) -> bool:
    return column == "id" or column.endswith("_id")


def _short_width(column: str, values: Sequence[str]) -> int:
    """Short columns (ids, numbers, kinds) keep their width; prose columns give way."""
    if column in _PROSE:
        return 0
    return min(max(map(len, values), default=0), _SHORT_COLUMN)


def _word_width(column: str, values: Sequence[str]) -> int:
    """Wide enough that no word of the header or of a prose cell is broken (up to a cap)."""
    longest = max((_longest_word(v) for v in values), default=0) if column in _PROSE else 0
    return min(max(longest, _longest_word(column.replace("_", " "))), _PROSE_WORD)


def _longest_word(text: str) -> int:
    return max(map(len, text.split()), default=0)


def terminal_width() -> int:
    """The terminal's width, or for piped output $COLUMNS or 120."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((_PIPED_WIDTH, 24)).columns
    try:
        return max(40, int(os.environ.get("COLUMNS", _PIPED_WIDTH)))
    except ValueError:
        return _PIPED_WIDTH
