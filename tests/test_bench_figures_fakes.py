"""bench/figures_fakes.py: its scoring rules, a tiny end-to-end run, and the eval gate.

The scoring tests build gold figures and predictions by hand (no model, no ../shared). The
gate runs the bench as a subprocess on FA-KES dev with its incidents gold, the way people
and CI run it, and fails when our scores on the checking half drop below
bench/floors/figures_fakes.json or behind the baseline of the same run, when a predicted
claimant is no agent or a figure is a date, or when the data no longer hash as they did
when the floors were measured.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script, score_at

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors" / "figures_fakes.json"
FAKES = SHARED / "eval-data" / "fa-kes" / "fa-kes-dev.csv"
GOLD = SHARED / "eval-data" / "incidents-fakes" / "incidents-dev.yaml"


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("figures_fakes")


def gold_figure(bench, value=40.0, low=None, high=None, measure="killed", who="people",
                claimant="SOHR", evidence="said 40 people were killed", article="1"):  # fmt: skip
    return bench.GoldFigure(
        "I001", article, "ahram", measure, who, value, low, high, "exact", claimant, evidence
    )


def predicted(bench, start, value=40.0, low=None, high=None, qualifier="exact",
              claimant=None, names=("Al-Ahram",), measure="killed", article="1"):  # fmt: skip
    return bench.Predicted(
        article, start, start + 2, "40", value, low, high, qualifier, measure, "people",
        "incident", claimant, tuple(names), False,
    )  # fmt: skip


# -- scoring rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "group"),
    [
        ("people", "people"),
        ("people incl. 18 children", "people"),
        ("civilians (a woman and four children)", "civilians"),
        ("Al-Qaeda (Nusra/Khorasan) militants", "fighters"),
        ("IS members", "fighters"),
        ("al-Sheitaat tribe members (mostly civilians)", "people"),
        ("Syrian army troops", "soldiers"),
        ("police officers", "soldiers"),
        ("children", "children"),
        ("women (Friday)", "women"),
        ("bodies in a mine shaft", "people"),
    ],
)
def test_the_golds_victim_groups(bench, who, group):
    assert bench.victim_group(who) == group


@pytest.mark.parametrize(
    ("gold", "ours", "match"),
    [
        ("SOHR", ["a monitor", "Syrian Observatory for Human Rights", "SOHR"], True),
        ("state media (SANA)", ["SANA"], True),
        ("SANA", ["state news agency SANA"], True),
        ("dailysabah", ["Daily Sabah"], True),
        ("SOHR/AFP", ["AFP"], True),
        ("activists", ["opposition activists"], True),
        ("Syrian state TV", ["state television"], True),
        ("Russian Defense Ministry", ["Russian defence ministry"], True),
        ("Syrian opposition", ["Syrian government"], False),
        ("SOHR", ["Al-Ahram", "Ahram Online"], False),
        ("Homs governor Talal Barazi", ["Talal Barazi"], True),
    ],
)
def test_claimant_matching(bench, gold, ours, match):
    assert bench.claimant_matches(gold, predicted(bench, 0, claimant=ours[0], names=ours)) is match


def test_evidence_is_found_with_whitespace_collapsed(bench):
    body = "Title line.\n\nThe  Observatory said 40 people\nwere killed."
    start, end = bench.locate("The Observatory said 40 people were killed", body)
    assert body[start:end] == "The  Observatory said 40 people\nwere killed"
    assert bench.locate("not there", body) is None
    assert bench.locate("  ", body) is None


def test_values_match_by_value_bound_range_or_vagueness(bench):
    assert bench.value_matches(gold_figure(bench, 40), predicted(bench, 0, 40))
    assert bench.value_matches(gold_figure(bench, 40), predicted(bench, 0, None, 40, None))
    assert not bench.value_matches(gold_figure(bench, 40), predicted(bench, 0, 41))
    both = gold_figure(bench, None, 500, 1300)
    assert bench.value_matches(both, predicted(bench, 0, None, 500, 1300, "range"))
    assert not bench.value_matches(both, predicted(bench, 0, 500))
    assert bench.value_matches(gold_figure(bench, None, 500), predicted(bench, 0, 500))
    vague = gold_figure(bench, None)
    assert bench.value_matches(vague, predicted(bench, 0, None, 12, 120, "vague"))
    assert not bench.value_matches(vague, predicted(bench, 0, 12))


def test_matching_is_one_to_one_inside_the_evidence(bench):
    body = "He said 40 people were killed. Later 40 more died."
    articles = {"1": bench.Article("1", body, "Al-Ahram")}
    gold = [gold_figure(bench, evidence="said 40 people were killed")] * 2
    inside = predicted(bench, body.index("40"))
    outside = predicted(bench, body.rindex("40"))
    pairs = bench.match_figures(gold, {"1": [outside, inside]}, articles)
    assert [p for _, p, _ in pairs] == [inside, None]
    assert [located for _, _, located in pairs] == [True, True]
    missing = bench.match_figures([gold_figure(bench, article="2")], {}, articles)
    assert missing[0][1:] == (None, False)


def test_scores_count_measure_victims_and_claimant_on_found_figures(bench):
    body = "He said 40 people were killed and 120 were wounded."
    articles = {"1": bench.Article("1", body, "Al-Ahram")}
    gold = [
        gold_figure(bench, 40),
        gold_figure(bench, 120, measure="injured", evidence="120 were wounded"),
        gold_figure(bench, 7, evidence="He said"),
    ]
    ours = {
        "1": [
            predicted(bench, body.index("40"), 40, claimant="SOHR", names=["SOHR"]),
            predicted(bench, body.index("120"), 120, measure="killed"),
        ]
    }
    scores = bench.score_figures(gold, ours, articles).scores()
    assert scores["gold"] == 3 and scores["found"] == pytest.approx(2 / 3)
    assert scores["measure"]["accuracy"] == 0.5 and scores["claimant"]["accuracy"] == 0.5
    assert scores["found_with_measure_and_claimant"] == pytest.approx(1 / 3)


def test_non_agents_and_dates(bench):
    assert bench.not_an_agent(predicted(bench, 0, claimant="jets", names=["jets"]))
    assert not bench.not_an_agent(predicted(bench, 0, claimant="activists", names=["activists"]))
    assert not bench.not_an_agent(predicted(bench, 0))  # the outlet's own voice
    body = "Wed 05 Apr 2017 and 2000 residents fled in 2016"
    day = bench.Predicted("1", 4, 6, "05", 5.0, None, None, "exact", None, None, None, None, ())
    count = bench.Predicted("1", 20, 24, "2000", 2000.0, None, None, "exact", None, None, None, None, ())  # fmt: skip
    year = bench.Predicted("1", 43, 47, "2016", 2016.0, None, None, "exact", None, None, None, None, ())  # fmt: skip
    assert [bench.date_like(p, body) for p in (day, count, year)] == [True, False, True]


def test_reading_the_gold(bench, tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(
        "incidents:\n- id: I1\n  reports:\n  - article: '7'\n    outlet: x\n    figures:\n"
        "    - {measure: killed, who: people in two days, value: 49, low: null, high: null,\n"
        "       qualifier: exact, claimant: SOHR, evidence: 49 people were killed}\n"
        "non_disputes:\n- articles: ['7', '8']\n  claims: ['49 killed in two days', '22 killed']\n"
        "  why: cumulative two-day figure vs one day\n",
        encoding="utf-8",
    )
    gold = bench.read_gold(path)
    (figure,) = gold.figures
    assert (figure.article, figure.value, figure.scope) == ("7", 49.0, "cumulative")
    assert [(c.article, c.value) for c in gold.cumulative] == [("7", 49.0)]
    path.write_text("incidents: [unclosed", encoding="utf-8")
    with pytest.raises(bench.RashomonError):
        bench.read_gold(path)


# -- end to end and the gate ------------------------------------------------------------------------


@pytest.mark.slow
def test_a_tiny_csv_and_gold_run_through_the_real_pipeline(tmp_path):
    need(SHARED)
    csv_path = tmp_path / "tiny.csv"
    csv_path.write_text(
        "unit_id,article_title,article_content,source,date\n"
        '1,Blast kills 40,"A car bomb killed 40 people and wounded 120 others in Homs on '
        'Thursday, the Syrian Observatory for Human Rights said.",reuters,8/1/2013\n',
        encoding="utf-8",
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "incidents:\n- id: I1\n  reports:\n  - article: '1'\n    outlet: reuters\n    figures:\n"
        "    - {measure: killed, who: people, value: 40, low: null, high: null,\n"
        "       qualifier: exact, claimant: SOHR, evidence: killed 40 people}\n"
        "    - {measure: injured, who: people, value: 120, low: null, high: null,\n"
        "       qualifier: exact, claimant: SOHR, evidence: wounded 120 others}\n",
        encoding="utf-8",
    )
    out = run_bench_script(
        "figures_fakes.py", "--data", str(csv_path), "--gold", str(gold), "--errors", "3"
    ).stdout
    assert "figures found" in out
    result = json.loads(out.strip().splitlines()[-1])
    ours = result["ours"]
    assert (ours["gold"], ours["found"], ours["measure"]["accuracy"]) == (2, 1.0, 1.0)
    assert ours["claimant"]["accuracy"] == 1.0
    assert result["baseline"]["claimant"]["accuracy"] == 0.0
    assert set(result["halves"]) == {"tuning", "checking"}


@pytest.mark.slow
def test_figures_on_fakes_stay_above_the_floors():
    need(FAKES)
    need(GOLD)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench_script("figures_fakes.py", "--json", timeout=900).stdout)
    for key in ("data_sha256", "gold_sha256"):
        assert result[key] == pinned[key], (
            f"{key} differs from the data the floors were measured on: re-measure and re-pin "
            "bench/floors/figures_fakes.json"
        )
    checking = result["halves"][pinned["half"]]
    below = below_floors(checking["ours"], pinned["floors"])
    assert not below, f"below the pinned floors on the checking half (measured, floor): {below}"
    behind = behind_baseline(checking, pinned["beats_baseline"])
    assert not behind, f"not ahead of the baseline on the checking half: {behind}"
    for path, ceiling in pinned["ceilings"].items():
        assert score_at(result, path) <= ceiling, (path, score_at(result, path))
