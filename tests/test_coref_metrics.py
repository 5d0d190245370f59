"""bench/coref_metrics.py against values worked out by hand.

The coreference example is the one Pradhan et al. (2014, "Scoring coreference partitions of
predicted mentions: a reference implementation") work through: key {a b c} {d e f g},
response {a b} {c d} {f g h i}. Their published figures are MUC 0.40/0.40, B-cubed R 0.42
P 0.50, CEAF-e R 0.65 P 0.43; the exact fractions are derived in each test.
"""

from __future__ import annotations

import importlib
import itertools
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


@pytest.fixture
def metrics(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    return importlib.import_module("coref_metrics")


def test_muc_counts_links(metrics):
    # recall: key {abc} split in 2 parts keeps 1 of 2 links, {defg} split in 3 keeps 1 of 3
    # precision: {ab} keeps 1 of 1, {cd} 0 of 1, {fghi} (f g | h | i) 1 of 3
    scores = metrics.muc(KEY, RESPONSE)
    assert scores["recall"] == pytest.approx(2 / 5)
    assert scores["precision"] == pytest.approx(2 / 5)
    assert scores["f1"] == pytest.approx(0.4)


def test_b_cubed_averages_over_mentions(metrics):
    # recall: a, b 2/3 each, c 1/3; d 1/4, e 0, f, g 2/4 each: (5/3 + 5/4) / 7 = 5/12
    # precision: a, b 2/2; c, d 1/2; f, g 2/4; h, i 0: 4/8
    scores = metrics.b_cubed(KEY, RESPONSE)
    assert scores["recall"] == pytest.approx(5 / 12)
    assert scores["precision"] == pytest.approx(0.5)


def test_ceaf_e_takes_the_best_one_to_one_alignment(metrics):
    # phi4: K1-R1 = 4/5, K1-R2 = 2/5, K2-R2 = 2/6, K2-R3 = 4/8; best K1-R1 + K2-R3 = 1.3
    scores = metrics.ceaf_e(KEY, RESPONSE)
    assert scores["recall"] == pytest.approx(1.3 / 2)
    assert scores["precision"] == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three_f1(metrics):
    scores = metrics.conll(KEY, RESPONSE)
    mean = (scores["muc"]["f1"] + scores["b_cubed"]["f1"] + scores["ceaf_e"]["f1"]) / 3
    assert scores["conll_f1"] == pytest.approx(mean)


def test_identical_clusterings_score_one_and_singletons_have_no_muc_links(metrics):
    scores = metrics.conll(KEY, KEY)
    assert scores["conll_f1"] == pytest.approx(1.0)
    singletons = [{"x"}, {"y"}]
    assert metrics.muc(singletons, singletons)["f1"] == 0.0  # no links to find
    assert metrics.b_cubed(singletons, singletons)["f1"] == 1.0


def test_adjusted_rand_by_hand(metrics):
    # contingency (2, 1 / 0, 3): sum C(n,2) = 1 + 3 = 4; rows 3 + 3 = 6; columns 1 + 6 = 7;
    # expected 6 * 7 / C(6,2) = 2.8; maximum (6 + 7) / 2 = 6.5: ARI = 1.2 / 3.7
    key = [{"a", "b", "c"}, {"d", "e", "f"}]
    response = [{"a", "b"}, {"c", "d", "e", "f"}]
    assert metrics.adjusted_rand(key, response) == pytest.approx(1.2 / 3.7)
    assert metrics.adjusted_rand(key, key) == 1.0
    assert metrics.adjusted_rand(key, [{"a", "d"}, {"b", "e"}, {"c", "f"}]) < 0  # worse than chance


def test_best_assignment_matches_brute_force(metrics):
    rng = np.random.default_rng(7)
    for rows, cols in ((2, 2), (3, 5), (5, 3), (4, 4), (6, 6)):
        weights = rng.random((rows, cols))
        small, large = sorted((rows, cols))
        grid = weights if rows <= cols else weights.T
        best = max(
            sum(grid[i, j] for i, j in enumerate(perm))
            for perm in itertools.permutations(range(large), small)
        )
        assert metrics.best_assignment(weights) == pytest.approx(best)
