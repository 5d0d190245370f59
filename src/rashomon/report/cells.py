"""How one value reads in a table cell, the same in every table: no Python reprs
(`['AFP', 'BBC']`), no `250000.0`, no control characters, and one wording for what is not
known."""

from __future__ import annotations

from collections.abc import Mapping

from rashomon.textsafe import one_line

UNKNOWN_OUTLET = "unknown outlet"  # every renderer says this where an outlet is not known
_DEGREES = ("lat", "lon")
_SCORES = ("similarity",)
_OUTLETS = ("outlet",)


def cell(column: str, value: object) -> str:
    """`value` of `column` as one readable, terminal-safe line."""
    if value is None or value == "":
        return UNKNOWN_OUTLET if column in _OUTLETS else ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if column in _DEGREES:
            return f"{value:.4f}"
        if column in _SCORES:
            return f"{value:.2f}"
        return number(value)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(cell("", v) for v in value if v not in (None, ""))
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {cell(str(k), v)}" for k, v in value.items())
    return one_line(value)


def number(value: float) -> str:
    """250000.0 -> "250,000"; 2.50 -> "2.5"."""
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
