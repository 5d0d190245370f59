"""A database other tools can read: foreign keys for every reference, events' actors in a link
table, one country-code standard, views that join names; opened by sqlite-utils and datasette.
And migration 12, which brings an older database there."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest

from rashomon.store import Store
from rashomon.store.db import _statements
from rashomon.store.schema import MIGRATIONS

VIEWS = ("event_view", "figure_view", "dispute_view")


def _read_only(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


@pytest.mark.slow
def test_every_reference_is_a_foreign_key_that_holds(seeds_db):
    conn = _read_only(seeds_db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    references = {
        (table, row["from"]): row["table"]
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for row in conn.execute(f"PRAGMA foreign_key_list({table})")
    }
    for column, parent in {
        ("actors", "affiliation"): "actors", ("places", "parent_id"): "places",
        ("quotes", "speaker_actor_id"): "actors", ("numbers", "claimant_actor_id"): "actors",
        ("numbers", "about_actor_id"): "actors", ("numbers", "place_id"): "places",
        ("events", "place_id"): "places", ("event_actors", "actor_id"): "actors",
        ("event_actors", "event_id"): "events", ("mentions", "actor_id"): "actors",
        ("incidents", "story_id"): "stories", ("story_articles", "article_id"): "articles",
    }.items():  # fmt: skip
        assert references.get(column) == parent, column
    events = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    assert not events & {"sources", "targets"}  # no JSON lists of actors
    assert conn.execute("SELECT COUNT(*) FROM actors WHERE affiliation IS NOT NULL").fetchone()[0]


@pytest.mark.slow
def test_one_country_code_standard(seeds_db):
    conn = _read_only(seeds_db)
    codes = {r[0] for r in conn.execute("SELECT country FROM actors UNION SELECT country FROM"
                                        " places") if r[0]}  # fmt: skip
    assert codes and all(len(c) == 3 and c.isupper() for c in codes)


@pytest.mark.slow
def test_views_join_names_and_have_rows_on_the_seeds(seeds_db):
    conn = _read_only(seeds_db)
    for view in VIEWS:
        assert conn.execute(f"SELECT COUNT(*) FROM {view}").fetchone()[0] > 0, view
    row = conn.execute(
        "SELECT * FROM event_view WHERE sources LIKE '%Russia%' AND place IS NOT NULL"
    ).fetchone()
    assert row is not None and row["lat"] is not None and row["sentence"]
    sides = conn.execute("SELECT COUNT(*) FROM dispute_sides").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM dispute_view").fetchone()[0] == sides
    claims = conn.execute("SELECT COUNT(*) FROM figure_claims").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM figure_view WHERE value IS NOT NULL"
                        ).fetchone()[0] == claims  # fmt: skip


@pytest.mark.slow
def test_sqlite_utils_opens_it(seeds_db):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(_read_only(seeds_db))
    assert set(VIEWS) <= set(db.view_names())
    for view in VIEWS:
        assert db[view].count > 0
    assert {fk.other_table for fk in db["events"].foreign_keys} == {"articles", "places"}
    assert {fk.other_table for fk in db["event_actors"].foreign_keys} == {"events", "actors"}


@pytest.mark.slow
def test_datasette_serves_every_view(seeds_db):
    datasette_app = pytest.importorskip("datasette.app")

    async def rows(view: str) -> list:
        ds = datasette_app.Datasette([seeds_db], immutables=[])
        name = next(iter(ds.databases.keys() - {"_internal"}))
        response = await ds.client.get(f"/{name}/{view}.json?_shape=array")
        assert response.status_code == 200, response.text
        return response.json()

    for view in VIEWS:
        assert asyncio.run(rows(view)), view


def _old_database(path: str) -> None:
    """A database as rashomon wrote it before migration 12, with findings in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")  # fmt: skip
    for migration in MIGRATIONS:
        if migration.version >= 12:
            continue
        for statement in _statements(migration.sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, ?, 'then')",
                     (migration.version, migration.name))  # fmt: skip
    conn.execute(
        "INSERT INTO articles (id, source, title, body, raw_text, offset_map, words,"
        " content_hash, ingested_at) VALUES ('a1', 'x.txt', 'T', 'Russia hit Aleppo.',"
        " 'Russia hit Aleppo.', '[]', 3, 'h', 'then')"
    )
    conn.executemany(
        "INSERT INTO actors (id, name, kind, country, affiliation, origin) VALUES (?,?,?,?,?,?)",
        [("russia", "Russia", "state", "RUS", None, "dictionary"),
         ("lavrov", "Sergei Lavrov", "person", "RUS", "russian-government", "dictionary")],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO places (id, name, lat, lon, precision, country, parent_id)"
        " VALUES (?,?,?,?,?,?,?)",
        [("geonames:163843", "Syria", 35.0, 38.0, "country", "SY", None),
         ("geonames:170063", "Aleppo", 36.2, 37.16, "city", "SY", "geonames:163843")],
    )  # fmt: skip
    sources = json.dumps([{"start": 0, "end": 6, "text": "Russia", "actor_id": "russia"}])
    targets = json.dumps([{"start": 11, "end": 17, "text": "Aleppo", "actor_id": None},
                          {"start": 0, "end": 1, "text": "x", "actor_id": "gone"}])  # fmt: skip
    conn.execute(
        "INSERT INTO events (article_id, start, end, trigger, type, factuality, sources,"
        " targets, place_id, sentence_start, sentence_end) VALUES ('a1', 7, 10, 'hit',"
        " 'ASSAULT', 'asserted', ?, ?, 'geonames:170063', 0, 18)",
        (sources, targets),
    )
    conn.execute(
        "INSERT INTO quotes (article_id, start, end, text, kind, speaker_actor_id,"
        " sentence_start, sentence_end) VALUES ('a1', 0, 5, 'q', 'direct', 'lavrov', 0, 18)"
    )
    conn.close()


def test_migration_12_upgrades_an_older_database(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path)
    with Store(path) as store:
        conn = store.conn
        assert 12 in {v for v, _ in store.applied_migrations()}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        participants = conn.execute(
            "SELECT role, position, text, actor_id FROM event_actors ORDER BY role, position"
        ).fetchall()
        assert [tuple(r) for r in participants] == [
            ("source", 0, "Russia", "russia"),
            ("target", 0, "Aleppo", None),
            ("target", 1, "x", None),  # an actor no row has: the reference is cleared
        ]
        assert dict(conn.execute("SELECT id, country FROM places").fetchall()) == {
            "geonames:163843": "SYR", "geonames:170063": "SYR"}  # fmt: skip
        assert conn.execute("SELECT affiliation FROM actors WHERE id = 'lavrov'"
                            ).fetchone()[0] is None  # fmt: skip
        assert conn.execute("SELECT speaker_actor_id FROM quotes").fetchone()[0] == "lavrov"
        event = conn.execute("SELECT * FROM event_view").fetchone()
        assert (event["sources"], event["targets"], event["place"]) == ("Russia", "Aleppo; x",
                                                                       "Aleppo")  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
            tx.execute("UPDATE quotes SET speaker_actor_id = 'nobody'")
