"""Parsed Docs for stored articles: from the store's cache, else parsed and cached.

It reads and writes the store, so it lives in the pipeline layer; `rashomon.nlp` only
builds and runs spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.nlp import doc_from_bytes, doc_to_bytes, model_key, parse
from rashomon.settings import Settings
from rashomon.store import Store


def load_docs(
    store: Store, nlp: Language, article_ids: Iterable[str], settings: Settings
) -> dict[str, Doc]:
    """Docs for the given articles from the cache, parsing any that are missing (and caching
    them, unless the store is open read-only: reading never writes)."""
    key = model_key(nlp)
    docs: dict[str, Doc] = {}
    missing: list[tuple[str, str]] = []
    for article_id in article_ids:
        data = store.load_doc(article_id, key)
        if data is None:
            article, _ = store.get_article(article_id)
            missing.append((article_id, article.body))
        else:
            docs[article_id] = doc_from_bytes(nlp, data)
    for article_id, doc in parse(nlp, missing, settings):
        if not store.read_only:
            store.save_doc(article_id, key, doc_to_bytes(doc))
        docs[article_id] = doc
    return docs
