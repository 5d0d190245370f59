"""Analysts' reviews (migration 15): written one at a time, read all at once.

Reviews are few (written by hand) and every read of findings applies them, so they are read
whole into a `ReviewBook`; the table has no foreign key into the findings it judges, which
are rebuilt with new ids (see `rashomon.facts.reviews`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from rashomon.facts.reviews import Review
from rashomon.store.db import Store


def add_review(store: Store, review: Review) -> Review:
    """Store `review` (its id and time are assigned here) and return it as stored."""
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO reviews (target, evidence, verdict, field, value, comment, record_id,"
            " label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (review.target, json.dumps(sorted(review.evidence)), review.verdict, review.field,
             review.value, review.comment, review.record_id, review.label, created),
        )  # fmt: skip
    return read_reviews(store, int(cursor.lastrowid or 0))[0]


def read_reviews(store: Store, review_id: int | None = None) -> list[Review]:
    """Every review, oldest first (or the one with `review_id`)."""
    query = (
        "SELECT id, target, evidence, verdict, field, value, comment, record_id, label,"
        " created_at FROM reviews"
    )
    rows = (
        store.conn.execute(query + " WHERE id = ?", (review_id,))
        if review_id is not None
        else store.conn.execute(query + " ORDER BY id")
    )
    return [
        Review(r["id"], r["target"], tuple(json.loads(r["evidence"])), r["verdict"], r["field"],
               r["value"], r["comment"], r["record_id"], r["label"], r["created_at"])
        for r in rows
    ]  # fmt: skip
