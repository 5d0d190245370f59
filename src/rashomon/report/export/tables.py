"""The export tables: one row per record, with ids, names and coordinates side by side.

Every reference is an id that a row of another table has (actor ids in `actors`, place ids in
`places`, article ids in `articles`, story ids in `stories`), and the names beside them save
the join. Lists (an event's several source actors) are lists here; the CSV writer joins them
with "; ", JSON lines and Parquet keep them as lists. Countries are ISO 3166 alpha-3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rashomon.facts import ActorFact, ArticleFact, Gazette, PlaceFact
from rashomon.facts.entries import (
    Participant,
    event_entries,
    figure_entries,
    mention_counts,
    quote_entries,
    referenced_actors,
    referenced_places,
)
from rashomon.facts.reviews import ReviewBook
from rashomon.report.export import ExportBundle

Row = dict[str, Any]

TABLES: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id", "source", "title", "outlet", "wire", "dateline", "published",
        "published_precision", "url", "author", "words", "duplicate_of", "story_id",
    ),
    "actors": (
        "actor_id", "name", "kind", "sector", "country", "affiliation", "origin", "mentions",
        "articles",
    ),
    "mentions": (
        "article_id", "field", "start", "end", "text", "kind", "actor_id", "place_id", "method",
        "sentence_start", "sentence_end",
    ),
    "places": (
        "place_id", "name", "lat", "lon", "precision", "country", "parent_id", "parent_name",
        "mentions", "articles",
    ),
    "quotes": (
        "article_id", "outlet", "published", "start", "end", "text", "kind", "cue", "speaker",
        "speaker_actor_id", "speaker_name", "intermediary", "sentence_start", "sentence_end",
        "sentence",
    ),
    "figures": (
        "article_id", "outlet", "published", "start", "end", "text", "value", "low", "high",
        "qualifier", "what", "unit", "measure", "victims", "scope", "scope_since", "time",
        "status", "claimant", "claimant_kind", "claimant_actor_id", "claimant_name",
        "about_actor_id", "about_name", "place_id", "place_name", "sentence_start",
        "sentence_end", "sentence",
    ),
    "events": (
        "event_id", "article_id", "outlet", "published", "type", "mode", "factuality", "frame",
        "trigger", "start", "end", "source_texts", "source_actor_ids", "source_names",
        "source_sectors", "source_countries", "target_texts", "target_actor_ids",
        "target_names", "target_sectors", "target_countries", "place_id", "place_name", "lat",
        "lon", "place_precision", "place_country", "place_from", "date", "date_precision",
        "date_from", "sentence_start", "sentence_end", "sentence",
    ),
    "stories": (
        "story_id", "label", "start", "end", "estimated_start", "estimated_end", "articles",
        "reports", "independent", "outlets",
    ),
    "incidents": (
        "incident_id", "story_id", "label", "kind", "type", "mode", "place_id", "place_name",
        "lat", "lon", "place_precision", "place_country", "date_start", "date_end",
        "date_precision", "reports", "independent", "outlets",
    ),
    "incident_reports": (
        "incident_id", "article_id", "outlet", "published", "chain", "kind", "lead", "day_low",
        "day_high", "date_from", "place_id", "place_name", "around", "perpetrator_ids",
        "perpetrator_names", "perpetrator_claimants", "denied_by_ids", "denied_by_names",
        "doer_unknown_claimants", "never_happened_claimants", "deliberate_claimants",
        "mistake_claimants", "target_ids", "target_names", "killed", "injured",
        "sentence_start", "sentence_end", "sentence",
    ),
    "figure_claims": (
        "figure_id", "subject", "measure", "victims", "scope", "status", "incident_id",
        "story_id", "place_id", "position", "article_id", "outlet", "date", "text", "value",
        "low", "high", "qualifier", "claimant", "claimant_actor_id", "start", "end", "sentence",
    ),
    "disputes": (
        "dispute_id", "story_id", "incident_id", "kind", "status", "measure", "subject", "note",
        "sides", "review",
    ),
    "dispute_sides": (
        "dispute_id", "position", "value_or_claim", "claimant", "claimant_actor_id",
        "claimant_name", "outlet", "article_id", "date", "start", "end", "sentence",
    ),
    "reviews": (
        "review_id", "target", "verdict", "field", "value", "comment", "record_id", "label",
        "evidence", "created_at",
    ),
}  # fmt: skip


def table_rows(bundle: ExportBundle) -> dict[str, list[Row]]:
    """Every table's rows, in the columns of `TABLES`."""
    names = bundle.gazette
    reviews = ReviewBook(bundle.reviews)  # exported with what they judge
    articles = {f.id: f.article for f in bundle.facts}
    story_of_incident = {i.id: i.story_id for i in bundle.incidents}
    rows: dict[str, list[Row]] = {
        "articles": [_article(a, bundle.story_of.get(a.id)) for a in bundle.articles],
        "actors": _actors(bundle),
        "mentions": [
            {"article_id": m.article_id, "field": m.field, "start": m.start, "end": m.end,
             "text": m.text, "kind": m.kind, "actor_id": m.actor_id, "place_id": m.place_id,
             "method": m.method, "sentence_start": m.sentence_start,
             "sentence_end": m.sentence_end}
            for f in bundle.facts for m in f.mentions
        ],
        "places": _places(bundle),
        "quotes": [
            _article_bits(e.article) | _copy(e.quote, TABLES["quotes"])
            | {"speaker_name": e.speaker.name if e.speaker else None}
            for e in quote_entries(bundle.facts, names)
        ],
        "figures": [
            _article_bits(e.article) | _copy(e.figure, TABLES["figures"])
            | {"claimant_name": _name(e.claimant), "about_name": _name(e.about),
               "place_name": e.place.name if e.place else None}
            for e in figure_entries(bundle.facts, names)
        ],
        "events": [
            _article_bits(e.article) | _copy(e.event, TABLES["events"])
            | {"event_id": e.id, "trigger": e.event.trigger}
            | _participants("source", e.sources) | _participants("target", e.targets)
            | _place(e.place)
            for e in event_entries(bundle.facts, names)
        ],
        "stories": [
            {"story_id": s.id, "label": s.label, "start": s.start, "end": s.end,
             "estimated_start": s.estimated.start if s.estimated else None,
             "estimated_end": s.estimated.end if s.estimated else None,
             "articles": len(s.article_ids), "reports": s.reports,
             "independent": s.independent, "outlets": list(s.outlets)}
            for s in bundle.stories
        ],
        "incidents": [
            {"incident_id": i.id, "story_id": i.story_id, "label": i.label, "kind": i.kind,
             "type": i.type, "mode": i.mode, "date_start": i.date_start,
             "date_end": i.date_end, "date_precision": i.date_precision,
             "reports": len(i.reports), "independent": i.independent,
             "outlets": list(i.outlets)}
            | _place(names.places.get(i.place_id or ""))
            for i in bundle.incidents
        ],
        "incident_reports": [
            _report(i.id, r, articles.get(r.article_id), names)
            for i in bundle.incidents for r in i.reports
        ],
        "figure_claims": [
            {"figure_id": f.key, "subject": f.subject, "measure": f.measure,
             "victims": f.victims, "scope": f.scope, "status": f.status,
             "incident_id": f.incident_id, "story_id": story_of_incident.get(f.incident_id or ""),
             "place_id": f.place_id, "position": c.position, "article_id": c.figure.article_id,
             "outlet": c.outlet, "date": c.date, "text": c.figure.text,
             "value": c.figure.value, "low": c.figure.low, "high": c.figure.high,
             "qualifier": c.figure.qualifier, "claimant": c.who,
             "claimant_actor_id": c.figure.claimant_actor_id, "start": c.figure.start,
             "end": c.figure.end, "sentence": c.figure.sentence}
            for f in bundle.figures for c in f.claims
        ],
        "disputes": [
            {"dispute_id": d.id, "story_id": d.story_id, "incident_id": d.incident_id,
             "kind": d.kind, "status": d.status, "measure": d.measure, "subject": d.subject,
             "note": d.note, "sides": len(d.sides),
             "review": reviews.of_dispute(d).verdict}
            for d in bundle.disputes
        ],
        "dispute_sides": [
            _copy(s, TABLES["dispute_sides"])
            | {"dispute_id": d.id, "claimant_name": names.actor_name(s.claimant_actor_id)}
            for d in bundle.disputes for s in d.sides
        ],
        "reviews": [
            {"review_id": r.id, "target": r.target, "verdict": r.verdict, "field": r.field,
             "value": r.value, "comment": r.comment, "record_id": r.record_id,
             "label": r.label, "evidence": " ".join(r.evidence), "created_at": r.created_at}
            for r in reviews.reviews
        ],
    }  # fmt: skip
    return {name: [_ordered(r, TABLES[name]) for r in found] for name, found in rows.items()}


def _ordered(row: Row, columns: Sequence[str]) -> Row:
    return {c: row.get(c) for c in columns}


def _copy(record: object, columns: Iterable[str]) -> Row:
    """The record's fields that are also columns of the table."""
    return {c: getattr(record, c) for c in columns if hasattr(record, c)}


def _name(actor: ActorFact | None) -> str | None:
    return actor.name if actor else None


def _article_bits(article: ArticleFact) -> Row:
    return {"article_id": article.id, "outlet": article.outlet, "published": article.published}


def _article(summary: Any, story_id: str | None) -> Row:
    return _copy(summary, TABLES["articles"]) | {"article_id": summary.id, "story_id": story_id}


def _participants(role: str, found: Sequence[Participant]) -> Row:
    """The participants as written, and their actors (one entry per actor, in order)."""
    actors = list({p.actor.id: p.actor for p in found if p.actor}.values())
    return {
        f"{role}_texts": [p.text for p in found],
        f"{role}_actor_ids": [a.id for a in actors],
        f"{role}_names": [a.name for a in actors],
        f"{role}_sectors": [a.sector or "" for a in actors],
        f"{role}_countries": [a.country or "" for a in actors],
    }


def _place(place: PlaceFact | None) -> Row:
    if place is None:
        return {}
    return {"place_id": place.id, "place_name": place.name, "lat": place.lat, "lon": place.lon,
            "place_precision": place.precision, "place_country": place.country}  # fmt: skip


def _actors(bundle: ExportBundle) -> list[Row]:
    """Every actor a finding points to (and those they belong to), with mention counts."""
    mentions, articles = mention_counts(bundle.facts, "actor_id")
    found: dict[str, ActorFact] = {}
    for facts in bundle.facts:
        found |= {a.id: a for a in referenced_actors(facts, bundle.gazette)}
    for actor_id in _cross_article_actors(bundle):
        if actor_id in bundle.gazette.actors:
            found.setdefault(actor_id, bundle.gazette.actors[actor_id])
    return [
        _copy(a, TABLES["actors"]) | {"actor_id": a.id, "mentions": mentions[a.id],
                                      "articles": articles[a.id]}
        for a in sorted(found.values(), key=lambda a: (-mentions[a.id], a.name, a.id))
    ]  # fmt: skip


def _cross_article_actors(bundle: ExportBundle) -> set[str]:
    found = {s.claimant_actor_id for d in bundle.disputes for s in d.sides}
    for incident in bundle.incidents:
        for report in incident.reports:
            found |= {a.actor_id for a in (*report.perpetrators, *report.denied_by)}
            found |= {a.claimant_actor_id for a in (*report.perpetrators, *report.denied_by)}
            found |= set(report.target_actor_ids)
    return {a for a in found if a}


def _places(bundle: ExportBundle) -> list[Row]:
    """Every place a finding points to (and those it lies in), with mention counts."""
    names = bundle.gazette
    mentions, articles = mention_counts(bundle.facts, "place_id")
    found: dict[str, PlaceFact] = {}
    for facts in bundle.facts:
        found |= {p.id: p for p in referenced_places(facts, names)}
    for incident in bundle.incidents:
        for place_id in {incident.place_id, *(r.place_id for r in incident.reports)}:
            found |= {p: names.places[p] for p in names.place_chain(place_id)
                      if p in names.places}  # fmt: skip
    return [
        _copy(p, TABLES["places"])
        | {"place_id": p.id, "parent_name": names.place_name(p.parent_id),
           "mentions": mentions[p.id], "articles": articles[p.id]}
        for p in sorted(found.values(), key=lambda p: (-mentions[p.id], p.name, p.id))
    ]  # fmt: skip


def _report(incident_id: str, report: Any, article: ArticleFact | None, names: Gazette) -> Row:
    tolls: dict[str, list[float]] = {}
    for measure, value in report.figure_values:
        tolls.setdefault(measure, []).append(value)
    return _copy(report, TABLES["incident_reports"]) | {
        "incident_id": incident_id,
        "published": article.published if article else report.published,
        "lead": bool(report.lead),
        "around": bool(report.around),
        "place_name": names.place_name(report.place_id),
        "perpetrator_ids": [a.actor_id for a in report.perpetrators],
        "perpetrator_names": [names.actor_name(a.actor_id) or a.text for a in report.perpetrators],
        "perpetrator_claimants": [a.claimant or "" for a in report.perpetrators],
        "denied_by_ids": [a.actor_id for a in report.denied_by],
        "denied_by_names": [names.actor_name(a.actor_id) or a.text for a in report.denied_by],
        "doer_unknown_claimants": [a.claimant or report.outlet or "" for a in report.doubted_by],
        "never_happened_claimants": [a.claimant or "" for a in report.refuted_by],
        "deliberate_claimants": [a.claimant or "" for a in report.deliberate_by],
        "mistake_claimants": [a.claimant or "" for a in report.mistake_by],
        "target_ids": list(report.target_actor_ids),
        "target_names": [names.actor_name(a) for a in report.target_actor_ids],
        "killed": min(tolls["killed"]) if "killed" in tolls else None,
        "injured": min(tolls["injured"]) if "injured" in tolls else None,
    }
