"""bench/events_location.py: its reading and scoring rules, and the eval gate against floors.

The unit tests build tiny event-location records by hand. The gate runs the bench as a
subprocess on the first records of the shared dev split, the way people and CI run it
(about 25 s, almost all of it parsing), and fails when our scores drop below
bench/floors/events_location.json or stop beating the nearest-place baseline, both on the
checking half; when the gold file no longer hashes as it did when the floors were measured,
the gate fails (re-measure and re-pin them).
"""

from __future__ import annotations

import gzip
import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors" / "events_location.json"
DEV = SHARED / "eval-data" / "event-location" / "labeled_text_dev.json.gz"


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("events_location")


def record(text: str, verb: str, place: str | None = None, **location: object) -> dict:
    """One record in the event-location format; `location` overrides the place span's keys."""
    start = text.index(verb)
    spans = [{"start": start, "end": start + len(verb), "label": "VERB"}]
    if place is not None:
        at = text.index(place)
        spans.append({"start": at, "end": at + len(place), "label": "LOCATION", **location})
    return {"text": text, "spans": spans}


TINY = [
    record("Rebels shelled Aleppo on Monday.", "shelled", "Aleppo"),
    record("The UN envoy for Syria said talks failed.", "said"),
    record("He told AFP in Geneva that the army had shelled Homs.", "shelled", "Homs"),
]


def write(path: Path, rows: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(rows, handle)
    return path


# -- reading --------------------------------------------------------------------------------


def test_broken_character_offsets_are_rebuilt_from_tokens(bench):
    text = "Gunmen attacked Mosul."
    tokens = [
        {"text": t, "start": text.index(t), "end": text.index(t) + len(t), "id": i}
        for i, t in enumerate(["Gunmen", "attacked", "Mosul", "."])
    ]
    span = {"start": 3, "end": 3, "token_start": 2, "token_end": 2, "text": "Mosul"}
    assert bench.gold_span(text, tokens, span) == ((16, 21), True)
    # tokens out of range: found by its text instead
    span = {"start": 3, "end": 4, "token_start": 9, "token_end": 9, "text": "Mosul"}
    assert bench.gold_span(text, tokens, span) == ((16, 21), True)
    assert bench.gold_span(text, tokens, {"start": 0, "end": 6}) == ((0, 6), False)
    assert bench.gold_span(text, [], {"start": 2, "end": 2, "text": "Basra"}) == (None, True)


def test_records_without_spans_or_text_are_skipped_and_counted(bench, tmp_path):
    unannotated = {"text": "Protesters gathered in Tunis.", "meta": {"source": "x"}}
    broken_verb = record("Troops left Kabul.", "left", "Kabul")
    broken_verb["spans"][0]["start"] = None
    rows = [unannotated, "not a record", broken_verb, *TINY]
    path = write(tmp_path / "d.json.gz", rows)
    reading = bench.read_records(path)
    assert (reading.without_spans, reading.skipped_records) == (2, 1)
    assert len(reading.records) == 3
    lines = tmp_path / "d.jsonl"  # Prodigy's JSON lines export
    lines.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert len(bench.read_records(lines).records) == 3
    write(tmp_path / "none.json.gz", [unannotated])
    with pytest.raises(bench.RashomonError, match="no usable records"):
        bench.read_records(tmp_path / "none.json.gz")


def test_a_file_of_unannotated_records_stops_with_one_line(tmp_path):
    path = write(tmp_path / "raw.json.gz", [{"text": "Nothing is marked here."}])
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "events_location.py"), "--data", str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "no usable records" in done.stderr


def test_reading_skips_records_without_one_verb_and_stops_at_the_limit(bench, tmp_path):
    two_verbs = record("Rebels shelled and stormed Homs.", "shelled", "Homs")
    two_verbs["spans"].append({"start": 19, "end": 26, "label": "VERB"})
    path = write(tmp_path / "d.json.gz", [two_verbs, *TINY])
    reading = bench.read_records(path)
    assert reading.skipped_records == 1
    assert [r.gold for r in reading.records] == [((15, 21),), (), ((48, 52),)]
    assert [r.syria for r in reading.records] == [True, True, False]
    assert len(bench.read_records(path, limit=2).records) == 2
    plain = tmp_path / "d.json"
    plain.write_text(json.dumps(TINY), encoding="utf-8")
    assert len(bench.read_records(plain).records) == 3
    plain.write_text("{}", encoding="utf-8")
    with pytest.raises(bench.RashomonError):
        bench.read_records(plain)


# -- scoring --------------------------------------------------------------------------------


def test_accuracy_and_linked_place_scores(bench):
    tally = bench.Tally()
    tally.add([(0, 5)], (2, 4))  # right: overlaps the gold place
    tally.add([(0, 5)], (9, 12))  # wrong place
    tally.add([(0, 5)], None)  # missed
    tally.add([], None)  # right: no place
    tally.add([], (1, 2))  # a place where there is none
    scores = tally.scores()
    assert scores["accuracy"] == pytest.approx(2 / 5)
    assert scores["accuracy_with_place"] == pytest.approx(1 / 3)
    assert scores["accuracy_without_place"] == pytest.approx(1 / 2)
    assert scores["precision"] == pytest.approx(1 / 3)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["predicted"] == 3


def test_the_baseline_takes_the_nearest_candidate(bench):
    assert bench.nearest((10, 15), []) is None
    assert bench.nearest((10, 15), [(0, 3), (30, 35), (17, 20)]) == 2
    assert bench.nearest((10, 15), [(0, 8), (17, 19)]) == 0  # ties go to the first


# -- end to end and the gate -----------------------------------------------------------------


def test_scores_a_tiny_hand_made_file(tmp_path):
    path = write(tmp_path / "tiny.json.gz", TINY)
    result = json.loads(
        run_bench_script("events_location.py", "--data", str(path), "--json").stdout
    )
    assert (result["records"], result["with_place"], result["syria_records"]) == (3, 2, 2)
    halves = result["halves"]
    assert halves["tuning"]["records"] + halves["checking"]["records"] == 3
    ours = result["ours"]["with_gold"]["all"]
    assert ours["accuracy"] == 1.0, ours
    baseline = result["baseline"]["with_gold"]["all"]
    assert baseline["accuracy_without_place"] == 0.0, baseline  # "Syria" is nearest to "said"


def test_prints_a_table_then_json(tmp_path):
    path = write(tmp_path / "tiny.json.gz", TINY[:1])
    lines = run_bench_script("events_location.py", "--data", str(path)).stdout.splitlines()
    assert any("rashomon" in line for line in lines)
    assert any("nearest place" in line for line in lines)
    assert json.loads(lines[-1])["benchmark"] == "events_location"


def test_refuses_a_missing_file(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "events_location.py"), "--data", str(tmp_path / "x")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "no such file" in done.stderr


def test_dev_scores_stay_above_the_floors_and_beat_the_baseline():
    need(DEV)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(
        run_bench_script("events_location.py", "--json", "--limit", str(pinned["limit"])).stdout
    )
    assert result["records"] == pinned["limit"]
    assert result["data_sha256"] == pinned["data_sha256"], (
        "the event-location dev file differs from the one the floors were measured on: "
        "re-measure and re-pin bench/floors/events_location.json"
    )
    checking = result["halves"][pinned["half"]]
    below = below_floors(checking["ours"], pinned["floors"])
    assert not below, f"below the pinned floors (measured, floor): {below}"
    behind = behind_baseline(checking, pinned["beats_baseline"])
    assert not behind, f"not above the baseline (ours, baseline): {behind}"
