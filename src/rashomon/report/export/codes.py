"""The code tables of other event-data formats (data/export_codes.yaml), read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def export_codes() -> dict[str, Any]:
    text = resources.files("rashomon.data").joinpath("export_codes.yaml").read_text("utf-8")
    return dict(yaml.safe_load(text))
