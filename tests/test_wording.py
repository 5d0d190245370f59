"""reconcile/wording.py: the words a report is told in, and how alike two reports' words are."""

from __future__ import annotations

import math

from rashomon.facts import TermCounts
from rashomon.reconcile.wording import similarity, terms_of


def test_report_words_are_the_same_however_often_their_words_were_seen():
    texts = ["The buses\u2019 drivers said Tuesday's strikes hit Homs' markets at 9.",
             "Gas canisters and the bus's evacuees; an IS ally"]  # fmt: skip
    expected = ("ally", "bus", "canister", "driver", "evacuee", "gas", "hit", "hom", "market",
                "strike")  # fmt: skip
    assert terms_of(texts) == expected
    assert terms_of(texts) == expected  # its words known now


def test_word_similarity_is_the_plain_cosine_to_the_last_bit():
    def plain(mine, theirs, counts):
        a, b = set(mine), set(theirs)
        shared = sum(counts.weight(t) ** 2 for t in a & b)
        if not shared:
            return 0.0
        norm_a = math.sqrt(sum(counts.weight(t) ** 2 for t in a))
        norm_b = math.sqrt(sum(counts.weight(t) ** 2 for t in b))
        return shared / (norm_a * norm_b)

    words = ("bus", "convoy", "evacuee", "funeral", "killed", "market", "rashidin", "syria")
    sets = [words, words[:5], words[3:], ("killed", "syria"), ("gas",), words, ()]
    counts = TermCounts(counts={"killed": 9, "syria": 8, "market": 2, "bus": 1}, documents=10)
    for mine in sets:
        for theirs in sets:
            assert similarity(mine, theirs, counts) == plain(mine, theirs, TermCounts(
                counts=counts.counts, documents=counts.documents))  # fmt: skip
    assert similarity(words, words, counts) == plain(words, words, counts)
