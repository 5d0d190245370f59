"""Storage of incidents: one row per happening, one per report of it, one per actor a report
names (perpetrator, denier, target) with the claimant it names them on.

An incident's id never changes; adding a report rewrites the incident's summary row and adds
the report's rows, inside the caller's transaction (the article's own), so placement
commits as it goes. Candidates for a new report are found by day, so the lookup costs what
a few days of news cost, not what the whole corpus costs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from weakref import WeakKeyDictionary

from rashomon.facts import STANCE_FIELDS, Attribution, Incident, IncidentReport, TermCounts
from rashomon.store.db import Store

_ROLES = ("perpetrator", "denies", "target")


def save_incident(conn: sqlite3.Connection, incident: Incident, label: str) -> None:
    """Write the incident's row, every report not stored yet, and the reports that grew (an
    article's two reports that a merge showed to be of one happening become one)."""
    conn.execute(
        "INSERT INTO incidents (id, kind, type, mode, place_id, date_start, date_end,"
        " date_precision, story_id, label, reports, independent, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET kind=excluded.kind,"
        " type=excluded.type, mode=excluded.mode, place_id=excluded.place_id,"
        " date_start=excluded.date_start, date_end=excluded.date_end,"
        " date_precision=excluded.date_precision, story_id=excluded.story_id,"
        " label=excluded.label, reports=excluded.reports, independent=excluded.independent,"
        " updated_at=excluded.updated_at",
        (incident.id, incident.kind, incident.type, incident.mode, incident.place_id,
         incident.date_start, incident.date_end, incident.date_precision, incident.story_id,
         label, len(incident.reports), incident.independent, _now()),
    )  # fmt: skip
    stored = dict(
        conn.execute(
            "SELECT article_id, sentences FROM incident_reports WHERE incident_id = ?",
            (incident.id,),
        ).fetchall()
    )
    for report in incident.reports:
        if report.article_id not in stored:
            _insert_report(conn, incident.id, report)
        elif stored[report.article_id] != json.dumps(report.sentences):  # two became one
            conn.execute(
                "DELETE FROM incident_reports WHERE incident_id = ? AND article_id = ?",
                (incident.id, report.article_id),
            )
            _insert_report(conn, incident.id, report)


def _insert_report(conn: sqlite3.Connection, incident_id: str, report: IncidentReport) -> None:
    conn.execute(
        "INSERT INTO incident_reports (incident_id, article_id, outlet, chain, kind, lead,"
        " sentence_start, sentence_end, sentences, day_low, day_high, date_from, place_id,"
        " around, event_starts, figure_starts, figure_values, published, terms, doubts,"
        " sayings, said_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (incident_id, report.article_id, report.outlet, report.chain, report.kind,
         int(report.lead), report.sentence_start, report.sentence_end,
         json.dumps(report.sentences), report.day_low, report.day_high, report.date_from,
         report.place_id, int(report.around), json.dumps(report.event_starts),
         json.dumps(report.figure_starts),
         json.dumps(report.figure_values), report.published, " ".join(report.terms),
         _said(report.doubted_by), _sayings(report), int(report.said_day)),
    )  # fmt: skip
    rows = [
        (incident_id, report.article_id, role, a.actor_id, a.text, a.claimant,
         a.claimant_actor_id, a.start, a.end)
        for role, attributions in (("perpetrator", report.perpetrators),
                                   ("denies", report.denied_by))
        for a in attributions if a.actor_id
    ] + [
        (incident_id, report.article_id, "target", actor_id, actor_id, None, None, None, None)
        for actor_id in report.target_actor_ids
    ]  # fmt: skip
    conn.executemany(
        "INSERT INTO incident_actors (incident_id, article_id, role, actor_id, text, claimant,"
        " claimant_actor_id, start, end) VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )


def drop_reports(conn: sqlite3.Connection, incident_id: str, article_ids: Iterable[str]) -> None:
    """The articles' reports leave the incident (their actors go with them); the caller
    saves the incident as it now stands."""
    conn.executemany(
        "DELETE FROM incident_reports WHERE incident_id = ? AND article_id = ?",
        [(incident_id, a) for a in article_ids],
    )


def delete_incident(conn: sqlite3.Connection, incident_id: str) -> None:
    """An incident whose last report left it (see drop_reports) is gone."""
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))


def taken_ids(store: Store, ids: Iterable[str]) -> set[str]:
    """Those of the ids that name an incident, or once named one (an alias)."""
    wanted = list(ids)
    if not wanted:
        return set()
    marks = ",".join("?" * len(wanted))
    rows = store.conn.execute(
        f"SELECT id FROM incidents WHERE id IN ({marks})"
        f" UNION SELECT old_id FROM incident_aliases WHERE old_id IN ({marks})",
        (*wanted, *wanted),
    ).fetchall()
    return {r[0] for r in rows}


def retire_incidents(conn: sqlite3.Connection, old_ids: Iterable[str], into: str) -> None:
    """Incidents merged into `into`: their rows go (their reports are `into`'s now, saved
    with it), their ids stay as aliases of it, as do the aliases they had."""
    for old in old_ids:
        conn.execute("UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?",
                     (into, old))  # fmt: skip
        conn.execute("DELETE FROM incidents WHERE id = ?", (old,))
        conn.execute(
            "INSERT OR REPLACE INTO incident_aliases (old_id, incident_id, merged_at)"
            " VALUES (?, ?, ?)",
            (old, into, _now()),
        )


def set_story(conn: sqlite3.Connection, incident_id: str, story_id: str | None) -> None:
    conn.execute("UPDATE incidents SET story_id = ? WHERE id = ?", (story_id, incident_id))


def candidate_incidents(
    store: Store, low: str | None, high: str | None, back: int
) -> list[Incident]:
    """Incidents whose days may meet [low, high] (give a day of slack either side); with no
    low bound, every incident up to `high` within the `back` days before it."""
    return read_incidents(store, _candidate_ids(store, low, high, back))


def _candidate_ids(store: Store, low: str | None, high: str | None, back: int) -> list[str]:
    """Ids of `candidate_incidents`, in the order they were first reported (by the
    incidents_days index: the cost of a few days of news, not of the corpus). With no
    `low` (a passing mention of something before `high`), those of the `back` days before."""
    if high is None:
        return []
    unchanged = _unchanged(store)
    key = (low, high, back)
    if unchanged is not None and key in unchanged.ids:
        return list(unchanged.ids[key])
    if low is None:
        rows = store.conn.execute(
            "SELECT id FROM incidents WHERE date_end IS NOT NULL AND date_end <= date(?, '+1 day')"
            " AND date_end >= date(?, ?) ORDER BY rowid",
            (high, high, f"-{int(back)} days"),
        ).fetchall()
    else:
        rows = store.conn.execute(
            "SELECT id FROM incidents WHERE date_end >= date(?, '-1 day')"
            " AND COALESCE(date_start, date_end) <= date(?, '+1 day') ORDER BY rowid",
            (low, high),
        ).fetchall()
    ids = [r[0] for r in rows]
    if unchanged is not None:
        unchanged.ids[key] = ids
    return list(ids)


def _ids_at(store: Store, place_id: str, kind: str) -> list[str]:
    """Ids of the incidents of one kind set at one place, whenever, in the order they were
    first reported (by the incidents_place index)."""
    rows = store.conn.execute(
        "SELECT id FROM incidents WHERE place_id = ? AND kind = ? ORDER BY rowid",
        (place_id, kind),
    ).fetchall()
    return [r[0] for r in rows]


def _ids_with_target(store: Store, actor_id: str, most: int) -> list[str]:
    """Ids of the incidents a report of which names the actor as a target, whenever, in
    the order they were first reported (by the incident_actors_actor index); none when
    more than `most` do (an actor targeted that often is no one-time victim, and reading
    them all would grow with the corpus)."""
    rows = store.conn.execute(
        "SELECT DISTINCT i.id FROM incident_actors a JOIN incidents i ON i.id = a.incident_id"
        " WHERE a.actor_id = ? AND a.role = 'target' ORDER BY i.rowid LIMIT ?",
        (actor_id, most + 1),
    ).fetchall()
    return [r[0] for r in rows] if len(rows) <= most else []


class IncidentCache:
    """`candidate_incidents` for one placement run, each incident read from the store once
    and kept until placement writes it again (`forget`). The ids still come from the store
    each time (or from what was read while nothing changed it: see `_Unchanged`), so the
    candidates and their order are exactly the store's; only re-reading
    the same incidents and their reports, article after article, is saved. At most
    `size` incidents are kept: placement goes by date, so old ones stop being asked for."""

    def __init__(self, store: Store, size: int = 4096) -> None:
        self.store = store
        self.size = size
        self._kept: OrderedDict[str, Incident] = OrderedDict()

    def candidates(self, low: str | None, high: str | None, back: int) -> list[Incident]:
        return self._read(_candidate_ids(self.store, low, high, back))

    def at_place(self, place_id: str, kind: str) -> list[Incident]:
        """Every incident of the kind set at the place, whenever it happened (for a report
        that gives no day at all)."""
        return self._read(_ids_at(self.store, place_id, kind))

    def with_target(self, actor_id: str, most: int = 20) -> list[Incident]:
        """Every incident a report of which names the actor as its target, whenever (for a
        report of a named person's killing told months later); none when more than `most`
        do."""
        return self._read(_ids_with_target(self.store, actor_id, most))

    def _read(self, ids: list[str]) -> list[Incident]:
        missing = [i for i in ids if i not in self._kept]
        for incident in read_incidents(self.store, missing):
            self._kept[incident.id] = incident
        found = []
        for incident_id in ids:
            incident = self._kept.get(incident_id)
            if incident is not None:  # read above unless it vanished between the queries
                self._kept.move_to_end(incident_id)
                found.append(incident)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return found

    def forget(self, incident_ids: Iterable[str]) -> None:
        """Incidents written since they were read: read them again when next asked for."""
        for incident_id in incident_ids:
            self._kept.pop(incident_id, None)

    def clear(self) -> None:
        self._kept.clear()


def read_incidents(
    store: Store,
    ids: Sequence[str] | None = None,
    story_id: str | None = None,
    article_id: str | None = None,
) -> list[Incident]:
    """Incidents with their reports, in the order they were first reported."""
    where, args = ["1 = 1"], []  # type: ignore[var-annotated]
    if ids is not None:
        if not ids:
            return []
        where.append(f"i.id IN ({','.join('?' * len(ids))})")
        args += list(ids)
    if story_id is not None:
        where.append("i.story_id = ?")
        args.append(story_id)
    if article_id is not None:
        where.append("i.id IN (SELECT incident_id FROM incident_reports WHERE article_id = ?)")
        args.append(article_id)
    rows = store.conn.execute(
        "SELECT i.* FROM incidents i WHERE " + " AND ".join(where) + " ORDER BY i.rowid", args
    ).fetchall()
    if not rows:
        return []
    reports = _reports(store, [r["id"] for r in rows])
    return [
        Incident(
            id=r["id"],
            kind=r["kind"],
            type=r["type"],
            mode=r["mode"],
            place_id=r["place_id"],
            date_start=r["date_start"],
            date_end=r["date_end"],
            date_precision=r["date_precision"],
            reports=tuple(reports.get(r["id"], ())),
            label=r["label"],
            story_id=r["story_id"],
        )  # fmt: skip
        for r in rows
    ]


def _reports(store: Store, incident_ids: Sequence[str]) -> dict[str, list[IncidentReport]]:
    # plain tuples, columns named in the query: many rows are read, and a sqlite3.Row
    # looked up by name costs more than the rest of a row's conversion
    marks = ",".join("?" * len(incident_ids))
    cursor = store.conn.cursor()
    cursor.row_factory = None
    actors: dict[tuple[str, str], dict[str, list[Attribution]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in cursor.execute(
        "SELECT incident_id, article_id, role, actor_id, text, claimant, claimant_actor_id,"
        f" start, end FROM incident_actors WHERE incident_id IN ({marks}) ORDER BY rowid",
        incident_ids,
    ):  # Attribution's fields are the columns after role, in their order
        actors[(row[0], row[1])][row[2]].append(Attribution(*row[3:]))
    found: dict[str, list[IncidentReport]] = defaultdict(list)
    for (
        incident_id, article_id, outlet, chain, kind, lead, sentence_start, sentence_end,
        sentences, day_low, day_high, date_from, place_id, around, event_starts,
        figure_starts, figure_values, published, terms, doubts, sayings, said_day, sentence,
    ) in cursor.execute(
        "SELECT r.incident_id, r.article_id, r.outlet, r.chain, r.kind, r.lead,"
        " r.sentence_start, r.sentence_end, r.sentences, r.day_low, r.day_high, r.date_from,"
        " r.place_id, r.around, r.event_starts, r.figure_starts, r.figure_values,"
        " r.published, r.terms, r.doubts, r.sayings, r.said_day,"
        " substr(a.body, r.sentence_start + 1, r.sentence_end - r.sentence_start)"
        " FROM incident_reports r JOIN articles a ON a.id = r.article_id"
        f" WHERE r.incident_id IN ({marks}) ORDER BY r.rowid",
        incident_ids,
    ):  # fmt: skip
        named = actors[(incident_id, article_id)]
        found[incident_id].append(
            IncidentReport(
                article_id=article_id,
                outlet=outlet,
                chain=chain,
                kind=kind,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                sentence=sentence,
                day_low=day_low,
                day_high=day_high,
                date_from=date_from,
                said_day=bool(said_day),
                place_id=place_id,
                around=bool(around),
                lead=bool(lead),
                sentences=_pairs(sentences),
                event_starts=_flat(event_starts),
                figure_starts=_flat(figure_starts),
                figure_values=_pairs(figure_values),
                perpetrators=tuple(named["perpetrator"]),
                denied_by=tuple(named["denies"]),
                doubted_by=_doubters(doubts),
                **_stances(sayings),
                target_actor_ids=tuple(a.actor_id for a in named["target"] if a.actor_id),
                published=published,
                terms=tuple(terms.split()),
            )  # fmt: skip
        )
    return found


# A report is read again each time an incident it belongs to is: its JSON columns are
# decoded once, into tuples that the reports read share (they are immutable).
_DECODED_KEPT = 50_000
_PAIRS: dict[str, tuple[tuple[Any, ...], ...]] = {}
_FLAT: dict[str, tuple[Any, ...]] = {}


def _pairs(column: str) -> tuple[tuple[Any, ...], ...]:
    """A JSON list of lists as a tuple of tuples."""
    found = _PAIRS.get(column)
    if found is None:
        if len(_PAIRS) >= _DECODED_KEPT:
            _PAIRS.clear()
        found = _PAIRS[column] = tuple(tuple(v) for v in json.loads(column))
    return found


def _flat(column: str) -> tuple[Any, ...]:
    """A JSON list of numbers as a tuple."""
    found = _FLAT.get(column)
    if found is None:
        if len(_FLAT) >= _DECODED_KEPT:
            _FLAT.clear()
        found = _FLAT[column] = tuple(json.loads(column))
    return found


def incidents_of_articles(store: Store, article_ids: Iterable[str]) -> dict[str, list[str]]:
    """Article id -> ids of the incidents it reports."""
    found: dict[str, list[str]] = defaultdict(list)
    ids = list(article_ids)
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        for article_id, incident_id in store.conn.execute(
            "SELECT article_id, incident_id FROM incident_reports"
            f" WHERE article_id IN ({','.join('?' * len(chunk))}) ORDER BY rowid",
            chunk,
        ):
            found[article_id].append(incident_id)
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- how telling each report word is -----------------------------------------------------------

_ARTICLES = "#articles"  # the row counting articles whose reports were counted (not a word)


def term_counts(store: Store, terms: Iterable[str]) -> TermCounts:
    """How many placed articles' reports use each of `terms`, and how many were counted."""
    wanted = set(terms) | {_ARTICLES}
    known = _unchanged(store)
    if known is None:  # inside a transaction: read them all
        counts = _read_term_counts(store, wanted)
    else:
        unknown = [t for t in wanted if t not in known.counts and t not in known.missing]
        if unknown:
            found = _read_term_counts(store, unknown)
            known.counts.update(found)
            known.missing.update(t for t in unknown if t not in found)
        counts = {t: known.counts[t] for t in wanted if t in known.counts}
    documents = counts.pop(_ARTICLES, 0)
    return TermCounts(counts=counts, documents=documents)


def _read_term_counts(store: Store, terms: Iterable[str]) -> dict[str, int]:
    wanted = sorted(terms)
    counts: dict[str, int] = {}
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain (term, articles) tuples: sqlite3.Rows cost more
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        counts.update(cursor.execute(
            f"SELECT term, articles FROM report_terms WHERE term IN ({marks})", part
        ).fetchall())  # fmt: skip
    return counts


@dataclass
class _Unchanged:
    """What was read outside any transaction, good while the database stays as it was
    then: nothing written through this connection (its total_changes) nor committed by
    another (data_version). Once placement has placed a run's articles, it judges many
    incidents in turn, each against many of the same candidates and their words: word
    counts (and the words no report uses) and candidate ids by (low, high, back)."""

    version: tuple[int, int]
    counts: dict[str, int] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    ids: dict[tuple[str | None, str, int], list[str]] = field(default_factory=dict)


_UNCHANGED: WeakKeyDictionary[Store, _Unchanged] = WeakKeyDictionary()


def _unchanged(store: Store) -> _Unchanged | None:
    """What is known of the database as it is now (None inside a transaction, whose
    writes may yet be rolled back)."""
    conn = store.conn
    if conn.in_transaction:
        return None
    version = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    known = _UNCHANGED.get(store)
    if known is None or known.version != version:
        known = _UNCHANGED[store] = _Unchanged(version)
    return known


def count_terms(conn: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Count one more article whose reports use `terms` (inside the article's transaction)."""
    rows = [(t,) for t in sorted(set(terms) - {_ARTICLES})] + [(_ARTICLES,)]
    conn.executemany(
        "INSERT INTO report_terms (term, articles) VALUES (?, 1)"
        " ON CONFLICT(term) DO UPDATE SET articles = articles + 1",
        rows,
    )


def _said(attributions: tuple[Attribution, ...]) -> str:
    """Who doubts a report's doer, as the JSON of its `doubts` column."""
    return json.dumps([[a.text, a.claimant, a.claimant_actor_id, a.start, a.end]
                       for a in attributions])  # fmt: skip


def _doubters(column: str) -> tuple[Attribution, ...]:
    """The doubts `_said` stored (a doubt names no actor)."""
    if column == "[]":  # most reports: nobody doubts
        return ()
    return tuple(
        Attribution(None, text, claimant, claimant_id, start, end)
        for text, claimant, claimant_id, start, end in json.loads(column)
    )


def _sayings(report: IncidentReport) -> str:
    """What named sources say of the report's happening, as the JSON of `sayings`."""
    return json.dumps([
        [stance, a.text, a.claimant, a.claimant_actor_id, a.start, a.end]
        for stance, name in STANCE_FIELDS.items() for a in getattr(report, name)
    ])  # fmt: skip


def _stances(column: str) -> dict[str, tuple[Attribution, ...]]:
    """The report's fields `_sayings` stored (the speaker is the saying's actor)."""
    if column == "[]":  # most reports: no named source says anything of it
        return {name: () for name in STANCE_FIELDS.values()}
    found: dict[str, list[Attribution]] = {name: [] for name in STANCE_FIELDS.values()}
    for stance, text, claimant, claimant_id, start, end in json.loads(column):
        if stance in STANCE_FIELDS:
            found[STANCE_FIELDS[stance]].append(
                Attribution(claimant_id, text, claimant, claimant_id, start, end)
            )
    return {name: tuple(said) for name, said in found.items()}
