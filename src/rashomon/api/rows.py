"""The command line's stable JSON rows, read for it here so that the CLI only parses arguments,
makes one API call and formats what comes back.

`rashomon actors --json` and its siblings promise field names that do not change once
released ("add, don't rename"); those rows are plain dicts shaped by the store's listing
queries, and Python users get the typed records of `Corpus.events()` etc. instead. The
report is rendered here too, from the cached parses, without loading a spaCy model: a read
command must not spend seconds loading one.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rashomon.store import Store
from rashomon.store import entities as queries
from rashomon.store.events import list_events
from rashomon.store.meta import latest_docs
from rashomon.store.select import Selection

LISTINGS = ("actors", "places", "dates", "mentions", "quotes", "numbers", "events")

ARTICLE_FIELDS = (
    "id", "source", "title", "outlet", "outlet_found_in", "wire", "dateline", "published",
    "published_precision", "published_found_in", "words", "duplicate_of", "similarity",
    "published_rejected", "published_note",
)  # fmt: skip


def listing_rows(store: Store, name: str, selection: Selection) -> list[dict[str, Any]]:
    """The rows of one listing command, about the selected articles."""
    if name not in LISTINGS:
        raise ValueError(f"no listing {name!r}: one of {', '.join(LISTINGS)}")
    if name in ("actors", "places"):
        found: list[dict[str, Any]] = getattr(queries, f"list_{name}")(store, selection.article_ids)
        return found
    single = selection.article_ids and len(selection.article_ids) == 1
    one = next(iter(selection.article_ids)) if single else None  # type: ignore[arg-type]
    if name == "events":
        rows = list_events(store, one)
    elif name in ("dates", "mentions"):
        rows = getattr(queries, f"list_{name}")(store, one)
    else:
        rows = getattr(queries, f"list_{name}")(store)
    return [r for r in rows if selection.allows(r["article_id"])]


def article_row(summary: object) -> dict[str, Any]:
    values = dataclasses.asdict(summary)  # type: ignore[call-overload]
    return {name: values[name] for name in ARTICLE_FIELDS}


def article_record(store: Store, article_id: str) -> dict[str, Any]:
    """`rashomon article ID --json`: the article's metadata, captions, changes and body."""
    article, summary = store.get_article(article_id)
    return article_row(summary) | {
        "author": article.author,
        "url": article.url,
        "captions": list(article.captions),
        "changes": store.article_changes(article.id),
        "body": article.body,
    }


def report_text(store: Store, selection: Selection, limit: int | None = None) -> str:
    """`rashomon report`: a readable summary of each selected article, from its cached
    parse (decoded without a model) and its stored findings."""
    from spacy.vocab import Vocab

    from rashomon.report.terminal import full_report

    rows = [r for r in store.list_articles() if selection.allows(r.id)]
    rows = rows[:limit] if limit else rows
    docs = latest_docs(store, [r.id for r in rows], Vocab())
    entities = {row.id: queries.article_entity_summary(store, row.id) for row in rows}
    return full_report(rows, docs, entities)
