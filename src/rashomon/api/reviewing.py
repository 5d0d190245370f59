"""`Corpus.review` and the reviews applied on read: what an analyst's judgements do to the
records the API hands out.

A rejected dispute is left out of `disputes()` (unless asked for), a report marked "not the
same incident" stands alone in `incidents()`, and a corrected claimant, measure, speaker,
type or perpetrator replaces the extracted one in `numbers()`, `quotes()`, `events()` and
the incidents' reports. The stored findings are never changed: re-extracting or placing
again rebuilds them, and the reviews, keyed by evidence, apply to the rebuilt records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.errors import NotFoundError, RashomonError
from rashomon.facts import Attribution, Gazette, Incident
from rashomon.facts.entries import EventEntry, FigureEntry, Participant, QuoteEntry
from rashomon.facts.reviews import (
    FIELDS,
    TARGETS,
    VERDICTS,
    Review,
    ReviewBook,
    actor_named,
    dispute_evidence,
    incident_evidence,
    named_argument,
    parse_record_id,
    report_spot,
    spot,
)
from rashomon.store.facts import article_facts
from rashomon.store.reviews import add_review

if TYPE_CHECKING:
    from rashomon.api.corpus import Corpus


class ReviewError(RashomonError):
    """A review that cannot be recorded: an unknown target, verdict or field, a missing
    value."""


def record_review(
    corpus: Corpus,
    target: str,
    record_id: str,
    verdict: str,
    field: str | None = None,
    value: str | None = None,
    comment: str = "",
) -> Review:
    """Check the review against the record as it is now, and store it with the record's
    evidence."""
    if target not in TARGETS:
        raise ReviewError(f"cannot review a {target!r}: one of {', '.join(TARGETS)}")
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}: one of {', '.join(VERDICTS)}")
    value = value.strip() if value else None
    if verdict == "correct":
        if field not in FIELDS[target]:
            allowed = ", ".join(FIELDS[target]) or "nothing (confirm or reject it)"
            raise ReviewError(f"a {target}'s {field!r} cannot be corrected: {allowed}")
        if not value:
            raise ReviewError(f"a correction of {field} needs the right value")
    else:
        field, value = None, None
    evidence, label, value = _evidence(corpus, target, record_id, field, value)
    review = Review(0, target, evidence, verdict, field, value, comment.strip(), record_id, label)
    return add_review(corpus.store, review)


def _evidence(
    corpus: Corpus, target: str, record_id: str, field: str | None, value: str | None
) -> tuple[tuple[str, ...], str, str | None]:
    """(evidence, label, value as stored) of the record `record_id` as it reads now."""
    if target == "dispute":
        dispute = corpus.dispute(record_id)
        return dispute_evidence(dispute), dispute.subject, value
    if target == "incident":
        incident = _incident(corpus, record_id)
        if field == "same_incident":
            value = _report_of(incident, value or "")
        return incident_evidence(incident), incident.label, value
    where = parse_record_id(target, record_id)
    if where is None:
        raise ReviewError(f"{record_id!r} is not a {target} id ({target}:ARTICLE:START)")
    article_id, start = where
    facts = article_facts(corpus.store, [corpus.store.resolve_id(article_id)])
    records = {"event": "events", "figure": "figures", "quote": "quotes"}[target]
    found = [r for f in facts for r in getattr(f, records) if r.start == start]
    if not found:
        raise NotFoundError(f"no {target} at offset {start} of article {article_id}")
    if field == "type" and value is not None:
        from rashomon.extract.events.lexicon import PLOVER_TYPES  # imports spaCy: only here

        value = value.upper()
        if value not in PLOVER_TYPES:
            raise ReviewError(f"{value!r} is not a PLOVER type: {', '.join(sorted(PLOVER_TYPES))}")
    return (spot(found[0].article_id, start),), found[0].sentence, value


def _incident(corpus: Corpus, given: str) -> Incident:
    incidents = corpus.incidents()
    exact = [i for i in incidents if i.id == given]
    if exact:
        return exact[0]
    wanted = given if given.startswith("incident:") else "incident:" + given
    found = [i for i in incidents if i.id.startswith(wanted)]
    if len(found) != 1:
        raise NotFoundError(f"no incident {given!r}" if not found else
                            f"incident {given!r} is ambiguous: {len(found)} match")  # fmt: skip
    return found[0]


def _report_of(incident: Incident, given: str) -> str:
    """The report the analyst splits off: by its spot ("article@start") or its article id
    (or a unique prefix of it)."""
    spots = [report_spot(r) for r in incident.reports]
    if given in spots:
        return given
    found = sorted({s for s in spots if s.startswith(given)})
    if len(found) != 1:
        raise ReviewError(f"{given!r} names no single report of {incident.id}")
    if len(spots) < 2:
        raise ReviewError(f"{incident.id} has one report: there is nothing to split")
    return found[0]


# -- applied on read -----------------------------------------------------------------------------


def corrected_figures(
    entries: Iterable[FigureEntry], book: ReviewBook, gazette: Gazette
) -> list[FigureEntry]:
    found = []
    for entry in entries:
        fixes = book.of_spot("figure", entry.figure.article_id, entry.figure.start).corrections
        if fixes:
            figure = entry.figure
            if "claimant" in fixes:
                actor = actor_named(fixes["claimant"], gazette)
                figure = replace(figure, claimant=fixes["claimant"], claimant_actor_id=actor)
                entry = replace(entry, claimant=gazette.actors.get(actor or ""))
            if "measure" in fixes:
                figure = replace(figure, measure=fixes["measure"])
            if "victims" in fixes:
                figure = replace(figure, victims=fixes["victims"])
            entry = replace(entry, figure=figure)
        found.append(entry)
    return found


def corrected_quotes(
    entries: Iterable[QuoteEntry], book: ReviewBook, gazette: Gazette
) -> list[QuoteEntry]:
    found = []
    for entry in entries:
        fixes = book.of_spot("quote", entry.quote.article_id, entry.quote.start).corrections
        if "speaker" in fixes:
            actor = actor_named(fixes["speaker"], gazette)
            quote = replace(entry.quote, speaker=fixes["speaker"], speaker_actor_id=actor)
            entry = replace(entry, quote=quote, speaker=gazette.actors.get(actor or ""))
        found.append(entry)
    return found


def corrected_events(
    entries: Iterable[EventEntry], book: ReviewBook, gazette: Gazette
) -> list[EventEntry]:
    found = []
    for entry in entries:
        fixes = book.of_spot("event", entry.event.article_id, entry.event.start).corrections
        if "type" in fixes:
            entry = replace(entry, event=replace(entry.event, type=fixes["type"]))
        if "perpetrator" in fixes:
            argument = named_argument(fixes["perpetrator"], gazette)
            source = Participant(argument.text, -1, -1, gazette.actors.get(argument.actor_id or ""))
            entry = replace(entry, event=replace(entry.event, sources=(argument,)),
                            sources=(source,))  # fmt: skip
        found.append(entry)
    return found


def corrected_incidents(
    incidents: Iterable[Incident], book: ReviewBook, gazette: Gazette
) -> list[Incident]:
    """A corrected perpetrator replaces the doers every report names (on the analyst's word)."""
    found = []
    for incident in incidents:
        fixes = book.of_incident(incident).corrections
        if "perpetrator" in fixes:
            name = fixes["perpetrator"]
            doer = Attribution(actor_named(name, gazette), name, claimant="analyst review")
            reports = tuple(replace(r, perpetrators=(doer,)) for r in incident.reports)
            incident = replace(incident, reports=reports)
        found.append(incident)
    return found
