"""Storage of what the cross-article half finds: aligned figures with their claims, and
disputes (and updates) with their sides.

Findings are derived: when an incident gains a report, or a story an article, its findings
are computed again and replace the old ones in one transaction. Ids are hashes of what a
finding is about and its evidence, so a finding that did not change keeps its id.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from rashomon.facts import AlignedFigure, Dispute, DisputeSide, FigureClaim
from rashomon.store.db import Store
from rashomon.store.facts import figures_of


def replace_findings(
    conn: sqlite3.Connection,
    figures: Sequence[AlignedFigure],
    disputes: Sequence[Dispute],
    incident_id: str | None = None,
    story_id: str | None = None,
) -> None:
    """Replace the findings of one incident, or the story-level findings of one story
    (those not about an incident), inside the caller's transaction."""
    if incident_id is not None:
        conn.execute("DELETE FROM figures WHERE incident_id = ?", (incident_id,))
        conn.execute("DELETE FROM disputes WHERE incident_id = ?", (incident_id,))
    elif story_id is not None:
        conn.execute("DELETE FROM figures WHERE story_id = ? AND incident_id IS NULL", (story_id,))
        conn.execute("DELETE FROM disputes WHERE story_id = ? AND incident_id IS NULL", (story_id,))
    for figure in figures:
        conn.execute(
            "INSERT OR REPLACE INTO figures (id, key, subject, measure, victims, scope, status,"
            " incident_id, story_id, place_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (figure.key, figure.key, figure.subject, figure.measure, figure.victims,
             figure.scope, figure.status, figure.incident_id,
             story_id if figure.incident_id is None else None, figure.place_id),
        )  # fmt: skip
        conn.executemany(
            "INSERT OR REPLACE INTO figure_claims (figure_id, article_id, start, end, position,"
            " date) VALUES (?,?,?,?,?,?)",
            [(figure.key, c.figure.article_id, c.figure.start, c.figure.end, c.position, c.date)
             for c in figure.claims],
        )  # fmt: skip
    for dispute in disputes:
        conn.execute(
            "INSERT OR REPLACE INTO disputes (id, story_id, incident_id, kind, measure, subject,"
            " status, note) VALUES (?,?,?,?,?,?,?,?)",
            (dispute.id, dispute.story_id, dispute.incident_id, dispute.kind, dispute.measure,
             dispute.subject, dispute.status, dispute.note),
        )  # fmt: skip
        conn.execute("DELETE FROM dispute_sides WHERE dispute_id = ?", (dispute.id,))
        conn.executemany(
            "INSERT INTO dispute_sides (dispute_id, position, article_id, value_or_claim,"
            " claimant, claimant_actor_id, outlet, date, sentence, start, end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(dispute.id, s.position, s.article_id, s.value_or_claim, s.claimant,
              s.claimant_actor_id, s.outlet, s.date, s.sentence, s.start, s.end)
             for s in dispute.sides],
        )  # fmt: skip


def read_disputes(
    store: Store,
    story_id: str | None = None,
    incident_id: str | None = None,
    include_updates: bool = False,
) -> list[Dispute]:
    """Disputes (and, with `include_updates`, updates over time), story by story."""
    rows = store.conn.execute(
        "SELECT d.* FROM disputes d LEFT JOIN stories s ON s.id = d.story_id"
        " WHERE (? IS NULL OR d.story_id = ?) AND (? IS NULL OR d.incident_id = ?)"
        " AND (? OR d.status = 'dispute') ORDER BY s.rowid, d.kind, d.subject, d.id",
        (story_id, story_id, incident_id, incident_id, int(include_updates)),
    ).fetchall()
    sides: dict[str, list[DisputeSide]] = defaultdict(list)
    ids = [r["id"] for r in rows]
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        for s in store.conn.execute(
            "SELECT * FROM dispute_sides WHERE dispute_id IN"
            f" ({','.join('?' * len(chunk))}) ORDER BY dispute_id, position, rowid",
            chunk,
        ):
            sides[s["dispute_id"]].append(
                DisputeSide(
                    value_or_claim=s["value_or_claim"],
                    claimant=s["claimant"],
                    claimant_actor_id=s["claimant_actor_id"],
                    outlet=s["outlet"],
                    article_id=s["article_id"],
                    date=s["date"],
                    sentence=s["sentence"],
                    position=s["position"],
                    start=s["start"],
                    end=s["end"],
                )  # fmt: skip
            )
    return [
        Dispute(
            id=r["id"],
            story_id=r["story_id"],
            kind=r["kind"],
            subject=r["subject"],
            status=r["status"],
            sides=tuple(sides[r["id"]]),
            note=r["note"],
            incident_id=r["incident_id"],
            measure=r["measure"],
        )  # fmt: skip
        for r in rows
    ]


def read_figures(store: Store, story_id: str | None = None) -> list[AlignedFigure]:
    """Aligned figures (one story's: its incidents' tolls and its other counts), disputed
    ones first, each claim with the figure fact it rests on."""
    rows = store.conn.execute(
        "SELECT f.* FROM figures f LEFT JOIN incidents i ON i.id = f.incident_id"
        " WHERE ? IS NULL OR f.story_id = ? OR i.story_id = ?"
        " ORDER BY f.status != 'dispute', f.subject, f.id",
        (story_id, story_id, story_id),
    ).fetchall()
    claims: dict[str, list[tuple[str, int, int, str | None]]] = defaultdict(list)
    for r in store.conn.execute(
        "SELECT c.* FROM figure_claims c JOIN figures f ON f.id = c.figure_id"
        " LEFT JOIN incidents i ON i.id = f.incident_id"
        " WHERE ? IS NULL OR f.story_id = ? OR i.story_id = ? ORDER BY c.position, c.rowid",
        (story_id, story_id, story_id),
    ):
        claims[r["figure_id"]].append((r["article_id"], r["start"], r["position"], r["date"]))
    keys = sorted({(a, s) for found in claims.values() for a, s, _, _ in found})
    facts = figures_of(store, keys)
    outlets = dict(store.conn.execute("SELECT id, outlet FROM articles").fetchall())
    return [
        AlignedFigure(
            key=r["key"],
            subject=r["subject"],
            measure=r["measure"],
            victims=r["victims"],
            scope=r["scope"],
            status=r["status"],
            incident_id=r["incident_id"],
            place_id=r["place_id"],
            claims=tuple(
                FigureClaim(facts[(a, s)], outlets.get(a), date, position)
                for a, s, position, date in claims[r["id"]]
                if (a, s) in facts
            ),
        )  # fmt: skip
        for r in rows
    ]
