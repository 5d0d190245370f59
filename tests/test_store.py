import sqlite3

import pytest

from rashomon.errors import StoreError
from rashomon.fingerprints import Fingerprint
from rashomon.model import Article, OffsetMap
from rashomon.store import Store
from rashomon.store.schema import LATEST_VERSION, MIGRATIONS


def make_article(i: int = 1, body: str = "Body text.") -> Article:
    return Article(
        id=f"id{i}", source=f"f{i}.txt", title=f"T{i}", body=body, raw_text=f"T{i}\n\n{body}",
        offsets=OffsetMap(((0, 4, len(body)),)), content_hash=f"h{i}", captions=("cap",),
    )  # fmt: skip


def test_new_store_is_wal_with_all_migrations_recorded(tmp_path):
    with Store(tmp_path / "x.db") as store:
        assert store.journal_mode() == "wal"
        assert store.schema_version() == LATEST_VERSION
        assert store.applied_migrations() == [(m.version, m.name) for m in MIGRATIONS]
        assert store.integrity_check() == "ok"


def test_reopening_does_not_reapply_migrations(tmp_path):
    Store(tmp_path / "x.db").close()
    with Store(tmp_path / "x.db") as store:
        assert len(store.applied_migrations()) == len(MIGRATIONS)


def test_old_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # a database as the first release left it
        conn.executescript(MIGRATIONS[0].sql)
        conn.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        conn.execute("INSERT INTO schema_version VALUES (1, ?, 'then')", (MIGRATIONS[0].name,))
        conn.execute(
            "INSERT INTO articles (id, source, title, body, raw_text, offset_map, words,"
            " content_hash, ingested_at) VALUES ('id1', 'f', 'T', 'Body text.', 'T', '[]', 2, 'h', 'then')"
        )
    with Store(path) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.article_count() == 1
        assert store.unparsed("m") == [("id1", "Body text.")]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        store.conn.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer than this rashomon"):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(path)


def test_article_round_trip(tmp_path):
    with Store(tmp_path / "x.db") as store:
        store.add_article(make_article(), Fingerprint("h1", ("0:ab",), True), None, None)
        article, summary = store.get_article("id1")
        assert article == make_article()
        assert summary.captions == ("cap",) and not summary.parsed
        assert store.resolve_id("id") == "id1"


def test_failed_transaction_leaves_nothing(tmp_path):
    with Store(tmp_path / "x.db") as store:
        store.add_article(make_article(1), Fingerprint("h1", (), False), None, None)
        with pytest.raises(sqlite3.IntegrityError):
            store.add_article(make_article(1), Fingerprint("h1", ("0:x",), True), None, None)
        assert store.article_count() == 1
        assert store.copies_by_bands(["0:x"]) == []


def test_doc_cache(tmp_path):
    with Store(tmp_path / "x.db") as store:
        store.add_article(make_article(), Fingerprint("h1", (), False), None, None)
        assert store.load_doc("id1", "m") is None
        store.save_doc("id1", "m", b"bytes")
        assert store.load_doc("id1", "m") == b"bytes"
        assert store.unparsed("m") == [] and store.unparsed("other") == [("id1", "Body text.")]
