"""An analyst's reviews of what rashomon found, and how they apply to the records on read.

A review says "this dispute is not real", "these reports are not the same incident", "the
claimant of this figure is the ministry, not the monitor". Findings are rebuilt whenever
articles are re-extracted or placed again, and the ids of incidents, disputes and figures
are recomputed then, so a review cannot point at a row id. It points at its record's
*evidence*: the article ids and offsets (or claims) the record rests on, which survive any
rebuild that reproduces the record. A review applies to every record whose evidence
includes all of the review's evidence; when the record has gained evidence since (a new
article's side), the review still shows but no longer hides it: new evidence deserves a
look. Reviews never change the stored findings: they are applied on read, by the pure
functions here, and a review whose evidence matches nothing now is listed as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rashomon.facts import Argument, Dispute, Gazette, Incident, IncidentReport
from rashomon.model import Record

TARGETS = ("dispute", "incident", "event", "figure", "quote")
VERDICTS = ("confirm", "reject", "correct")
# the fields a correction may set, by target; "same_incident" names the report to split off
FIELDS: Mapping[str, tuple[str, ...]] = {
    "dispute": (),
    "incident": ("perpetrator", "same_incident"),
    "event": ("type", "perpetrator"),
    "figure": ("claimant", "measure", "victims"),
    "quote": ("speaker",),
}


@dataclass(frozen=True)
class Review(Record):
    """One analyst's judgement of one record, with the evidence that identifies it."""

    id: int
    target: str  # dispute, incident, event, figure, quote
    evidence: tuple[str, ...]  # "article_id@start" or "article_id|claim", sorted
    verdict: str  # confirm, reject, correct
    field: str | None = None  # for a correction
    value: str | None = None
    comment: str = ""
    record_id: str | None = None  # the record's id when it was reviewed (ids change)
    label: str = ""  # what the analyst saw: subject, sentence
    created_at: str = ""


@dataclass(frozen=True)
class ReviewState(Record):
    """What the reviews of one record come to: the latest verdict, the latest value of each
    corrected field, and whether the record has evidence none of its reviews saw."""

    reviews: tuple[Review, ...] = ()
    verdict: str | None = None  # confirm or reject, the latest
    corrections: Mapping[str, str] = field(default_factory=dict)
    partial: bool = False

    @property
    def hidden(self) -> bool:
        """A rejected record is hidden unless evidence has come in since."""
        return self.verdict == "reject" and not self.partial


NO_REVIEW = ReviewState()


# -- evidence: what identifies a record across rebuilds ----------------------------------------


def spot(article_id: str, start: int) -> str:
    return f"{article_id}@{start}"


def dispute_evidence(dispute: Dispute) -> tuple[str, ...]:
    """A dispute's sides as (article, claim): what its id hashes, less the story or
    incident it sits in (those ids are rebuilt) and its wording of the subject."""
    sides = {f"{s.article_id}|{s.value_or_claim}" for s in dispute.sides}
    return (f"kind:{dispute.kind}", *sorted(sides))


def report_spot(report: IncidentReport) -> str:
    return spot(report.article_id, report.sentence_start)


def incident_evidence(incident: Incident) -> tuple[str, ...]:
    return tuple(sorted({report_spot(r) for r in incident.reports}))


def record_id(target: str, article_id: str, start: int) -> str:
    """The id of a per-article event, figure or quote: its article and its start offset."""
    return f"{target}:{article_id}:{start}"


def parse_record_id(target: str, given: str) -> tuple[str, int] | None:
    """(article id, start) of an event, figure or quote id; None when it is not one."""
    prefix, _, rest = given.partition(":")
    article_id, _, start = rest.partition(":")
    start = start.split("-")[0]  # event ids of a second event at one offset: "...:12-2"
    if prefix != target or not article_id or not start.isdigit():
        return None
    return article_id, int(start)


# -- the book of reviews -------------------------------------------------------------------------


class ReviewBook:
    """Every review, looked up by the evidence of a record."""

    def __init__(self, reviews: Iterable[Review] = ()) -> None:
        self.reviews = tuple(sorted(reviews, key=lambda r: r.id))
        self._by_item: dict[tuple[str, str], list[Review]] = {}
        for review in self.reviews:  # filed under one item: a match must have them all
            item = next((e for e in review.evidence if not e.startswith("kind:")), None)
            if item is not None:
                self._by_item.setdefault((review.target, item), []).append(review)

    def __len__(self) -> int:
        return len(self.reviews)

    def state(self, target: str, evidence: Sequence[str]) -> ReviewState:
        """The reviews of the record with this evidence: every review whose evidence the
        record still has all of."""
        have = set(evidence)
        found: dict[int, Review] = {}
        for item in evidence:
            for review in self._by_item.get((target, item), ()):
                if set(review.evidence) <= have:
                    found[review.id] = review
        if not found:
            return NO_REVIEW
        reviews = tuple(found[k] for k in sorted(found))
        verdict, corrections, seen = None, {}, set()
        for review in reviews:
            seen.update(review.evidence)
            if review.verdict in ("confirm", "reject"):
                verdict = review.verdict
            elif review.field and review.value is not None:
                corrections[review.field] = review.value
        return ReviewState(reviews, verdict, corrections, partial=bool(have - seen))

    def of_dispute(self, dispute: Dispute) -> ReviewState:
        return self.state("dispute", dispute_evidence(dispute))

    def of_incident(self, incident: Incident) -> ReviewState:
        return self.state("incident", incident_evidence(incident))

    def of_spot(self, target: str, article_id: str, start: int) -> ReviewState:
        return self.state(target, (spot(article_id, start),))

    def unmatched(self, matched: Iterable[int]) -> tuple[Review, ...]:
        """Reviews not among `matched` (ids): their records are gone or changed."""
        done = set(matched)
        return tuple(r for r in self.reviews if r.id not in done)


# -- applying reviews on read --------------------------------------------------------------------


def visible_disputes(disputes: Iterable[Dispute], book: ReviewBook) -> list[Dispute]:
    """The disputes an analyst has not rejected (a rejected one with new sides stays)."""
    return [d for d in disputes if not book.of_dispute(d).hidden]


def split_incidents(incidents: Iterable[Incident], book: ReviewBook) -> list[Incident]:
    """Incidents as the analyst's reviews have them: a report marked "not the same incident"
    stands alone, and an incident whose merge was rejected falls apart into its reports.
    A split-off part keeps the incident's story and gets an id made from the report, as a
    new incident would."""
    found: list[Incident] = []
    for incident in incidents:
        state = book.of_incident(incident)
        apart = {r.value for r in state.reviews if r.field == "same_incident" and r.value} & set(
            incident_evidence(incident)
        )
        if state.verdict == "reject" and not state.partial:
            apart = set(incident_evidence(incident))
        kept = tuple(r for r in incident.reports if report_spot(r) not in apart)
        alone = [r for r in incident.reports if report_spot(r) in apart]
        if not kept and alone:  # every report goes: the first keeps the incident's id
            kept, alone = (alone[0],), alone[1:]
        found.append(_with_reports(incident, kept, incident.id))
        for report in alone:
            found.append(_with_reports(incident, (report,), split_id(incident.id, report)))
    return found


def split_id(incident_id: str, report: IncidentReport) -> str:
    return f"{incident_id}~{report.article_id[:8]}{report.sentence_start}"


def _with_reports(incident: Incident, reports: tuple[IncidentReport, ...], new_id: str) -> Incident:
    if reports == incident.reports and new_id == incident.id:
        return incident
    days = [d for r in reports for d in (r.day_low, r.day_high) if d]
    return replace(
        incident,
        id=new_id,
        reports=reports,
        date_start=min(days) if days else incident.date_start,
        date_end=max(days) if days else incident.date_end,
        place_id=reports[0].place_id or incident.place_id,
    )


def actor_named(name: str, gazette: Gazette) -> str | None:
    """The actor an analyst names by id or by exact name (any case); None when unknown."""
    if name in gazette.actors:
        return name
    wanted = name.strip().casefold()
    for actor in gazette.actors.values():
        if actor.name.casefold() == wanted:
            return actor.id
    return None


def named_argument(name: str, gazette: Gazette) -> Argument:
    """A participant the analyst typed: no offsets in the text, its actor when known."""
    return Argument(start=-1, end=-1, text=name, actor_id=actor_named(name, gazette))
