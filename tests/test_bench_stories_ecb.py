"""bench/stories_ecb.py: reading ECB+ on a tiny hand-made folder, and the eval gate.

The reading tests need neither ../shared nor the model. The gate runs the bench as a
subprocess on the topics pinned in bench/floors/stories_ecb.json (a subset that runs in well
under a minute), fails when our scores drop below the floors or behind the baselines of the
same run, and fails when the gold files are not those the floors were measured on.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "stories_ecb.py"
FLOORS = REPO / "bench" / "floors" / "stories_ecb.json"
ECBPLUS = SHARED / "eval-data" / "ecbplus"


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("stories_ecb")


def ecb_xml(name: str, sentences: list[str], mentions: dict[str, tuple[str, list[int]]],
            relations: list[tuple[str, str, list[str]]]) -> str:  # fmt: skip
    """A document in the CAT/CROMER layout: tokens, markables (m_id -> tag, token ids), relations."""
    tokens, t_id = [], 0
    for number, sentence in enumerate(sentences):
        for position, word in enumerate(sentence.split()):
            t_id += 1
            tokens.append(
                f'<token t_id="{t_id}" sentence="{number}" number="{position}">{word}</token>'
            )
    markables = "".join(
        f'<{tag} m_id="{m_id}">' + "".join(f'<token_anchor t_id="{t}"/>' for t in ids) + f"</{tag}>"
        for m_id, (tag, ids) in mentions.items()
    )
    links = "".join(
        f'<{kind} r_id="{n}"{f" note={chr(34)}{note}{chr(34)}" if note else ""}>'
        + "".join(f'<source m_id="{s}"/>' for s in sources)
        + f'<target m_id="t{n}"/></{kind}>'
        for n, (kind, note, sources) in enumerate(relations)
    )
    return (f'<Document doc_name="{name}.xml">{"".join(tokens)}<Markables>{markables}</Markables>'
            f"<Relations>{links}</Relations></Document>")  # fmt: skip


def tiny_ecbplus(root: Path) -> Path:
    """Topic 1 (a dam shelled, then stormed in another year) and topic 2 (a bank's rate rise)."""
    docs = {
        "1/1_1ecb": ecb_xml(
            "1_1ecb",
            ["Rebels shelled the Tabqa dam on Monday .", "The shelling killed two guards ."],
            {"1": ("ACTION_OCCURRENCE", [2]), "2": ("ACTION_OCCURRENCE", [10]),
             "3": ("ACTION_OCCURRENCE", [11]), "4": ("HUMAN_PART_PER", [1])},
            [("CROSS_DOC_COREF", "ACT1", ["1", "2"]), ("CROSS_DOC_COREF", "ACT2", ["3"])],
        ),
        "1/1_2ecb": ecb_xml(
            "1_2ecb",
            ["Shelling hit the Tabqa dam on Monday , killing two guards .", "Officials said so ."],
            {"1": ("ACTION_OCCURRENCE", [1]), "2": ("ACTION_OCCURRENCE", [9]),
             "3": ("ACTION_REPORTING", [14])},
            [("CROSS_DOC_COREF", "ACT1", ["1"]), ("CROSS_DOC_COREF", "ACT2", ["2"])],
        ),
        "1/1_1ecbplus": ecb_xml(
            "1_1ecbplus",
            ["http://example.org/dam", "Troops stormed the Tabqa dam in 2014 .", "They stayed ."],
            {"1": ("ACTION_OCCURRENCE", [3]), "2": ("NEG_ACTION_OCCURRENCE", [11]),
             "3": ("ACTION_OCCURRENCE", [1])},  # m3 is on the URL, which is left out
            [("INTRA_DOC_COREF", None, ["1", "2"])],
        ),
        "2/2_1ecb": ecb_xml(
            "2_1ecb",
            ["The central bank raised rates by half a point ."],
            {"1": ("ACTION_OCCURRENCE", [4])},
            [],
        ),
    }  # fmt: skip
    for name, xml in docs.items():
        (root / "ECB+" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "ECB+" / f"{name}.xml").write_text(xml, encoding="utf-8")
    rows = ["Topic,File,Sentence Number", "1,1ecb,0", "1,1ecb,1", "1,2ecb,0", "1,1ecbplus,1",
            "1,1ecbplus,2", "2,1ecb,0", "36,1ecb,0"]  # fmt: skip
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "\n".join(rows) + "\n", encoding="utf-8"
    )
    return root


# -- reading ---------------------------------------------------------------------------------


def test_topic_lists_take_ranges_and_refuse_words(bench):
    assert bench.topic_list("1-3,7") == ["1", "2", "3", "7"]
    with pytest.raises(bench.RashomonError):
        bench.topic_list("all")


def test_reading_keeps_selected_event_mentions_with_their_chains(bench, tmp_path):
    data = tiny_ecbplus(tmp_path / "ecb")
    selected = bench.selected_sentences(data / "ECBplus_coreference_sentences.csv")
    assert selected["1_1ecbplus"] == {1, 2}
    files = bench.document_files(data, ["1"], None)
    assert [p.stem for p in files] == ["1_1ecb", "1_1ecbplus", "1_2ecb"]
    first, plus, second = (bench.read_document(p, selected[p.stem]) for p in files)
    # the HUMAN_PART mention is not an event
    assert [(m.key, m.cluster) for m in first.mentions] == [
        ("1_1ecb:1", "ACT1"), ("1_1ecb:2", "ACT1"), ("1_1ecb:3", "ACT2"),
    ]  # fmt: skip
    assert [m.cluster for m in second.mentions] == ["ACT1", "ACT2"]  # "said" is not selected
    assert plus.words[0] == "Troops"  # the URL sentence is left out
    assert plus.subtopic == "1/ecbplus" and first.subtopic == "1/ecb" and first.topic == "1"
    assert [m.cluster for m in plus.mentions] == ["1_1ecbplus:intra:0"] * 2
    assert [plus.words[m.tokens[0]] for m in plus.mentions] == ["stormed", "stayed"]


def test_a_tiny_folder_prints_a_table_then_json(tmp_path):
    data = tiny_ecbplus(tmp_path / "ecb")
    done = run_bench_script("stories_ecb.py", "--data", str(data), "--topics", "1-2", timeout=300)
    lines = done.stdout.strip().splitlines()
    assert any(line.startswith("rashomon") for line in lines)
    assert any(line.startswith("same lemma") for line in lines)
    result = json.loads(lines[-1])
    assert (result["documents"], result["gold_subtopics"], result["event_mentions"]) == (4, 3, 8)
    assert result["gold_event_clusters"] == 4  # ACT1, ACT2, the intra chain, a singleton
    for side in ("ours", "baseline"):
        assert set(result[side]["stories"]) >= {"topic", "subtopic", "clusters"}
        assert 0.0 <= result[side]["events"]["conll_f1"] <= 1.0
    assert result["ours"]["stories"]["topic"]["precision"] == 1.0  # the bank is alone


def test_refuses_a_folder_without_the_ecb_layout(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "ECB+" in done.stderr


def test_the_sentence_list_may_lie_outside_the_folder(bench, tmp_path, monkeypatch):
    data = tiny_ecbplus(tmp_path / "ecb")
    moved = (data / "ECBplus_coreference_sentences.csv").rename(tmp_path / "list.csv")
    assert bench.sentences_file(data, moved) == moved
    monkeypatch.setattr(bench, "ECBPLUS", tmp_path / "absent")
    with pytest.raises(bench.RashomonError, match="--sentences FILE"):
        bench.sentences_file(data, None)
    with pytest.raises(bench.RashomonError, match="no such file"):
        bench.sentences_file(data, tmp_path / "nope.csv")
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(bench.RashomonError, match="not an ECB\\+ sentence list"):
        bench.selected_sentences(tmp_path / "bad.csv")
    done = run_bench_script(
        "stories_ecb.py", "--data", str(data), "--sentences", str(moved), "--topics", "1-2",
        "--json", timeout=300,
    )  # fmt: skip
    assert json.loads(done.stdout)["documents"] == 4


def test_a_missing_sentence_list_stops_with_one_line(tmp_path):
    data = tiny_ecbplus(tmp_path / "ecb")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--sentences", str(tmp_path / "x")],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "--sentences" in done.stderr


# -- the gate --------------------------------------------------------------------------------


def test_scores_on_ecbplus_stay_above_the_floors_and_the_baselines():
    need(ECBPLUS)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    done = run_bench_script("stories_ecb.py", "--json", "--topics", pinned["topics"], timeout=300)
    result = json.loads(done.stdout)
    assert result["documents"] > 0 and result["event_mentions"] > 0
    assert result["data_sha256"] == pinned["data_sha256"], (
        f"ECB+ topics {pinned['topics']} differ from the files the floors were measured on "
        f"(sha256 {result['data_sha256']}): re-measure and re-pin {FLOORS.name}"
    )
    below = below_floors(result["ours"], pinned["floors"])
    assert not below, f"below the pinned floors (measured, floor): {below}"
    behind = behind_baseline(result, pinned["beats_baseline"], strict=False)
    assert not behind, f"a baseline caught up (ours, baseline): {behind}"
