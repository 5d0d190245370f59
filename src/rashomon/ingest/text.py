"""Plain-text articles: the first non-empty line is the title (after any masthead)."""

from __future__ import annotations

from rashomon.ingest.decode import decode_text
from rashomon.model import RawArticle


def read_text(source: str, data: bytes) -> RawArticle:
    # The title stays inside `text` so that offsets cover the whole file; cleaning finds it.
    return RawArticle(source=source, text=decode_text(source, data))
