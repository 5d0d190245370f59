"""What produced a database's findings: the versions each stage ran with."""

from __future__ import annotations

from rashomon.store.db import Store


def stage_versions(store: Store) -> dict[str, list[str]]:
    """Stage ('parse', 'entities') -> the distinct versions its articles were processed with
    (the model for parsing; a hash of extractor, dictionary, lexicon and model for
    extraction), most used first."""
    found: dict[str, list[str]] = {}
    for stage, version in store.conn.execute(
        "SELECT stage, version FROM article_stages GROUP BY stage, version"
        " ORDER BY stage, COUNT(*) DESC, version"
    ):
        found.setdefault(stage, []).append(version)
    return found
