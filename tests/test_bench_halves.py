"""The tuning/checking split every accuracy bench uses."""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

from common import HALVES, half_of, split_halves  # noqa: E402


def test_half_depends_on_the_key_alone():
    assert half_of("1914947530") == half_of("1914947530")
    assert {half_of(str(n)) for n in range(50)} == set(HALVES)


def test_halves_are_roughly_even_and_disjoint():
    keys = [f"doc-{n}" for n in range(2000)]
    halves = split_halves(keys, key=lambda k: k)
    assert not set(halves["tuning"]) & set(halves["checking"])
    assert len(halves["tuning"]) + len(halves["checking"]) == 2000
    assert 850 < len(halves["checking"]) < 1150


def test_adding_records_never_moves_old_ones():
    before = split_halves(["a", "b", "c"], key=str)
    after = split_halves(["a", "b", "c", "d", "e"], key=str)
    for half in HALVES:
        assert set(before[half]) <= set(after[half])
