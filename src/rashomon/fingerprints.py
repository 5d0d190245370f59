"""Text fingerprints: what finds the same article seen twice and reprints of it.

Pure functions of a text (no rashomon layer below or above them), so the store can compute
the samples it keeps for lookup and the article layer can match copies. Why MinHash bands
for near copies and sampled shingles for excerpts: see rashomon.article.duplicates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # 4 rows a band: pairs above ~0.6 Jaccard almost always share a band
COPY_THRESHOLD = 0.7  # Jaccard of shingle sets at which we call one text a copy of another
CONTAINMENT_THRESHOLD = 0.8  # share of the shorter text's shingles found in the longer one
MIN_WORDS_FOR_NEAR_COPY = 40  # below this, shingle overlap says too little
SAMPLE_MOD = 8  # one shingle in eight (by hash) is kept for finding containment candidates
MIN_SHARED_SAMPLES = 2  # sampled shingles two texts must share to be compared
MAX_CANDIDATES = 25  # texts compared in full per new article, most shared samples first
# An excerpt keeps about CONTAINMENT_THRESHOLD of its sample in the fuller text's; half is the
# bar for comparing two texts in full, leaving room for the sample's chance variation.
MIN_SAMPLE_SHARE = 0.5

_PRIME = 4_294_967_311  # just above 2**32: (a * v + b) stays below 2**64 for 32-bit v, a, b


def _seed(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=4).digest()) >> 1 or 1


_A = np.array([_seed(f"a{i}") for i in range(PERMUTATIONS)], dtype=np.uint64)[:, None]
_B = np.array([_seed(f"b{i}") for i in range(PERMUTATIONS)], dtype=np.uint64)[:, None]
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Text with case, quote styles, dashes, accents and spacing flattened."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(text.split())


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{normalise(title)}\n{normalise(body)}".encode()).hexdigest()


def shingles(body: str) -> set[int]:
    words = _WORD.findall(normalise(body))
    if len(words) < SHINGLE_WORDS:
        return {_hash32(" ".join(words))} if words else set()
    return {
        _hash32(" ".join(words[i : i + SHINGLE_WORDS]))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def _hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest())


def minhash(shingle_set: Iterable[int]) -> list[int]:
    """Signature whose agreement rate estimates Jaccard similarity (vectorised: hot path)."""
    values = np.fromiter(shingle_set, dtype=np.uint64)
    if values.size == 0:
        return [0] * PERMUTATIONS
    return ((_A * values[None, :] + _B) % _PRIME).min(axis=1).tolist()


def band_keys(signature: list[int]) -> list[str]:
    """One key per band; two texts sharing any key are candidate copies."""
    rows = PERMUTATIONS // BANDS
    return [
        f"{band}:" + hashlib.blake2b(
            repr(signature[band * rows : (band + 1) * rows]).encode(), digest_size=8
        ).hexdigest()
        for band in range(BANDS)
    ]  # fmt: skip


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(part: set[int] | frozenset[int], whole: set[int] | frozenset[int]) -> float:
    """Share of `part`'s shingles that occur in `whole` (1.0: `part` is an excerpt of it)."""
    if not part or not whole:
        return 0.0
    return len(part & whole) / len(part)


def sample(shingle_set: Iterable[int]) -> tuple[int, ...]:
    """The shingles kept for lookup: a subset of a text's sample is a subset of its copies'."""
    return tuple(sorted(h for h in shingle_set if h % SAMPLE_MOD == 0))


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps to find an article's copies later without re-reading all texts."""

    content_hash: str
    bands: tuple[str, ...]
    eligible: bool  # long enough for near-copy matching
    shingles: frozenset[int] = frozenset()  # kept for the comparison, not stored
    samples: tuple[int, ...] = ()  # stored: the lookup keys for containment

    @classmethod
    def of(cls, title: str, body: str, content: str) -> Fingerprint:
        words = len(_WORD.findall(body))
        eligible = words >= MIN_WORDS_FOR_NEAR_COPY
        if not eligible:
            return cls(content, (), False)
        mine = frozenset(shingles(body))
        return cls(content, tuple(band_keys(minhash(mine))), True, mine, sample(mine))
