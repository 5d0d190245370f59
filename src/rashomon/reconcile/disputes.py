"""A story's disputes: numeric disagreements, polarity conflicts and incompatible states.

Each comes with its sides (the value or claim, who holds it, the outlet that reported it,
the article, its date and the sentence) and a status: "dispute" when the accounts cannot
all be true at once, "superseded" when a later report changed the picture. A dispute's id
is a hash of what it is about and the evidence on its sides, so it stays the same as long
as the evidence does.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from rashomon.reconcile.contradictions import Contradiction, polarity_conflicts, state_conflicts
from rashomon.reconcile.facts import StoryFacts
from rashomon.reconcile.figures import AlignedFigure, align_figures, claim_date
from rashomon.reconcile.kinship import ActorRelations
from rashomon.report.dossier_model import Dispute, DisputeSide


def find_disputes(
    story_id: str, facts: StoryFacts, relations: ActorRelations, include_superseded: bool = True
) -> list[Dispute]:
    found = [_numeric(story_id, f, facts) for f in align_figures(facts) if f.status != "agreed"]
    found += [
        _contradiction(story_id, c, facts)
        for c in (*polarity_conflicts(facts, relations.related),
                  *state_conflicts(facts, relations.related))
    ]  # fmt: skip
    if not include_superseded:
        found = [d for d in found if d.status == "dispute"]
    return found


def _numeric(story_id: str, figure: AlignedFigure, facts: StoryFacts) -> Dispute:
    sides = []
    for index, position in enumerate(figure.positions):
        for claim in position:
            sides.append(
                DisputeSide(
                    value_or_claim=claim["text"], claimant=claim["claimant"],
                    claimant_actor_id=claim["claimant_actor_id"], outlet=claim["outlet"],
                    article_id=claim["article_id"], date=claim_date(claim, facts),
                    sentence=claim["sentence"], position=index,
                )
            )  # fmt: skip
    values = " vs ".join(
        " / ".join(dict.fromkeys(f"{c['text']} ({c['claimant'] or c['outlet']})" for c in p))
        for p in figure.positions
    )
    note = (
        "the figure changed between the reports: "
        if figure.status == "superseded"
        else "the figures do not overlap, whatever their qualifiers allow: "
    ) + values
    return Dispute(
        _id(story_id, "numeric", figure.subject, sides), story_id, "numeric", figure.subject,
        figure.status, tuple(sides), note,
    )  # fmt: skip


def _contradiction(story_id: str, found: Contradiction, facts: StoryFacts) -> Dispute:
    sides = tuple(
        _side(row, claim, facts, position) for position, (row, claim) in enumerate(found.sides)
    )
    if found.kind == "polarity":  # every report of the act against its denial
        sides = tuple(replace(s, position=0 if i < len(sides) - 1 else 1)
                      for i, s in enumerate(sides))  # fmt: skip
    return Dispute(
        _id(story_id, found.kind, found.subject, sides), story_id, found.kind, found.subject,
        found.status, sides, found.note,
    )  # fmt: skip


def _side(row: dict[str, Any], claim: str, facts: StoryFacts, position: int) -> DisputeSide:
    claimant = row.get("claimant")
    claimant_id = row.get("claimant_actor_id")
    if "source_actor_ids" in row:  # an event: who says so is the speaker quoted, if any
        quote = _quote_around(row, facts)
        if quote is not None:
            claimant, claimant_id = quote["speaker"], quote["speaker_actor_id"]
        else:
            claimant_id = row["source_actor_ids"][0] if row["source_actor_ids"] else None
            claimant = facts.name(claimant_id)
    date = row.get("date") if row.get("date_from") == "text" else facts.date_of(row["article_id"])
    return DisputeSide(
        value_or_claim=claim, claimant=claimant, claimant_actor_id=claimant_id,
        outlet=facts.outlet_of(row["article_id"]), article_id=row["article_id"], date=date,
        sentence=row["sentence"], position=position,
    )  # fmt: skip


def _quote_around(event: dict[str, Any], facts: StoryFacts) -> dict[str, Any] | None:
    for quote in facts.quotes:
        if (
            quote["article_id"] == event["article_id"]
            and quote["start"] <= event["start"] < quote["end"]
        ):
            return quote
    return None


def _id(story_id: str, kind: str, subject: str, sides: Any) -> str:
    evidence = sorted(f"{s.article_id}|{s.value_or_claim}" for s in sides)
    key = "\x00".join([story_id, kind, subject, *evidence])
    return "dispute:" + hashlib.sha256(key.encode()).hexdigest()[:12]
