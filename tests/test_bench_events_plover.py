"""bench/events_plover.py: its reading, matching and picking rules, and the eval gate.

The unit tests build tiny PLOVER_GSR records, markup and events by hand. The gate runs the
bench as a subprocess on the PLOVER_GSR dev file, the way people and CI run it (161 short
records, about 10 s), and fails when our scores drop below bench/floors/events_plover.json
or when the lexicon-lookup baseline catches up on the paths the floors file lists under
beats_baseline (type accuracy by less than its margin), all on the checking half; when the
gold file no longer hashes as it did when the floors were measured, the gate fails (re-measure
and re-pin them).
"""

from __future__ import annotations

import importlib
import json
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script, score_at

from rashomon.extract.events import packaged_lexicon
from rashomon.model import Event, EventArgument
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors" / "events_plover.json"
PLOVER_DEV = SHARED / "eval-data" / "plover-gsr" / "PLOVER_GSR_dev.json"

# The file's own shape: a DOCUMENT header, trailing commas, "" for no target.
TINY = """[
 {"id": "DOC-0001", "event": "DOCUMENT", "eventText": "header",},
 {
  "id": "PLOVER-GSR01-DEMAND-0001",
  "source": [{"actorText": "Serbia", "code": "SRB",},],
  "target": [{"actorText": "U.N. Security Council", "code": "IGO"}],
  "event": "DEMAND",
  "eventText": "demanded meeting",
  "text": "Serbia on Tuesday demanded a meeting of the U.N. Security Council.",
  "textInfo": {"markup": "(SRC: Serbia) on Tuesday (EVT: demanded) a (EVT: meeting) of the (TAR: U.N. Security Council)."},
 },
 {
  "id": "PLOVER-GSR01-FIGHT-0002",
  "source": [{"actorText": "Sudanese rebels", "code": "SDNREB"}],
  "target": "",
  "event": "FIGHT",
  "mode": "heavy-weapons",
  "eventText": "shelled",
  "text": "Sudanese rebels shelled the southern regional capital Juba on Sunday.",
  "textInfo": {"markup": "(SRC: Sudanese rebels) (EVT: shelled the southern regional capital Juba on Sunday."},
 },
]
"""


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("events_plover")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return run_bench_script("events_plover.py", *args, timeout=300)


def tiny_file(path: Path) -> Path:
    path.write_text(TINY, encoding="utf-8")
    return path


def event(start: int, end: int, kind: str = "AGREE", factuality: str = "asserted") -> Event:
    return Event(start, end, "x" * (end - start), kind, factuality=factuality)


# -- reading --------------------------------------------------------------------------------


def test_records_are_read_with_old_names_renamed_and_the_header_skipped(bench, tmp_path):
    records, digest, skipped = bench.read_plover(tiny_file(tmp_path / "tiny.json"))
    assert len(digest) == 64 and skipped == 0
    demand, fight = records
    assert (demand.type, demand.gold_type, demand.mode) == ("REQUEST", "DEMAND", None)
    assert demand.sources == ("Serbia",) and demand.targets == ("U.N. Security Council",)
    assert [demand.text[s:e] for s, e in demand.marked] == ["demanded", "meeting"]
    assert (fight.type, fight.mode, fight.targets) == ("ASSAULT", "heavy-weapons", ())
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(bench.RashomonError):
        bench.read_plover(tmp_path / "bad.json")


# Other shapes the GSR files take: textInfo as the markup string or absent, actors as a
# string, a single object or an empty list, a list of modes, no text (skipped), a lower-case
# event name. Made-up sentences.
ODD_SHAPES = """[
 {"id": "X-1", "event": "threaten", "mode": ["violence"], "source": "Ruritania",
  "target": {"actorText": "Freedonia"}, "text": "Ruritania threatened Freedonia with war.",
  "textInfo": "(SRC: Ruritania) (EVT: threatened) (TAR: Freedonia) with war.",},
 {"id": "X-2", "event": "PROTEST", "source": [], "target": [],
  "text": "Farmers marched on the capital."},
 {"id": "X-3", "event": "AGREE", "textInfo": {"markup": "(EVT: agreed)"},},
 {"id": "X-4", "text": "No event type here.", "textInfo": null},
]"""


def test_every_record_shape_is_read_and_unscorable_records_are_counted(bench, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(ODD_SHAPES, encoding="utf-8")
    records, _digest, skipped = bench.read_plover(path)
    assert skipped == 2  # X-3 has no text, X-4 no event
    threat, march = records
    assert (threat.type, threat.mode) == ("THREATEN", "violence")
    assert threat.sources == ("Ruritania",) and threat.targets == ("Freedonia",)
    assert [threat.text[s:e] for s, e in threat.marked] == ["threatened"]
    assert (march.sources, march.targets, march.marked) == ((), (), ())
    lines = tmp_path / "odd.jsonl"  # one object a line
    lines.write_text(
        "\n".join(
            json.dumps({"id": f"L-{n}", "event": "REJECT", "text": f"They refused {n} times."})
            for n in range(3)
        ),
        encoding="utf-8",
    )
    assert len(bench.read_plover(lines)[0]) == 3
    (tmp_path / "none.json").write_text('[{"id": "Y", "event": "AGREE"}]', encoding="utf-8")
    with pytest.raises(bench.RashomonError, match="no event records"):
        bench.read_plover(tmp_path / "none.json")


def test_the_halves_split_by_text(bench, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(ODD_SHAPES, encoding="utf-8")
    done = run_bench("--data", str(path), "--json")
    result = json.loads(done.stdout)
    assert result["skipped_records"] == 2
    halves = result["halves"]
    assert halves["tuning"]["records"] + halves["checking"]["records"] == result["records"] == 2
    for half in ("tuning", "checking"):
        assert set(halves[half]) == {"records", "ours", "baseline", "ours_unaided"}
    assert result["ours_unaided"]["picked"].keys() <= {"main", "none"}


def test_gold_modes_map_to_ours(bench):
    assert bench.gold_mode("PROTEST", "demo-org") == "demo"
    assert bench.gold_mode("ASSAULT", "other") is None
    assert bench.gold_mode("INVESTIGATE", "") == "investigate"
    assert bench.gold_mode("COERCE", "curfew") == "curfew"
    assert bench.same_mode("heavy-weapons", "aerial") and not bench.same_mode("curfew", None)


def test_an_unclosed_mark_ends_at_a_comma_and_is_found_near_its_place(bench):
    text = "Rebels attacked the town, and the army attacked the rebels."
    markup = "Rebels attacked the town, and the (SRC: army) (EVT: attacked the (TAR: rebels)."
    (span,) = bench.marked_spans(markup, text)
    assert span == (text.rindex("attacked"), text.rindex("attacked") + len("attacked the"))
    words = bench.marked_spans("(EVT: agreed  to) talk", "They agreed to talk.")
    assert words == ((5, 14),)


# -- matching and picking ---------------------------------------------------------------------


def test_actors_match_on_content_words_but_not_on_generic_ones_alone(bench):
    assert bench.actors_match("U.S.", "the US")
    assert bench.actors_match("Israel", "Israeli troops")
    assert bench.actors_match("Palestinians", "Palestinian police")
    assert bench.actors_match("Serb forces", "forces")
    assert not bench.actors_match("Serb forces", "Muslim forces")
    assert not bench.actors_match("Tokyo", "the")
    assert bench.any_match(["Iran", "Turkey"], ["its southern borders", "Turkey"])


def test_our_event_is_the_marked_one_else_the_first_not_negated(bench):
    first, marked = event(0, 5, "REJECT", "negated"), event(10, 15, "REQUEST")
    assert bench.pick_event([marked, first], [(11, 13)]) == (marked, "marked")
    assert bench.pick_event([marked, first], [(30, 40)]) == (marked, "first")
    assert bench.pick_event([first], []) == (first, "first")
    assert bench.pick_event([], [(0, 3)]) == (None, "none")


def test_resolved_arguments_also_answer_by_the_actor_name(bench):
    args = (EventArgument(0, 3, "its", "new:cfvc"), EventArgument(5, 9, "Iran", "iran"))
    texts = bench.argument_texts(args, {"new:cfvc": "Ceasefire Violations Committee"})
    assert texts == ("its", "Ceasefire Violations Committee", "Iran")


def test_the_baseline_takes_the_first_lexicon_word_and_the_nearest_phrases(bench, nlp):
    doc = nlp("Serbia on Tuesday demanded a meeting of the Security Council.")
    guess = bench.baseline_guess(doc, packaged_lexicon())
    assert (guess.type, guess.trigger) == ("REQUEST", "demanded")
    assert guess.sources == ("Tuesday",) and guess.targets == ("a meeting",)
    assert bench.baseline_guess(nlp("Nothing happened."), packaged_lexicon()).type is None


# -- end to end and the gate -------------------------------------------------------------------


def test_a_tiny_file_prints_a_table_then_json(tmp_path):
    path = tiny_file(tmp_path / "tiny.json")
    out = run_bench("--data", str(path), "--errors", "3").stdout
    lines = out.strip().splitlines()
    assert any(line.startswith("type accuracy") for line in lines), out
    result = json.loads(lines[-1])
    assert result["records"] == 2 and result["gold"]["with_target"] == 1
    assert set(result["ours"]["types"]) == {"REQUEST", "ASSAULT"}
    assert 0.0 <= result["ours"]["type_accuracy"] <= 1.0
    only_json = run_bench("--data", str(path), "--json", "--limit", "1").stdout
    lines = only_json.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["records"] == 1


def test_scores_on_plover_dev_stay_above_the_floors_and_the_baseline():
    need(PLOVER_DEV)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench("--json").stdout)
    assert result["records"] > 0 and result["gold"]["with_source"] > 0
    assert result["total_seconds"] < 60, result["total_seconds"]
    assert result["data_sha256"] == pinned["data_sha256"], (
        "PLOVER_GSR dev differs from the file the floors were measured on: re-measure and "
        "re-pin bench/floors/events_plover.json"
    )
    checking = result["halves"][pinned["half"]]
    below = below_floors(checking["ours"], pinned["floors"])
    assert not below, f"below the pinned floors (measured, floor): {below}"
    behind = behind_baseline(checking, pinned["beats_baseline"], strict=True)
    assert not behind, f"the lexicon-lookup baseline is not behind (ours, baseline): {behind}"
    short = {
        path: (score_at(checking["ours"], path), score_at(checking["baseline"], path))
        for path, margin in pinned["margins"].items()
        if score_at(checking["ours"], path) - score_at(checking["baseline"], path) < margin
    }
    assert not short, f"less than the pinned margin over the baseline: {short}"


def test_a_missing_or_empty_file_stops_with_one_line(tmp_path):
    import sys

    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    for path in (tmp_path / "absent.json", empty):
        done = subprocess.run(
            [sys.executable, str(REPO / "bench" / "events_plover.py"), "--data", str(path)],
            cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
