"""bench/incidents_fakes.py: its scoring rules on hand-built gold, and the eval gate.

The scoring tests build gold reports and predicted incidents by hand (no model, no
../shared). The gate runs the bench as a subprocess on FA-KES dev with its incident gold, the
way people and CI run it, and fails when the checking half drops below
bench/floors/incidents_fakes.json or behind the baseline of the same run, when a dispute's
sides all come from one claimant, or when the data no longer hash as they did when the
floors were measured.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors" / "incidents_fakes.json"
FAKES = SHARED / "eval-data" / "fa-kes" / "fa-kes-dev.csv"
GOLD = SHARED / "eval-data" / "incidents-fakes" / "incidents-dev.yaml"


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("incidents_fakes")


def gold_of(bench, incidents, single=(), disputes=()):
    """Gold from {incident: [(unit, evidence), ...]}."""
    reports = [
        bench.GoldReport(incident, unit, (evidence,), None)
        for incident, told in incidents.items()
        for unit, evidence in told
    ]
    annotated = {r.unit for r in reports} | set(single)
    return bench.Gold(reports, list(disputes), [], annotated, set(single))


def prediction(bench, incidents, disputes=()):
    """A prediction from {incident: [(unit, sentence, lead), ...]}."""
    found = bench.Prediction()
    for incident, told in incidents.items():
        found.incidents[incident] = [bench.PredReport(u, (s,), (), lead) for u, s, lead in told]
    for kind, incident, status, sides in disputes:
        found.disputes.append((kind, incident, status, tuple((u, c) for u, c, _ in sides)))
        found.positions.append(tuple(p for _, _, p in sides))
    return found


def test_a_report_matches_the_predicted_report_whose_sentence_holds_its_evidence(bench):
    gold = gold_of(bench, {"I1": [("1", "a strike killed ten in idlib")]})
    pred = prediction(bench, {"p1": [("1", "rebels met in geneva", True)],
                              "p2": [("1", "a strike killed ten in idlib on monday", False)]})  # fmt: skip
    assert bench.match_reports(gold, pred).of_gold == {gold.reports[0]: ("p2", 0)}


def test_judged_pairs_leave_out_reports_the_gold_holds_nowhere(bench):
    gold = gold_of(bench, {"I1": [("1", "strike on douma"), ("2", "raid on douma")],
                           "I2": [("3", "bomb in homs")]})  # fmt: skip
    pred = prediction(bench, {
        "p1": [("1", "strike on douma", True), ("2", "raid on douma", True),
               ("3", "bomb in homs", True), ("2", "an aside about aleppo", False)],
    })  # fmt: skip
    scores = bench.score_incidents(gold, pred, None)
    # judged: (1,2) right, (1,3) and (2,3) wrong; the aside's pairs with 1 and 3 are not
    # judged, and with its own article's report it is no pair at all
    assert scores["pairwise"]["precision"] == pytest.approx(1 / 3)
    assert scores["pairwise"]["recall"] == 1.0
    assert scores["unjudged_pairs"] == 2
    assert scores["pairwise_strict"]["precision"] == pytest.approx(1 / 5)


def test_the_lead_of_an_article_alone_with_its_incident_is_judged(bench):
    gold = gold_of(bench, {"I1": [("1", "strike on douma")]}, single={"9"})
    pred = prediction(bench, {"p1": [("1", "strike on douma", True), ("9", "blast", True)]})
    scores = bench.score_incidents(gold, pred, None)
    assert scores["predicted_pairs"] == 1 and scores["pairwise"]["precision"] == 0.0
    assert scores["b_cubed"]["precision"] < 1.0  # the singleton counted against the merge


def test_a_dispute_matches_when_the_gold_sides_stand_on_two_positions(bench):
    gold = gold_of(bench, {"I1": [("1", "ten killed"), ("2", "twenty killed")]},
                   disputes=[bench.GoldSided("D1", "I1", "numeric", ("1", "2"))])  # fmt: skip
    told = {"p1": [("1", "ten killed", True), ("2", "twenty killed", True)]}
    pred = prediction(bench, told, disputes=[
        ("numeric", "p1", "dispute", [("1", "SOHR", 0), ("2", "SANA", 1)]),
        ("numeric", "p1", "dispute", [("1", "SOHR", 0), ("2", "SANA", 0)]),
        ("perpetrator", "p1", "dispute", [("1", "SOHR", 0), ("2", "SANA", 1)]),
    ])  # fmt: skip
    scores = bench.score_sided(gold.disputes, pred, "dispute", gold, None)
    assert (scores["precision"], scores["recall"]) == (pytest.approx(1 / 3), 1.0)
    assert scores["by_kind"]["numeric"]["precision"] == 0.5
    assert scores["one_claimant"] == 0


def test_false_disputes_are_told_apart_by_what_the_gold_says_of_their_articles(bench):
    gold = gold_of(bench, {"I1": [("1", "ten killed"), ("2", "twenty killed")],
                           "I2": [("3", "five killed")], "I3": [("4", "six"), ("5", "nine")]})  # fmt: skip
    gold.updates.append(bench.GoldSided("U1", "I1", "numeric", ("1", "2")))
    gold.non_disputes.append((frozenset({"4", "5"}), bench._reason("Part vs whole of a toll")))
    pred = prediction(bench, {"p1": [("1", "ten killed", True), ("2", "twenty killed", True)]},
                      disputes=[
        ("numeric", "p1", "dispute", [("1", "SOHR", 0), ("2", "SANA", 1)]),
        ("numeric", "p1", "dispute", [("2", "SOHR", 0), ("3", "SANA", 1)]),
        ("numeric", "p1", "dispute", [("4", "SOHR", 0), ("5", "SANA", 1)]),
    ])  # fmt: skip
    scores = bench.score_sided(gold.disputes, pred, "dispute", gold, None)
    assert scores["false_by_reason"] == {
        "gold update": 1, "articles in different gold incidents": 1,
        "look-alike: part vs whole": 1,
    }  # fmt: skip
    assert bench._reason("different incidents on consecutive days") == "different incidents"
    assert bench._reason("nothing the kinds name") == "other"


def test_reading_the_gold_refuses_what_is_not_incident_gold(bench, tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text("incidents: [unclosed", encoding="utf-8")
    with pytest.raises(bench.RashomonError, match="not YAML"):
        bench.load_gold(path)
    path.write_text("disputes: []\n", encoding="utf-8")
    with pytest.raises(bench.RashomonError, match="no `incidents` list"):
        bench.load_gold(path)


def test_a_gold_of_other_articles_is_refused_in_one_line(bench, tmp_path, capsys):
    data = tmp_path / "one.csv"
    data.write_text(
        "unit_id,article_title,article_content,source,date,location,labels\n"
        'u1,Strike,"An air strike hit a market in Idlib on Monday.",reuters,4/3/2017,idlib,1\n',
        encoding="utf-8",
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text("incidents:\n- id: I1\n  reports:\n  - article: '999'\n    evidence: [x]\n",
                    encoding="utf-8")  # fmt: skip
    assert bench.main(["--data", str(data), "--gold", str(gold)]) == 2
    err = capsys.readouterr().err.strip()
    assert "none of its annotated articles" in err and len(err.splitlines()) == 1


@pytest.mark.slow
def test_incidents_on_fakes_stay_above_the_floors():
    need(FAKES)
    need(GOLD)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench_script("incidents_fakes.py", "--json", timeout=1800).stdout)
    for key in ("data_sha256", "gold_sha256"):
        assert result[key] == pinned[key], (
            f"{key} differs from the data the floors were measured on: re-measure and re-pin "
            "bench/floors/incidents_fakes.json"
        )
    checking = result[pinned["half"]]
    below = below_floors(checking, pinned["floors"])
    assert not below, f"below the pinned floors on the checking half (measured, floor): {below}"
    behind = behind_baseline(
        {"ours": checking, "baseline": checking["baseline"]}, pinned["beats_baseline"]
    )
    assert not behind, f"not ahead of the baseline on the checking half: {behind}"
    # an update may be one source revising itself; a dispute never is
    assert checking["disputes"]["one_claimant"] == 0, checking["disputes"]
    # a story is bounded in time (FA-KES dev names no continuing thing over months)
    assert result["stories"]["over_limit"] == [], result["stories"]
