"""bench/throughput.py runs end to end and reports self-consistent numbers.

The script runs as a subprocess, the way people and CI run it; the timings themselves are
not asserted (machines differ), only that both sides measured the same words.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import run_bench_script

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "throughput.py"

ARTICLES = {
    "harbour.txt": (
        "Ferry service resumes at northern harbour\n\n"
        "Port officials in the coastal town of Marrow Bay said on Tuesday that the ferry link "
        "to the islands would run again from next week, after a storm damaged the main pier "
        "in early March.\n\n"
        "Repairs cost around 2 million dollars, according to the harbour authority, which said "
        "engineers had replaced forty metres of decking and two mooring posts.\n\n"
        "Island residents had relied on a single fishing boat for supplies for almost a month. "
        '"We are relieved, but the crossing is still slow," said one shopkeeper.'
    ),
    "council.txt": (
        "Council delays vote on market square plan\n\n"
        "The city council of Lindenfeld postponed a vote on rebuilding the old market square "
        "on Monday evening, after traders asked for more time to study the proposal.\n\n"
        "The plan would close the square to cars and move the weekly market to a covered hall "
        "for up to eighteen months while the paving is replaced.\n\n"
        "A spokeswoman for the mayor said the council would meet again in June. Traders said "
        "they supported the work but feared losing customers during the closure."
    ),
    "orchard.txt": (
        "Late frost cuts apple harvest in valley farms\n\n"
        "Growers in the Esker valley expect to pick about a third fewer apples this autumn, "
        "after two nights of frost in late April killed blossom across hundreds of hectares.\n\n"
        "The regional growers' cooperative said smaller farms on the valley floor were worst "
        "hit, while orchards on the higher slopes escaped with little damage.\n\n"
        "Several farmers said they would ask the agriculture ministry for emergency support, "
        "and some plan to sell more cider instead of fresh fruit."
    ),
}


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return run_bench_script("throughput.py", *args, timeout=120)


def assert_consistent(result: dict) -> None:
    e2e, raw = result["e2e"], result["raw"]
    assert e2e["words_per_s"] > 0 and raw["words_per_s"] > 0
    assert e2e["words"] == raw["words"] == result["words"] > 0
    assert e2e["articles"] == raw["articles"] == result["articles"]
    assert result["overhead_x"] == pytest.approx(raw["words_per_s"] / e2e["words_per_s"], rel=1e-2)
    assert result["e2e_share_of_raw_pct"] == pytest.approx(100 / result["overhead_x"], rel=1e-2)
    assert len(e2e["pass_seconds"]) == len(raw["pass_seconds"]) == result["repeat"]
    assert e2e["peak_rss_mib"] > 0 and raw["peak_rss_mib"] >= e2e["peak_rss_mib"]
    assert result["model_key"] and result["spacy"] and result["python"]


def test_three_invented_articles_json_only(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = run_bench("--data", str(folder), "--json").stdout
    result = json.loads(out)  # --json: the whole of stdout is one JSON object
    assert_consistent(result)
    assert result["articles"] == result["articles_per_repeat"] == 3
    assert result["failed_inputs"] == 0
    assert result["field_map"] == {}, "the FA-KES mapping applies to CSV input only"


def test_seeds_repeated_print_a_table_then_json(seeds_dir):
    out = run_bench("--data", str(seeds_dir), "--repeat", "2").stdout
    lines = out.strip().splitlines()
    assert any(line.startswith("end-to-end") for line in lines), out
    assert any(line.startswith("raw spaCy") for line in lines), out
    result = json.loads(lines[-1])
    assert_consistent(result)
    assert (result["repeat"], result["articles_per_repeat"], result["articles"]) == (2, 5, 10)
    assert "fresh" in result["repeat_mode"]


def test_fakes_mapping_only_where_the_columns_exist(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from common import field_map_pairs

    fakes = tmp_path / "fakes.csv"
    fakes.write_text("unit_id,article_title,article_content,source,date\n1,T,Body,AFP,4/5/2017\n")
    plain = tmp_path / "plain.csv"
    plain.write_text("title,text\nT,Body\n")
    assert field_map_pairs(fakes, []) == [
        "title=article_title", "text=article_content", "outlet=source", "date=date",
    ]  # fmt: skip
    assert field_map_pairs(plain, ["outlet=site"]) == ["outlet=site"]
    assert field_map_pairs(tmp_path / "folder-of-txt", []) == []


# -- the gate: end to end keeps up with raw spaCy -----------------------------------------------

FLOORS = REPO / "bench" / "floors" / "throughput.json"


def seeds_sha256(folder: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_end_to_end_keeps_up_with_raw_spacy(seeds_dir, processes):
    """The same-run ratio of end-to-end to raw spaCy words/s stays above its pinned floor
    (a ratio holds across machines where a time does not)."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert seeds_sha256(seeds_dir) == floors["data_sha256"], (
        f"{seeds_dir} changed since the floors were pinned: re-measure and re-pin {FLOORS}"
    )
    gate = floors["gates"][str(processes)]
    out = run_bench_script("throughput.py", "--data", str(seeds_dir), "--repeat",
                           str(floors["repeat"]), "--processes", str(processes), "--json",
                           timeout=900).stdout  # fmt: skip
    result = json.loads(out)
    assert_consistent(result)
    share = result["e2e_share_of_raw_pct"]
    assert share >= gate["e2e_share_of_raw_pct"], (
        f"end to end ran at {share:.1f}% of raw spaCy with {processes} process(es); "
        f"the floor is {gate['e2e_share_of_raw_pct']}% ({FLOORS})"
    )
