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
_PROSE = ("title", "text", "sentence", "label", "trigger", "note", "subject", "name", "aliases",
          "outlets", "source", "speaker", "unit_or_what", "claimant")  # fmt: skip
_NUMERIC = ("value", "low", "high", "lat", "lon", "mentions", "articles", "reports", "words",
            "start", "end", "sides", "similarity")  # fmt: skip


def table(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str], width: int | None = None
) -> str:
    """`rows` as a table of `columns` (header: the column name with spaces)."""
    cells = [[cell(column, row.get(column)) for column in columns] for row in rows]
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for i, column in enumerate(columns):
        is_id = column == "id" or column.endswith("_id")
        longest = max((len(line[i]) for line in cells), default=0)
        grid.add_column(
            column.replace("_", " "), no_wrap=is_id, overflow="fold",
            justify="right" if column in _NUMERIC else "left",
            # short columns keep their width; prose columns give way when space is short
            min_width=None if column in _PROSE else min(longest, _SHORT_COLUMN),
        )  # fmt: skip
    for line in cells:
        grid.add_row(*line)
    out = io.StringIO()
    console = Console(file=out, width=width or terminal_width(), color_system=None,
                      force_terminal=False, highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(grid)
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").split("\n")) + "\n"


def terminal_width() -> int:
    """The terminal's width, or for piped output $COLUMNS or 120."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((_PIPED_WIDTH, 24)).columns
    try:
        return max(40, int(os.environ.get("COLUMNS", _PIPED_WIDTH)))
    except ValueError:
        return _PIPED_WIDTH
