"""bench/scale.py runs as people run it and reports self-consistent numbers: a tiny corpus,
the sample phases only (the full run and Dask are the same code the scale tests cover)."""

from __future__ import annotations

import json

import pytest
from conftest import FAKES_CSV, need, run_bench_script


@pytest.mark.slow
def test_sample_phases_on_a_tiny_corpus(tmp_path):
    need(FAKES_CSV)
    out = run_bench_script("scale.py", "--articles", "12", "--sample", "4", "--skip-full",
                           "--skip-dask", "--keep", str(tmp_path), "--json",
                           timeout=600).stdout  # fmt: skip
    result = json.loads(out)
    assert result["articles"] == 12 and result["sample"] == 4 and result["words"] > 0
    one, two = result["throughput"]
    assert (one["processes"], two["processes"]) == (1, 2)
    for side in (one, two):
        assert side["articles"] == 4 and side["words"] == one["words"] > 0
        # the JSON rounds to 3 decimals: the share holds within what 0.5 ms on each time allows
        share = 100 * side["raw_seconds"] / side["e2e_seconds"]
        rounding = share * (0.0005 / side["raw_seconds"] + 0.0005 / side["e2e_seconds"]) + 0.0005
        assert side["e2e_share_of_raw_pct"] == pytest.approx(share, abs=rounding)
    writer = result["writer"]
    assert writer["articles"] == 4
    parts = writer["store_ms"] + writer["commit_ms"] + writer["place_ms"]
    assert writer["total_ms"] == pytest.approx(parts, abs=0.002) and parts > 0  # 4 roundings
    per_s = 1000 / writer["total_ms"]
    assert writer["articles_per_s"] == pytest.approx(
        per_s, abs=per_s * 0.0005 / writer["total_ms"] + 0.0005
    )
    assert result["dask"].startswith("skipped")
    corpus = (tmp_path / "corpus-12-7.jsonl").read_text(encoding="utf-8").splitlines()
    dates = [json.loads(line)["date"] for line in corpus]
    assert len(corpus) == 12 and all("2016-01-01" <= d <= "2018-01-05" for d in dates)
