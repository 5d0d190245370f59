"""bench/numbers_newsquant.py: its scoring rules, and the eval gate against pinned floors.

The unit tests build tiny NewsQuant files and quantities by hand. The gate runs the bench as
a subprocess on the NewsQuant dev split, the way people and CI run it, and fails when our
scores on the checking half drop below bench/floors/numbers_newsquant.json, or when the
gold file no longer hashes as it did when the floors were measured. Only our
scores are gated: quantulum3 is an optional baseline, printed as "not installed" without it.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, below_floors, need, run_bench_script

from rashomon.model import NumberClaim

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors" / "numbers_newsquant.json"
NEWSQUANT = SHARED / "eval-data" / "newsquant" / "newsquant-dev.json"

TINY = [
    {
        "text": "Some 2,700 people were killed, and the index rose 5% to $84 billion.",
        "quantities": [
            {"change": "~", "value": "2700.0", "unit": "people", "normalized_unit": "people",
             "referred_concepts": "-"},
            {"change": "up", "value": "5.0", "unit": "%", "normalized_unit": "percentage",
             "referred_concepts": "index"},
            {"change": "=", "value": "84000000000.0", "unit": "$", "normalized_unit": "dollar",
             "referred_concepts": "index"},
        ],
    },
    {"text": "Dozens of people marched.", "quantities": [
        {"change": "=", "value": "12-120", "unit": "people", "normalized_unit": "people",
         "referred_concepts": "-"}]},
    {"text": "Nothing to count here.", "quantities": []},
]  # fmt: skip


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("numbers_newsquant")


def claim(value=None, low=None, high=None, qualifier="exact", unit=None, what=None, text="x"):
    return NumberClaim(0, 1, text, value, low, high, qualifier, what=what, unit=unit)


def tiny_file(path: Path, items=TINY) -> Path:
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


# -- scoring rules ---------------------------------------------------------------------------


def test_gold_values_units_and_ranges(bench):
    assert bench.parse_value("275.0") == (275.0, 275.0)
    assert bench.parse_value("12-120") == (12.0, 120.0)
    assert bench.parse_value("3.0 - 4.0") == (3.0, 4.0)
    assert bench.parse_value("-50800000000.0") == (-5.08e10, -5.08e10)
    assert bench.parse_value("1.99E-29") == (1.99e-29, 1.99e-29)
    assert bench.parse_value("about ten") is None
    assert bench.gold_unit("-") is None
    assert bench.gold_unit("% Germans") == "percentage"
    assert bench.gold_unit("Japanese Yen") == "japanese yen"


def test_our_claims_in_newsquant_terms(bench):
    lemma = str.lower
    after = bench.participles()
    q = bench.our_quantity(claim(300, qualifier="approximate", what="Nusra fighters"), lemma, after)
    assert (q.low, q.high, q.unit, q.change) == (300, 300, "fighters", "~")
    q = bench.our_quantity(claim(None, 100, 1000, "vague", what="people killed or injured"), lemma, after)  # fmt: skip
    assert (q.low, q.high, q.unit, q.change) == (100, 1000, "people", "=")
    q = bench.our_quantity(claim(900, None, 900, "at_most"), lemma, after)
    assert (q.low, q.high, q.unit, q.change) == (900, 900, None, "<")
    assert bench.our_quantity(claim(5, unit="percent"), lemma).unit == "percentage"
    assert bench.our_quantity(claim(5, unit="USD per share"), lemma).unit == "dollar per share"
    assert bench.our_quantity(claim(5, unit="kilometre"), lemma).unit == "kilometre"
    assert bench.our_quantity(claim(5, 5, None, "at_least"), lemma).change == ">"
    assert bench.counted_head("commercial fishermen", lemma, after) == "fishermen"
    assert bench.counted_head("people dead", lemma, after) == "people"


def test_value_and_unit_matching(bench):
    Q = bench.Quantity
    assert bench.value_match(Q(3000, 3000, None, "="), Q(3000.4, 3000.4, None, "="))
    assert not bench.value_match(Q(3000, 3000, None, "="), Q(3100, 3100, None, "="))
    assert bench.value_match(Q(12, 120, None, "="), Q(12, 120, None, "="))
    half = Q(50, 50, "percentage", "=", share=True)
    assert bench.value_match(Q(0.5, 0.5, None, "="), half), "a gold ratio matches our percent"
    assert not bench.value_match(Q(0.5, 0.5, None, "="), Q(50, 50, None, "="))
    assert bench.unit_match(Q(1, 1, "first-team player", "="), Q(1, 1, "player", "="))
    assert bench.unit_match(Q(1, 1, None, "="), Q(1, 1, None, "="))
    assert not bench.unit_match(Q(1, 1, None, "="), Q(1, 1, "people", "="))
    assert not bench.unit_match(Q(1, 1, "dollar per share", "="), Q(1, 1, "share", "="))


def test_matching_is_one_to_one_and_prefers_the_unit(bench):
    Q = bench.Quantity
    gold = [Q(5, 5, "percentage", "up"), Q(5, 5, "dollar", "=")]
    predicted = [Q(5, 5, "dollar", "=", text="$5"), Q(5, 5, "percentage", "=", text="5%")]
    tally = bench.Tally()
    tally.score(gold, predicted)
    tally.score([Q(7, 7, None, "~")], [Q(7, 7, None, "~"), Q(7, 7, None, "=")])
    scores = tally.scores()
    assert (scores["gold"], scores["predicted"]) == (3, 4)
    assert scores["value"]["recall"] == 1.0 and scores["value"]["precision"] == 0.75
    assert scores["unit"]["recall"] == 1.0
    assert scores["change"] == {
        "pairs": 3, "accuracy": 2 / 3, "expressible_pairs": 2, "expressible_accuracy": 1.0,
    }  # fmt: skip


def test_reading_a_file_or_a_folder(bench, tmp_path):
    path = tiny_file(tmp_path / "split.json")
    for data in (path, tmp_path):
        gold = bench.read_newsquant(data)
        assert [len(i.gold) for i in gold.items] == [3, 1, 0]
        assert gold.items[1].gold[0].low == 12 and gold.items[1].gold[0].high == 120
    combined, files = bench.gold_hashes(gold.files)
    assert list(files) == ["split.json"] and len(combined) == 64
    with pytest.raises(bench.RashomonError):
        bench.read_newsquant(tiny_file(tmp_path / "bad.json", {"text": "x"}))


def test_a_missing_baseline_says_not_installed(bench, monkeypatch):
    monkeypatch.setattr(bench, "versions", lambda *names: {n: None for n in names})
    baseline = bench.Baseline()
    assert baseline.error == "not installed"
    assert baseline.quantities("Some 300 people.") == []
    rows = bench._rows({"ours": bench.Tally().scores(), "baseline": None})
    assert all(row["all_baseline"] is None for row in rows)
    assert all(row["all_ours"] is not None for row in rows)


# -- end to end and the gate -----------------------------------------------------------------


def test_a_tiny_split_prints_a_table_then_json(tmp_path):
    need(SHARED)
    path = tiny_file(tmp_path / "tiny.json")
    out = run_bench_script("numbers_newsquant.py", "--data", str(path), "--errors", "3").stdout
    lines = out.strip().splitlines()
    assert any(line.startswith("value F1") for line in lines), out
    assert any(line.startswith("ours, missed") for line in lines), out
    result = json.loads(lines[-1])
    assert (result["sentences"], result["gold_quantities"]) == (3, 4)
    assert result["ours"]["value"]["recall"] == 1.0, result["ours"]
    assert result["baseline_status"] in ("ok", "not installed")


@pytest.mark.slow
def test_scores_on_newsquant_stay_above_the_floors():
    need(NEWSQUANT)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench_script("numbers_newsquant.py", "--json").stdout)
    assert result["gold_quantities"] > 0
    assert result["data_sha256"] == pinned["data_sha256"], (
        "NewsQuant gold differs from the file the floors were measured on: re-measure and "
        "re-pin bench/floors/numbers_newsquant.json"
    )
    assert pinned["half"] == "checking" and pinned["floors"]
    below = below_floors(result["halves"][pinned["half"]]["ours"], pinned["floors"])
    assert not below, f"below the pinned floors on the checking half (measured, floor): {below}"
    assert result["seconds"]["total"] < 90, result["seconds"]


def test_the_halves_split_the_sentences(tmp_path):
    need(SHARED)
    items = [{"text": f"Some {n} people fled town {n}.", "quantities": [
        {"change": "~", "value": f"{n}.0", "unit": "people", "normalized_unit": "people",
         "referred_concepts": "-"}]} for n in range(2, 14)]  # fmt: skip
    path = tiny_file(tmp_path / "twelve.json", items)
    result = json.loads(
        run_bench_script("numbers_newsquant.py", "--data", str(path), "--json").stdout
    )
    halves = result["halves"]
    tuning, checking = halves["tuning"]["ours"], halves["checking"]["ours"]
    assert tuning["gold"] + checking["gold"] == result["ours"]["gold"] == 12
    assert halves["tuning"]["sentences"] + halves["checking"]["sentences"] == 12
    assert tuning["gold"] and checking["gold"]
    assert result["ours"]["value"]["recall"] == 1.0
