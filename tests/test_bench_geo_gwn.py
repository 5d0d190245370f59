"""bench/geo_gwn.py: its scoring on tiny hand-made files in both formats (GeoWebNews and
TR-News), its refusals, and the eval gate on GeoWebNews.

The gate works like trafilatura's: the floors and a hash of the gold data live in
bench/floors/geo_gwn.json and hold on the checking half; when the data on disk is not the
data the floors were measured on, the gate fails and says so rather than passing blindly.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED, need, run_bench_script

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "geo_gwn.py"
FLOORS = REPO / "bench" / "floors" / "geo_gwn.json"
GWN = SHARED / "eval-data" / "geoparsing-gwn-trnews" / "GWN.xml"

TINY_TEXT = "Syrian forces shelled Aleppo on Monday. Talks in Geneva stalled. The city was quiet."
ALEPPO = TINY_TEXT.index("Aleppo")
GENEVA = TINY_TEXT.index("Geneva")
CITY = TINY_TEXT.index("city")


def toponym(name: str, start: int, kind: str, lat: float | None = None, lon: float = 0.0) -> str:
    coords = (
        f"<geonamesID>1</geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude>"
        if lat is not None
        else ""
    )
    return (
        f"<toponym><extractedName>{name}</extractedName><type>{kind}</type><modifierType/>"
        f"<start>{start}</start><end>{start + len(name)}</end>{coords}</toponym>"
    )


def tiny_gwn(path: Path) -> Path:
    toponyms = "".join(
        [
            toponym("Aleppo", ALEPPO, "Literal", 36.2, 37.16),
            toponym("Geneva", GENEVA, "Literal", 46.2, 6.15),
            toponym("Syrian", 0, "Demonym"),
            toponym("city", CITY, "Literal_Expression"),
            toponym("Nowhere", -5, "Literal", 1.0, 1.0),  # a broken offset, as GWN has
        ]
    )
    path.write_text(
        f'<?xml version="1.0" ?><articles><article file="0"><title>t</title><text>'
        f"{TINY_TEXT}</text><toponyms>{toponyms}</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


# A TR-News-shaped file, written by hand: made-up sentences, real GeoNames points.
TR_TEXT = "Turkish aid reached Idlib. Talks resumed in Geneva after a pause."
TR_IDLIB = TR_TEXT.index("Idlib")
TR_GENEVA = TR_TEXT.index("Geneva")


def trnews_toponym(phrase: str, start: int, geonameid: int, name: str, lat: float, lon: float,
                   fcode: str = "PPLA") -> str:  # fmt: skip
    return (
        f"<toponym><phrase>{phrase}</phrase><start>{start}</start>"
        f'<end>{start + len(phrase)}</end><gaztag geonameid="{geonameid}"><name>{name}</name>'
        f"<fclass>P</fclass><fcode>{fcode}</fcode><lat>{lat}</lat><lon>{lon}</lon>"
        f'<country geonameid="1">somewhere</country></gaztag></toponym>'
    )


def tiny_trnews(path: Path) -> Path:
    toponyms = "".join(
        [
            trnews_toponym("Turkish", 0, 298795, "Turkey", 39.0, 35.0, "PCLI"),
            trnews_toponym("Idlib", TR_IDLIB, 169389, "Idlib", 35.93, 36.63),
            trnews_toponym("Geneva", TR_GENEVA, 2660646, "Geneva", 46.2, 6.15),
        ]
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<articles>\n  <article docid="7">\n'
        "    <title>t\n    </title><url>\n  http://example.org/a\n  </url>"
        "<domain>example.org</domain><dltime>2016-12-19</dltime>"
        f"<text><![CDATA[{TR_TEXT}]]></text><toponyms>{toponyms}</toponyms>\n"
        "  </article>\n</articles>\n",
        encoding="utf-8",
    )
    return path


def run_bench(*args: str, timeout: int = 300) -> dict:
    done = run_bench_script("geo_gwn.py", *args, timeout=timeout)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_scores_a_tiny_hand_made_file(tmp_path):
    result = run_bench("--data", str(tiny_gwn(tmp_path / "tiny.xml")), "--json")
    assert result["gold_toponyms"] == 2  # the demonym and the common noun do not count
    assert result["skipped_annotations"] == 1  # the broken offset
    ours = result["ours"]
    assert ours["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert ours["exact"]["f1"] == 1.0
    assert ours["acc161"] == ours["acc161_all"] == 1.0
    assert ours["median_km"] < 10
    assert result["baseline"]["predictions"] >= 1


def test_prints_a_table_then_json(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tiny_gwn(tmp_path / "tiny.xml"))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    rows = [line.split() for line in lines]
    for half in ("tuning", "checking", "whole"):
        assert any(r[:1] == [half] and "rashomon" in r for r in rows), half
        assert any(r[:1] == [half] and "spaCy" in r for r in rows), half
    assert json.loads(lines[-1])["benchmark"] == "geo_gwn"


def test_reads_the_trnews_format(tmp_path):
    result = run_bench("--data", str(tiny_trnews(tmp_path / "tr.xml")), "--json")
    assert result["format"] == "TR-News"
    assert result["gold_toponyms"] == 2  # "Turkish" is a nationality word: neutral
    ours = result["ours"]
    assert ours["overlap"]["recall"] == 1.0
    assert ours["acc161"] == 1.0
    assert set(result["halves"]) == {"tuning", "checking"}
    assert sum(h["gold_toponyms"] for h in result["halves"].values()) == 2


def run_failing(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_stops_on_an_unknown_format_or_no_gold_toponyms(tmp_path):
    odd = tmp_path / "odd.xml"
    odd.write_text(
        "<articles><article><text>In Aleppo.</text><toponyms><toponym><place>Aleppo</place>"
        "</toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    done = run_failing(odd)
    assert done.returncode == 2, done.stdout
    assert "unknown format" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    empty = tmp_path / "empty.xml"
    empty.write_text(
        "<articles><article><text>Hello.</text><toponyms><toponym><phrase>Nowhere</phrase>"
        "<start>50</start><end>57</end></toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    done = run_failing(empty)
    assert done.returncode == 2 and "no gold toponyms" in done.stderr, done.stderr


def test_refuses_a_missing_file(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path / "absent.xml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "no such file" in done.stderr


@pytest.mark.slow
def test_gwn_scores_stay_above_the_floors():
    data = need(GWN)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    if digest != floors["data_sha256"]:
        pytest.fail(
            f"{data} is not the GeoWebNews file the floors were measured on (sha256 {digest}, "
            f"floors {floors['data_sha256']}): re-measure and update {FLOORS.name}"
        )
    result = run_bench("--json", timeout=600)
    assert result["data_sha256"] == floors["data_sha256"]
    ours = result["halves"][floors["half"]]["ours"]
    assert ours["recognition_f1"] >= floors["recognition_f1"], ours
    assert ours["exact"]["f1"] >= floors["recognition_exact_f1"], ours
    assert ours["acc161"] >= floors["acc161"], ours
