"""bench/quotes_polnear.py: its reading and scoring rules, and the eval gate against floors.

The unit tests build tiny PolNeAR-shaped folders and attributions by hand. The gate runs the
bench as a subprocess on the PolNeAR dev split, the way people and CI run it (about 45 s,
almost all of it parsing), and fails when our scores drop below
bench/floors/quotes_polnear.json on the checking half; when the texts or the chosen .ann
files no longer hash as they did when the floors were measured, the gate fails (re-measure
and re-pin them).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, below_floors, need

from rashomon.model import Quote
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "quotes_polnear.py"
FLOORS = REPO / "bench" / "floors" / "quotes_polnear.json"
POLNEAR_DEV = SHARED / "eval-data" / "polnear" / "dev"

TEXT = '"We will win," Khoja said. The UN said that talks failed.'
ANN = (
    'T1\tContent 0 13\t"We will win,"\n'
    "T2\tSource 14 19\tKhoja\n"
    "T3\tCue 20 24\tsaid\n"
    "T4\tAttribution 20 24\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 26 32\tThe UN\n"
    "T6\tCue 33 37\tsaid\n"
    "T7\tContent 38 55\tthat talks failed\n"
    "T8\tAttribution-no-source 33 37\tsaid\n"
    "E2\tAttribution-no-source:T8 Cue:T6 Content:T7 Source:T5\n"
    "T9\tDiscuss 0 5\tnoise\n"
)


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("quotes_polnear")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def write_split(root: Path, texts: dict[str, str], anns: dict[str, str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for key, text in texts.items():
        (root / "text" / f"{key}.txt").write_text(text, encoding="utf-8")
    for name, ann in anns.items():
        (root / "attributions" / name).write_text(ann, encoding="utf-8")
    return root


# -- reading --------------------------------------------------------------------------------


def test_parse_ann_reads_attributions_and_skips_other_annotations(bench):
    rows = bench.parse_ann(ANN)
    assert rows == [
        ((20, 24), ((14, 19),), ((0, 13),)),
        ((33, 37), ((26, 32),), ((38, 55),)),
    ]
    discontinuous = (
        "T1\tContent 0 4;10 14\tab cd\nT2\tCue 5 9\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    )
    assert bench.parse_ann(discontinuous) == [((5, 9), (), ((0, 4), (10, 14)))]


def test_the_first_annotator_by_file_name_is_used(bench, tmp_path):
    split = write_split(
        tmp_path / "dev",
        {"a": TEXT},
        {"a_ef2d.ann": ANN, "a_4e07.ann": "T1\tCue 20 24\tsaid\n"},
    )
    assert bench.annotation_files(split) == {"a": split / "attributions" / "a_4e07.ann"}
    articles, digest = bench.read_polnear(split)
    assert [a.key for a in articles] == ["a"] and len(digest) == 64
    with pytest.raises(bench.RashomonError):
        bench.read_polnear(tmp_path)


# -- scoring -----------------------------------------------------------------------------------


def test_citron_metrics_exact_and_token_overlap(bench):
    A = bench.Attribution
    gold = [A((5, 6), ((3, 5),), ((0, 3),)), A((10, 11), ((8, 10),), ((12, 20),))]
    predicted = [A((5, 6), ((3, 5),), ((0, 2),)), A((30, 31), ((28, 30),), ((32, 34),))]
    tally = bench.Tally()
    tally.score(predicted, gold)
    scores = tally.scores()
    assert scores["cue"]["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert scores["source"]["exact"]["precision"] == 0.5
    assert scores["content"]["exact"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    content = scores["content"]["overlap"]
    assert content["precision"] == 2 / 4 and content["recall"] == 2 / 11


def test_spans_are_scored_without_punctuation_at_their_ends(bench, nlp):
    doc = nlp('"We will win," Khoja said.')
    assert bench.token_span(doc, 0, 14) == (1, 4)
    assert doc[1:4].text == "We will win"
    assert bench.token_span(doc, 24, 25) == (7, 8), "a span of punctuation only stays"


def test_our_quotes_sharing_a_cue_are_one_attribution(bench, nlp):
    text = '"We win," he said. "They lose."'
    doc = nlp(text)
    cue, speaker = text.index("said"), text.index("he")
    parts = [
        Quote(0, 9, text[0:9], "direct", "said", cue, cue + 4, "he", speaker, speaker + 2),
        Quote(19, 31, text[19:31], "direct", "said", cue, cue + 4, "he", speaker, speaker + 2),
    ]
    (attribution,) = bench.our_attributions(doc, parts)
    assert [doc[s:e].text for s, e in attribution.sources] == ["he"]
    assert [doc[s:e].text for s, e in attribution.contents] == ["We win", "They lose"]


# -- end to end and the gate -------------------------------------------------------------------


def test_another_split_prints_a_table_then_json(tmp_path):
    split = write_split(tmp_path / "mini", {"a": TEXT}, {"a_ef2d.ann": ANN})
    out = run_bench("--data", str(split), "--errors", "2").stdout
    lines = out.strip().splitlines()
    assert any(line.startswith("whole     rashomon") for line in lines), out
    result = json.loads(lines[-1])
    assert (result["documents"], result["gold_attributions"]) == (1, 2)
    assert result["ours"]["source"]["exact"]["recall"] == 1.0
    assert result["baseline"]["status"] in ("ok", "not installed")
    halves = result["halves"]
    assert halves["tuning"]["documents"] + halves["checking"]["documents"] == 1
    only_json = run_bench("--data", str(split), "--json").stdout.strip().splitlines()
    assert len(only_json) == 1 and json.loads(only_json[0])["benchmark"] == "quotes_polnear"


def test_without_textacy_the_baseline_is_reported_as_not_installed(bench, tmp_path, monkeypatch):
    split = write_split(tmp_path / "mini", {"a": TEXT}, {"a_ef2d.ann": ANN})
    monkeypatch.setattr(bench, "load_textacy", lambda: None)
    result, _ours, _baseline = bench.measure(bench.parse_args(["--data", str(split)]))
    assert result["baseline"] == {"status": "not installed"}
    assert result["ours"]["attributions"] == 2


def test_scores_on_polnear_dev_stay_above_the_floors():
    need(POLNEAR_DEV)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench("--json").stdout)
    assert result["documents"] > 0 and result["gold_attributions"] > 0
    assert result["data_sha256"] == pinned["data_sha256"], (
        "PolNeAR dev texts or annotations differ from those the floors were measured on: "
        "re-measure and re-pin bench/floors/quotes_polnear.json"
    )
    checking = result["halves"][pinned["half"]]
    below = below_floors(checking["ours"], pinned["floors"])
    assert not below, f"below the pinned floors (measured, floor): {below}"
