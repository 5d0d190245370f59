"""rashomon: many outlets' reports of a conflict, turned into one source-attributed record.

`rashomon.analyze(text)` reads one article without a database; `rashomon.open(path)` gives
a `Corpus` over a database (see `rashomon.api`, the library's one surface).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from rashomon.api import Analysis, Corpus, analyze, open

__all__ = ["Analysis", "Corpus", "__version__", "analyze", "open"]


def __getattr__(name: str) -> Any:
    """`rashomon.analyze`, `rashomon.open` ... load the API on first use, so that
    `import rashomon` (and the command line's start) stays cheap."""
    if name in ("Analysis", "Corpus", "analyze", "open"):
        from rashomon import api

        return getattr(api, name)
    raise AttributeError(f"module 'rashomon' has no attribute {name!r}")
