"""bench/entities_re3d.py: its scoring rules, and the eval gate against pinned floors.

The unit tests build tiny gold folders and spans by hand and need neither ../shared nor the
model. The gate runs the bench as a subprocess on the re3d dev data, the way people and CI
run it, and fails when our scores on the checking half drop below
bench/floors/entities_re3d.json or fall behind plain spaCy there; when the gold files no
longer hash as they did when the floors were measured, the gate fails and names the files
(re-measure and re-pin the floors): a silent skip would let a changed data set pass.
"""

from __future__ import annotations

import importlib
import json
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED, behind_baseline, below_floors, need, run_bench_script

from rashomon.store.entities import MentionRow

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "entities_re3d.py"
FLOORS = REPO / "bench" / "floors" / "entities_re3d.json"
RE3D = SHARED / "eval-data" / "re3d"


@pytest.fixture
def bench(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("entities_re3d")


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return run_bench_script("entities_re3d.py", *args, timeout=300)


def mention(start: int, end: int, kind: str, **ids: str) -> MentionRow:
    return MentionRow(start, end, "x" * (end - start), kind, "test", 0, 100, **ids)


# -- scoring rules ---------------------------------------------------------------------------


def test_our_kinds_map_to_re3d_types(bench):
    assert bench.our_type(mention(0, 4, "person")) == "Person"
    assert bench.our_type(mention(0, 4, "organisation")) == "Organisation"
    assert bench.our_type(mention(0, 4, "metonym")) == "Organisation"
    assert bench.our_type(mention(0, 4, "metonym", place_id="p1")) == "Organisation"
    assert bench.our_type(mention(0, 4, "location")) == "Location"
    assert bench.our_type(mention(0, 4, "organisation", place_id="p1")) == "Location"
    assert bench.our_type(mention(0, 4, "nationality")) == "Nationality"
    assert bench.our_type(mention(0, 4, "title", actor_id="a1")) is None
    assert bench.our_type(mention(0, 4, "pronoun", actor_id="a1")) is None


def test_a_leading_the_is_stripped_before_matching(bench):
    Entity = bench.Entity
    gold = [Entity(10, 25, "Organisation", "the Kurdish YPG"), Entity(30, 33, "Person", "the")]
    assert bench.strip_the(gold[0]) == Entity(14, 25, "Organisation", "Kurdish YPG")
    assert bench.strip_the(gold[1]) == gold[1], "a bare 'the' is left alone"
    assert bench.strip_the(Entity(0, 8, "Person", "Theodore")) == Entity(0, 8, "Person", "Theodore")
    found = bench.match(gold[:1], [Entity(14, 25, "Organisation", "Kurdish YPG")])
    assert (found.counts.exact, found.counts.overlap) == (1, 1)


def test_overlap_matches_one_to_one_to_the_largest_overlap(bench):
    Entity = bench.Entity
    gold = [Entity(0, 20, "Person", "Defense Secretary Ash Carter")]
    predicted = [Entity(0, 7, "Person", "Defense"), Entity(8, 20, "Person", "Ash Carter")]
    found = bench.match(gold, predicted)
    assert (found.counts.gold, found.counts.predicted) == (1, 2)
    assert (found.counts.exact, found.counts.overlap) == (0, 1)
    assert found.spurious == (predicted[0],)
    assert found.missed == ()


def test_types_are_scored_apart_and_micro_sums_them(bench):
    Entity = bench.Entity
    text = "Turkey said the UK agreed."
    document = bench.Document(
        "d1",
        "src",
        text,
        (Entity(0, 6, "Organisation", "Turkey"), Entity(12, 18, "Organisation", "the UK")),
        (),
    )
    tally = bench.Tally()
    tally.score(
        document, [Entity(0, 6, "Location", "Turkey"), Entity(16, 18, "Organisation", "UK")]
    )
    scores = tally.scores(alias_pairs=0)
    org = scores["types"]["Organisation"]
    assert (org["gold"], org["predicted"], org["exact"]["recall"]) == (2, 1, 0.5)
    assert scores["types"]["Location"]["overlap"]["precision"] == 0.0
    assert scores["micro"]["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_alias_pairs_need_two_different_spans_with_one_key(bench):
    text = "Syrian Democratic Forces (SDF) and the Minister Tobias Ellwood"
    document = bench.Document("d1", "src", text, (), (((0, 24), (26, 29)), ((39, 47), (48, 62))))
    ours = [(0, 24, "sdf"), (26, 29, "sdf"), (39, 62, "ellwood")]
    assert bench.alias_hits(document, ours) == [True, False]
    assert bench.alias_hits(document, [(0, 24, "sdf"), (26, 29, "other")]) == [False, False]
    assert bench.normalised_text("The  Foreign Secretary") == "foreign secretary"


def write_source(folder: Path, documents, entities, relations) -> Path:
    folder.mkdir(parents=True)
    for name, rows in (
        ("documents.json", documents),
        ("entities.json", entities),
        ("relations.json", relations),
    ):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def entity_row(doc: str, begin: int, end: int, kind: str, confidence: float) -> dict:
    return {"documentId": doc, "begin": begin, "end": end, "type": kind, "value": "",
            "confidence": confidence}  # fmt: skip


def synonym_row(doc: str, a: tuple[int, int], b: tuple[int, int], confidence: float = 1) -> dict:
    return {"documentId": doc, "type": "IsSynonymOf", "confidence": confidence,
            "sourceBegin": a[0], "sourceEnd": a[1], "targetBegin": b[0], "targetEnd": b[1]}  # fmt: skip


def test_reading_filters_confidence_types_and_repeated_pairs(bench, tmp_path):
    text = "Daesh (also known as ISIL) fired a rocket at Mosul."
    rows = [
        entity_row("d1", 0, 5, "Organisation", 1),
        entity_row("d1", 0, 5, "Location", 0),  # rejected alternative type
        entity_row("d1", 21, 25, "Organisation", 0.93),
        entity_row("d1", 35, 41, "Weapon", 1),  # not a scored type
        entity_row("d1", 45, 50, "Location", 1),
    ]
    relations = [
        synonym_row("d1", (0, 5), (21, 25)),
        synonym_row("d1", (21, 25), (0, 5)),  # the same pair the other way round
        synonym_row("d1", (35, 41), (45, 50)),  # one end is not a scored entity
        synonym_row("d1", (0, 5), (45, 50), confidence=0.2),
    ]
    source = write_source(
        tmp_path / "re3d" / "Wire", [{"_id": "d1", "text": text}], rows, relations
    )
    for data in (tmp_path / "re3d", source):
        gold = bench.read_re3d(data)
        (document,) = gold.documents
        assert [(e.text, e.type) for e in document.entities] == [
            ("Daesh", "Organisation"), ("ISIL", "Organisation"), ("Mosul", "Location"),
        ]  # fmt: skip
        assert document.synonyms == (((0, 5), (21, 25)),)
        assert gold.synonym_pairs_all == 2
    combined, files = bench.gold_hashes(bench.source_folders(tmp_path / "re3d"), tmp_path / "re3d")
    assert sorted(files) == ["Wire/documents.json", "Wire/entities.json", "Wire/relations.json"]
    assert len(combined) == 64


def test_reading_accepts_extended_json_and_counts_rows_without_a_document(bench, tmp_path):
    """Sources exported at other dates wrap ids and numbers ({"$oid": ..}, {"$numberInt": ..});
    a row naming a document the folder lacks is counted, not a crash."""
    text = "Hezbollah fighters crossed into Qusayr."
    rows = [
        {"documentId": {"$oid": "d1"}, "begin": {"$numberInt": "0"}, "end": {"$numberInt": "9"},
         "type": "Organisation", "confidence": {"$numberDouble": "0.97"}},
        entity_row("elsewhere", 0, 4, "Person", 1),
        entity_row("d1", 30, 99, "Location", 1),  # runs past the text
    ]  # fmt: skip
    folder = write_source(tmp_path / "Wiki", [{"_id": {"$oid": "d1"}, "text": text}], rows, [])
    gold = bench.read_re3d(folder)
    (document,) = gold.documents
    assert [(e.text, e.type) for e in document.entities] == [("Hezbollah", "Organisation")]
    assert (gold.skipped.unknown_document, gold.skipped.bad_offsets) == (1, 1)


def test_reading_stops_on_a_row_without_offsets_or_no_gold(bench, tmp_path):
    from rashomon.errors import RashomonError

    bad = write_source(
        tmp_path / "a", [{"_id": "d1", "text": "x"}], [{"documentId": "d1", "type": "Person",
                                                        "confidence": 1}], []
    )  # fmt: skip
    with pytest.raises(RashomonError, match=r"entities\.json:1: field 'begin'"):
        bench.read_re3d(bad)
    empty = write_source(tmp_path / "b", [{"_id": "d1", "text": "x"}], [], [])
    with pytest.raises(RashomonError, match="no gold entities"):
        bench.read_re3d(empty)


# -- end to end and the gate -----------------------------------------------------------------


def test_one_source_folder_prints_a_table_then_json():
    folder = need(RE3D / "Delegation of the European Union to Syria")
    out = run_bench("--data", str(folder), "--errors", "3").stdout
    lines = out.strip().splitlines()
    assert any(line.startswith("micro") for line in lines), out
    assert any(line.startswith("ours on the tuning half, missed") for line in lines), out
    result = json.loads(lines[-1])
    assert result["documents"] == sum(result["sources"].values()) > 0
    assert set(result["gold_files"]) == {"documents.json", "entities.json", "relations.json"}
    for side in ("ours", "baseline"):
        assert set(result[side]["types"]) == set(result["types"])
    halves = result["halves"]
    assert set(halves) == {"tuning", "checking"}
    assert sum(h["documents"] for h in halves.values()) == result["documents"]
    assert (
        sum(h["ours"]["micro"]["gold"] for h in halves.values()) == result["ours"]["micro"]["gold"]
    )
    assert set(result["by_source"]) == set(result["sources"])
    assert any(line.startswith("checking half") for line in lines), out


def test_scores_on_re3d_stay_above_the_floors():
    need(RE3D)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = json.loads(run_bench("--json").stdout)
    assert result["documents"] > 0 and result["gold_entities"]["Person"] > 0
    if result["data_sha256"] != pinned["data_sha256"]:
        changed = sorted(
            name
            for name in {*result["gold_files"], *pinned["gold_files"]}
            if pinned["gold_files"].get(name) != result["gold_files"].get(name)
        )
        pytest.fail(
            f"re3d gold files differ from those the floors were measured on ({changed}); "
            "re-measure and re-pin bench/floors/entities_re3d.json"
        )
    checking = result["halves"][pinned["half"]]
    below = below_floors(checking["ours"], pinned["floors"])
    assert not below, f"below the pinned floors (measured, floor): {below}"
    behind = behind_baseline(checking, pinned["beats_baseline"])
    assert not behind, f"plain spaCy caught up (ours, spaCy): {behind}"
