"""The per-article job's side of the store: its inputs read in bulk, its results written whole.

The job (parse, then extract: `rashomon.pipeline.work`) runs away from the store, in this
process, in worker processes or on other machines. What it needs of an article is read
here in one query per batch; what it returns for an article (its parse, for the cache, and
its findings) is written here in one transaction, so a crash keeps every article whole and
never a parse without the findings the run meant to store beside it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.model import PublicationDate
from rashomon.store.db import Store, published_of, write_doc
from rashomon.store.entities import ArticleEntities, write_entities

_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit


@dataclass(frozen=True)
class ArticleWork:
    """One article as the per-article job gets it: plain data, cheap to send to a worker."""

    article_id: str
    source: str  # the input it came from, to name it when it fails
    body: str
    published: PublicationDate | None
    captions: tuple[str, ...]
    doc: bytes | None  # its cached parse by the run's model, when there is one


def work_for(store: Store, article_ids: Sequence[str], model: str) -> list[ArticleWork]:
    """The job inputs of the given articles, in the order given (unknown ids are skipped)."""
    found: dict[str, ArticleWork] = {}
    for at in range(0, len(article_ids), _CHUNK):
        chunk = list(article_ids[at : at + _CHUNK])
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT a.id, a.source, a.body, a.published, a.published_precision,"
            " a.published_found_in, a.captions, p.doc FROM articles a"
            " LEFT JOIN parsed_docs p ON p.article_id = a.id AND p.model = ?"
            f" WHERE a.id IN ({marks})",
            (model, *chunk),
        )
        for r in rows:
            found[r["id"]] = ArticleWork(
                r["id"], r["source"], r["body"], published_of(r), tuple(json.loads(r["captions"])),
                bytes(r["doc"]) if r["doc"] is not None else None,
            )  # fmt: skip
    return [found[a] for a in article_ids if a in found]


def still_needing(store: Store, article_ids: Sequence[str], stage: str, version: str) -> list[str]:
    """Those of `article_ids` (in order) whose `stage` has not run with `version`: another
    process may have done some since the list of pending work was read."""
    done: set[str] = set()
    for at in range(0, len(article_ids), _CHUNK):
        chunk = list(article_ids[at : at + _CHUNK])
        marks = ",".join("?" * len(chunk))
        done.update(
            r[0]
            for r in store.conn.execute(
                "SELECT article_id FROM article_stages WHERE stage = ? AND version = ?"
                f" AND article_id IN ({marks})",
                (stage, version, *chunk),
            )
        )
    return [a for a in article_ids if a not in done]


def save_work(
    store: Store,
    article_id: str,
    model: str,
    doc: bytes | None,
    found: ArticleEntities | None,
) -> None:
    """One article's results in one transaction: its new parse (None: it was cached, or it
    could not be parsed) and its findings (None: extraction failed)."""
    if doc is None and found is None:
        return
    with store.transaction() as conn:
        if doc is not None:
            write_doc(conn, article_id, model, doc)
        if found is not None:
            write_entities(conn, found)
