"""What produced a database's findings (the versions each stage ran with), and the cached
parses read back without a model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rashomon.store.db import Store

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


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


def latest_docs(store: Store, article_ids: Sequence[str], vocab: Vocab) -> dict[str, Doc]:
    """Each article's most recent cached parse (whichever model made it), decoded into
    `vocab`: what a reader needs of sentences and entities, without loading a model."""
    from spacy.tokens import DocBin

    found = {}
    for article_id in article_ids:
        row = store.conn.execute(
            "SELECT doc FROM parsed_docs WHERE article_id = ? ORDER BY parsed_at DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        if row is not None:
            found[article_id] = next(iter(DocBin().from_bytes(bytes(row[0])).get_docs(vocab)))
    return found
