"""Analyst reviews: keyed by evidence, applied on read, surviving rebuilt findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon import api
from rashomon.errors import NotFoundError
from rashomon.facts import Dispute, DisputeSide, Incident, IncidentReport
from rashomon.facts.reviews import (
    Review,
    ReviewBook,
    dispute_evidence,
    incident_evidence,
    parse_record_id,
    split_incidents,
    visible_disputes,
)
from tests.conftest import SEEDS, copy_db, forget_articles


def _side(article: str, claim: str, position: int = 0) -> DisputeSide:
    return DisputeSide(claim, None, None, "AFP", article, None, f"{claim}.", position)


def _dispute(did: str, *sides: DisputeSide, kind: str = "numeric") -> Dispute:
    return Dispute(did, "story:1", kind, "killed in Aleppo", "dispute", tuple(sides))


def _report(article: str, start: int, outlet: str = "AFP") -> IncidentReport:
    return IncidentReport(article, outlet, outlet, "aerial", start, start + 10, "A strike.",
                          day_low="2016-10-01", day_high="2016-10-01")  # fmt: skip


def _incident(iid: str, *reports: IncidentReport) -> Incident:
    return Incident(iid, "aerial", "ASSAULT", "aerial", None, "2016-10-01", "2016-10-01", "day",
                    tuple(reports), "air strike", "story:1")  # fmt: skip


def _review(rid: int, target: str, evidence: tuple[str, ...], verdict: str, **more) -> Review:
    return Review(rid, target, tuple(sorted(evidence)), verdict, **more)


def test_a_rejected_dispute_is_found_again_under_a_new_id():
    first = _dispute("dispute:aaa", _side("a1", "30 killed"), _side("b2", "12 killed", 1))
    rebuilt = _dispute("dispute:bbb", _side("b2", "12 killed", 1), _side("a1", "30 killed"))
    book = ReviewBook([_review(1, "dispute", dispute_evidence(first), "reject")])
    assert book.of_dispute(rebuilt).hidden
    assert visible_disputes([rebuilt], book) == []


def test_a_dispute_with_a_new_side_shows_again_with_its_review():
    first = _dispute("dispute:aaa", _side("a1", "30 killed"), _side("b2", "12 killed", 1))
    grown = _dispute("dispute:ccc", *first.sides, _side("c3", "50 killed", 2))
    book = ReviewBook([_review(1, "dispute", dispute_evidence(first), "reject")])
    state = book.of_dispute(grown)
    assert state.verdict == "reject" and state.partial and not state.hidden
    assert visible_disputes([grown], book) == [grown]


def test_a_review_does_not_apply_to_other_claims_or_kinds():
    first = _dispute("dispute:aaa", _side("a1", "30 killed"), _side("b2", "12 killed", 1))
    other_claim = _dispute("dispute:x", _side("a1", "31 killed"), _side("b2", "12 killed", 1))
    other_kind = _dispute("dispute:y", *first.sides, kind="perpetrator")
    book = ReviewBook([_review(1, "dispute", dispute_evidence(first), "reject")])
    assert not book.of_dispute(other_claim).reviews
    assert not book.of_dispute(other_kind).reviews


def test_the_latest_verdict_and_correction_win():
    evidence = ("a1@5",)
    book = ReviewBook([
        _review(1, "figure", evidence, "reject"),
        _review(2, "figure", evidence, "correct", field="claimant", value="UN"),
        _review(3, "figure", evidence, "confirm"),
        _review(4, "figure", evidence, "correct", field="claimant", value="WHO"),
    ])  # fmt: skip
    state = book.of_spot("figure", "a1", 5)
    assert state.verdict == "confirm"
    assert state.corrections == {"claimant": "WHO"}
    assert [r.id for r in state.reviews] == [1, 2, 3, 4]
    assert not book.of_spot("figure", "a1", 6).reviews


def test_a_report_marked_not_the_same_incident_stands_alone():
    incident = _incident("incident:1", _report("a1", 0), _report("b2", 40, "SANA"),
                         _report("c3", 7, "Reuters"))  # fmt: skip
    book = ReviewBook([_review(1, "incident", incident_evidence(incident), "correct",
                               field="same_incident", value="b2@40")])  # fmt: skip
    parts = split_incidents([incident], book)
    assert [[r.article_id for r in p.reports] for p in parts] == [["a1", "c3"], ["b2"]]
    assert parts[0].id == "incident:1" and parts[1].id != "incident:1"
    assert parts[1].story_id == "story:1"
    # rebuilt in another order under another id: split the same way
    again = _incident("incident:9", *reversed(incident.reports))
    assert [[r.article_id for r in p.reports] for p in split_incidents([again], book)] == [
        ["c3", "a1"], ["b2"]]  # fmt: skip


def test_a_rejected_merge_falls_apart_into_its_reports():
    incident = _incident("incident:1", _report("a1", 0), _report("b2", 40, "SANA"))
    book = ReviewBook([_review(1, "incident", incident_evidence(incident), "reject")])
    parts = split_incidents([incident], book)
    assert [len(p.reports) for p in parts] == [1, 1]
    assert len({p.id for p in parts}) == 2


def test_record_ids_of_events_figures_and_quotes():
    assert parse_record_id("figure", "figure:abc123:45") == ("abc123", 45)
    assert parse_record_id("event", "event:abc123:45-2") == ("abc123", 45)
    assert parse_record_id("figure", "event:abc123:45") is None
    assert parse_record_id("quote", "quote:abc123:x") is None


# -- through the API, on the seeds -----------------------------------------------------------------


@pytest.fixture
def seeds_copy(seeds_db, tmp_path) -> str:
    return copy_db(seeds_db, tmp_path / "seeds.db")


def test_reviews_are_stored_listed_and_applied(seeds_copy, capsys):
    from rashomon.cli import main

    with api.open(seeds_copy) as corpus:
        disputes = corpus.disputes()
        target = disputes[0]
        review = corpus.review("dispute", target.id[:14], "reject", comment="same figure")
        assert review.record_id == target.id[:14] and review.label == target.subject
        assert target.id not in [d.id for d in corpus.disputes()]
        assert target.id in [d.id for d in corpus.disputes(rejected=True)]
        assert corpus.dispute(target.id) == target  # asked for by id: still there
        figure = corpus.numbers()[0]
        fid = f"figure:{figure.figure.article_id}:{figure.figure.start}"
        corpus.review("figure", fid, "correct", field="measure", value="injured")
        corrected = [e for e in corpus.numbers() if e.figure.start == figure.figure.start
                     and e.figure.article_id == figure.figure.article_id]  # fmt: skip
        assert corrected[0].figure.measure == "injured"
    capsys.readouterr()
    assert main(["reviews", "--json", "--db", seeds_copy]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["verdict"] for r in listed] == ["reject", "correct"]
    assert listed[0]["evidence"] == sorted(listed[0]["evidence"])


def test_bad_reviews_are_refused_with_a_reason(seeds_copy):
    from rashomon.api.reviewing import ReviewError

    with api.open(seeds_copy) as corpus:
        dispute = corpus.disputes()[0]
        with pytest.raises(ReviewError, match="verdict"):
            corpus.review("dispute", dispute.id, "maybe")
        with pytest.raises(ReviewError, match="cannot be corrected"):
            corpus.review("dispute", dispute.id, "correct", field="claimant", value="x")
        with pytest.raises(ReviewError, match="needs the right value"):
            corpus.review("figure", "figure:x:1", "correct", field="claimant", value=" ")
        with pytest.raises(NotFoundError):
            corpus.review("dispute", "dispute:ffffffffffff", "reject")
        article = corpus.articles()[0].id
        with pytest.raises(NotFoundError, match="no quote at offset"):
            corpus.review("quote", f"quote:{article}:999999", "confirm")
        assert corpus.reviews() == []


def test_exports_carry_the_reviews(seeds_copy, tmp_path):
    import pandas as pd

    with api.open(seeds_copy) as corpus:
        dispute = corpus.disputes()[0]
        corpus.review("dispute", dispute.id, "reject", comment="not a conflict")
        corpus.export(tmp_path / "out", "csv")
    reviews = pd.read_csv(tmp_path / "out" / "reviews.csv")
    assert list(reviews["verdict"]) == ["reject"]
    assert reviews["comment"][0] == "not a conflict"
    disputes = pd.read_csv(tmp_path / "out" / "disputes.csv")
    assert dispute.id in set(disputes["dispute_id"])  # exported with its review beside it
    row = disputes[disputes["dispute_id"] == dispute.id].iloc[0]
    assert row["review"] == "reject"


@pytest.mark.slow
def test_a_rejected_dispute_stays_rejected_after_its_articles_are_ingested_again(seeds_copy):
    """Delete the dispute's articles (and with them every finding), forget every incident,
    story and dispute, ingest the seeds again: the rebuilt dispute is still rejected."""

    with api.open(seeds_copy) as corpus:
        dispute = next(d for d in corpus.disputes() if d.kind == "numeric")
        corpus.review("dispute", dispute.id, "reject", comment="different days")
        articles = sorted({s.article_id for s in dispute.sides})
    forget_articles(seeds_copy, articles)
    with api.open(seeds_copy) as corpus:
        assert not corpus.disputes(rejected=True)  # gone with its articles
        assert not set(articles) & {a.id for a in corpus.articles()}
        result = corpus.ingest(Path(SEEDS))
        assert result.ok
        assert set(articles) <= {a.id for a in corpus.articles()}
        rebuilt = [d for d in corpus.disputes(rejected=True)
                   if dispute_evidence(d) == dispute_evidence(dispute)]  # fmt: skip
        assert rebuilt, "the same dispute is found again from the same articles"
        assert rebuilt[0].id not in [d.id for d in corpus.disputes()]
        assert corpus.review_book().of_dispute(rebuilt[0]).verdict == "reject"
        assert [r.comment for r in corpus.reviews()] == ["different days"]
