"""Reading stored findings as frozen records (`rashomon.facts`) for the cross-article half.

The cross-article steps reason over records, never rows: this module is where the rows of
`articles`, `events`, `numbers`, `quotes`, `mentions` and `date_mentions` become
`ArticleFacts`, and where the actors and places they point to become a `Gazette`. Articles
are read in bulk by id, so placing a batch costs one query per table, not one per article.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rashomon.facts import (
    ActorFact,
    Argument,
    ArticleFact,
    ArticleFacts,
    DateFact,
    DateWindow,
    EventFact,
    FigureFact,
    Gazette,
    MentionFact,
    NameSpan,
    PlaceFact,
    QuoteFact,
)
from rashomon.model import FormerAffiliation
from rashomon.store.db import Store

_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit
# A fact's sentence is cut from its article's body in Python: SQLite's substr() counts
# characters from the start of the text, so on a 1.2-million-character article every row
# cost a pass over the body (placement grew with the square of the article's length).
Bodies = Mapping[str, str]


def _bodies(conn: sqlite3.Connection, marks: str, ids: Sequence[str]) -> dict[str, str]:
    return dict(conn.execute(f"SELECT id, body FROM articles WHERE id IN ({marks})", ids))


def _sentence(r: sqlite3.Row, bodies: Bodies) -> str:
    return bodies.get(r["article_id"], "")[r["sentence_start"] : r["sentence_end"]]


def article_facts(store: Store, article_ids: Sequence[str]) -> list[ArticleFacts]:
    """The facts of each article, in the order of `article_ids` (unknown ids are skipped)."""
    wanted = list(dict.fromkeys(article_ids))
    infos = {a.id: a for a in read_articles(store, wanted)}
    bodies: dict[str, str] = {}
    parts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        bodies |= _bodies(store.conn, marks, chunk)
        for kind, reader in _READERS.items():
            for record in reader(store.conn, marks, chunk, bodies):
                parts[record.article_id][kind].append(record)
    return [
        ArticleFacts(
            article=infos[aid],
            body=bodies.get(aid, ""),
            events=tuple(parts[aid]["events"]),
            figures=tuple(parts[aid]["figures"]),
            quotes=tuple(parts[aid]["quotes"]),
            mentions=tuple(parts[aid]["mentions"]),
            dates=tuple(parts[aid]["dates"]),
        )  # fmt: skip
        for aid in wanted
        if aid in infos
    ]


def read_articles(store: Store, article_ids: Sequence[str] | None = None) -> list[ArticleFact]:
    """Article metadata as records (all articles when `article_ids` is None), with the
    estimated window of an undated article."""
    query = (
        "SELECT id, outlet, wire, published, published_precision, duplicate_of, title,"
        " dateline, url FROM articles"
    )
    rows: list[sqlite3.Row] = []
    if article_ids is None:
        rows = store.conn.execute(query + " ORDER BY rowid").fetchall()
    else:
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            rows += store.conn.execute(f"{query} WHERE id IN ({marks})", chunk).fetchall()
    windows = _windows(store, None if article_ids is None else [r["id"] for r in rows])
    return [
        ArticleFact(
            id=r["id"],
            outlet=r["outlet"],
            wire=r["wire"],
            published=r["published"],
            published_precision=r["published_precision"],
            duplicate_of=r["duplicate_of"],
            title=r["title"],
            dateline=r["dateline"],
            url=r["url"],
            window=windows.get(r["id"]),
        )  # fmt: skip
        for r in rows
    ]


def _windows(store: Store, article_ids: Sequence[str] | None) -> dict[str, DateWindow]:
    """Estimated windows of the given articles (of all, with None): only those asked for
    are read, so reading one article costs the same however many are stored."""
    query = "SELECT article_id, start, end, evidence FROM article_windows"
    if article_ids is None:
        rows = store.conn.execute(query).fetchall()
    else:
        rows = []
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            rows += store.conn.execute(f"{query} WHERE article_id IN ({marks})", chunk).fetchall()
    return {
        aid: DateWindow(start, end, tuple(json.loads(evidence)))
        for aid, start, end, evidence in rows
    }


def gazette(store: Store, name_spans: Iterable[NameSpan] = ()) -> Gazette:
    """Every stored actor and place by id; `name_spans` (from the actor dictionary) says
    when names were in use."""
    actors = {
        r["id"]: ActorFact(r["id"], r["name"], r["kind"], r["country"], r["sector"],
                           r["affiliation"], r["origin"],
                           tuple(FormerAffiliation(a, until)
                                 for a, until in json.loads(r["former_affiliations"])))
        for r in store.conn.execute(
            "SELECT id, name, kind, country, sector, affiliation, origin, former_affiliations"
            " FROM actors"
        )
    }  # fmt: skip
    places = {
        r["id"]: PlaceFact(r["id"], r["name"], r["lat"], r["lon"], r["precision"],
                           r["country"], r["parent_id"])
        for r in store.conn.execute(
            "SELECT id, name, lat, lon, precision, country, parent_id FROM places"
        )
    }  # fmt: skip
    return Gazette(actors, places, tuple(name_spans))


def figures_of(store: Store, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], FigureFact]:
    """Figure facts by (article id, start offset)."""
    wanted = set(keys)
    found: dict[tuple[str, int], FigureFact] = {}
    for chunk in _chunks(sorted({a for a, _ in wanted})):
        marks = ",".join("?" * len(chunk))
        for figure in _figures(store.conn, marks, chunk, _bodies(store.conn, marks, chunk)):
            if (figure.article_id, figure.start) in wanted:
                found[(figure.article_id, figure.start)] = figure
    return found


# -- one reader per table -------------------------------------------------------------------


def _events(
    conn: sqlite3.Connection, marks: str, ids: Sequence[str], bodies: Bodies
) -> list[EventFact]:
    # plain tuples, columns named in the query: a sqlite3.Row looked up by name costs more
    # than the rest of a row's conversion, and every article placed reads its events
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT t.id, t.article_id, t.start, t.end, t.trigger, t.type, t.mode, t.factuality,"
        " t.sentence_start, t.sentence_end, t.frame, t.place_id, t.place_from, t.date,"
        " t.date_precision, t.date_from"
        f" FROM events t WHERE t.article_id IN ({marks}) ORDER BY t.article_id, t.start",
        ids,
    ).fetchall()
    participants = _participants(cursor, [r[0] for r in rows])
    return [
        EventFact(
            article_id=article_id,
            start=start,
            end=end,
            trigger=trigger,
            type=type_,
            mode=mode,
            factuality=factuality,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            sentence=bodies.get(article_id, "")[sentence_start:sentence_end],
            frame=frame,
            sources=tuple(participants.get((event_id, "source"), ())),
            targets=tuple(participants.get((event_id, "target"), ())),
            place_id=place_id,
            place_from=place_from,
            date=date,
            date_precision=date_precision,
            date_from=date_from,
        )  # fmt: skip
        for (
            event_id,
            article_id,
            start,
            end,
            trigger,
            type_,
            mode,
            factuality,
            sentence_start,
            sentence_end,
            frame,
            place_id,
            place_from,
            date,
            date_precision,
            date_from,
        ) in rows  # fmt: skip
    ]


def _participants(
    cursor: sqlite3.Cursor, event_ids: list[int]
) -> dict[tuple[int, str], list[Argument]]:
    """(event id, role) -> its participants in written order, as `event_participants`
    reads them, made Arguments at once."""
    found: dict[tuple[int, str], list[Argument]] = defaultdict(list)
    for at in range(0, len(event_ids), _CHUNK):
        chunk = event_ids[at : at + _CHUNK]
        for event_id, role, start, end, text, actor_id in cursor.execute(
            "SELECT event_id, role, start, end, text, actor_id FROM event_actors"
            f" WHERE event_id IN ({','.join('?' * len(chunk))}) ORDER BY event_id, role, position",
            chunk,
        ):
            found[(event_id, role)].append(Argument(start, end, text, actor_id))
    return found


def _figures(
    conn: sqlite3.Connection, marks: str, ids: Sequence[str], bodies: Bodies
) -> list[FigureFact]:
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, as in `_events`
    rows = cursor.execute(
        "SELECT t.article_id, t.start, t.end, t.text, t.value, t.low, t.high, t.qualifier,"
        " t.sentence_start, t.sentence_end, t.what, t.unit, t.about_actor_id, t.place_id,"
        " t.time, t.claimant, t.claimant_actor_id, t.status, "
        + ", ".join(f"t.{k}" for k in _FIGURE_EXTRAS)
        + f" FROM numbers t WHERE t.article_id IN ({marks}) ORDER BY t.article_id, t.start",
        ids,
    )
    found = []
    for (
        article_id, start, end, text, value, low, high, qualifier, sentence_start,
        sentence_end, what, unit, about_actor_id, place_id, time, claimant,
        claimant_actor_id, status, *extras,
    ) in rows:  # fmt: skip
        extra = {k: v for k, v in zip(_FIGURE_EXTRAS, extras, strict=True) if v is not None}
        found.append(
            FigureFact(
                article_id=article_id,
                start=start,
                end=end,
                text=text,
                value=value,
                low=low,
                high=high,
                qualifier=qualifier,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                sentence=bodies.get(article_id, "")[sentence_start:sentence_end],
                what=what,
                unit=unit,
                about_actor_id=about_actor_id,
                place_id=place_id,
                time=time,
                claimant=claimant,
                claimant_actor_id=claimant_actor_id,
                status=status,
                **extra,
            )  # fmt: skip
        )
    return found


# Columns of `numbers` that describe a figure's measure, victims and scope (migration 7).
_FIGURE_EXTRAS = ("measure", "victims", "scope", "scope_since", "claimant_kind")


def _quotes(
    conn: sqlite3.Connection, marks: str, ids: Sequence[str], bodies: Bodies
) -> list[QuoteFact]:
    rows = conn.execute(
        f"SELECT t.* FROM quotes t WHERE t.article_id IN ({marks}) ORDER BY t.article_id, t.start",
        ids,
    )
    return [
        QuoteFact(
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            text=r["text"],
            kind=r["kind"],
            sentence_start=r["sentence_start"],
            sentence_end=r["sentence_end"],
            sentence=_sentence(r, bodies),
            cue=r["cue"],
            speaker=r["speaker"],
            speaker_actor_id=r["speaker_actor_id"],
            intermediary=r["intermediary"],
        )  # fmt: skip
        for r in rows
    ]


def _mentions(
    conn: sqlite3.Connection, marks: str, ids: Sequence[str], bodies: Bodies
) -> list[MentionFact]:
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, as in `_events`
    # not sites ("the hospital compound", extract/sites.py): each outlet names a building its
    # own way ("Ahli", "Ahil"), so no two articles' sites are one yet, and where a report is
    # set is read from the places the sites are in
    rows = cursor.execute(
        "SELECT article_id, start, end, text, kind, sentence_start, sentence_end, actor_id,"
        " place_id, method, field"
        f" FROM mentions WHERE article_id IN ({marks}) AND kind != 'site'"
        " ORDER BY article_id, field, start",
        ids,
    )
    return [
        MentionFact(
            article_id=article_id,
            start=start,
            end=end,
            text=text,
            kind=kind,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            actor_id=actor_id,
            place_id=place_id,
            method=method,
            field=field,
        )  # fmt: skip
        for (
            article_id,
            start,
            end,
            text,
            kind,
            sentence_start,
            sentence_end,
            actor_id,
            place_id,
            method,
            field,
        ) in rows  # fmt: skip
    ]


def _dates(
    conn: sqlite3.Connection, marks: str, ids: Sequence[str], bodies: Bodies
) -> list[DateFact]:
    rows = conn.execute(
        f"SELECT * FROM date_mentions WHERE article_id IN ({marks}) ORDER BY article_id, start",
        ids,
    )
    return [
        DateFact(
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            text=r["text"],
            value=r["value"],
            precision=r["precision"],
            relation=r["relation"],
            sentence_start=r["sentence_start"],
            sentence_end=r["sentence_end"],
        )  # fmt: skip
        for r in rows
    ]


_READERS = {
    "events": _events,
    "figures": _figures,
    "quotes": _quotes,
    "mentions": _mentions,
    "dates": _dates,
}


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for at in range(0, len(ids), _CHUNK):
        yield ids[at : at + _CHUNK]
