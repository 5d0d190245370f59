"""Recognise the same article seen twice, and wire copies reprinted by other outlets.

Exact re-ingestion must be a no-op, so the article id derives from normalised content plus
the outlet: the same text from another outlet is another publication of it. Reprints are
rarely byte-identical (a new headline, a trimmed last paragraph), so near-copies are found
with MinHash over word shingles, banded for lookup, then confirmed by exact Jaccard.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from rashomon.article.outlets import name_key

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # 4 rows a band: pairs above ~0.6 Jaccard almost always share a band
COPY_THRESHOLD = 0.7  # Jaccard of shingle sets at which we call one text a copy of another
MIN_WORDS_FOR_NEAR_COPY = 40  # below this, shingle overlap says too little

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


def article_id(content: str, outlet: str | None, record_digest: str | None = None) -> str:
    """Stable id: the same text from the same outlet is the same article, whatever the file."""
    key = f"{content}|{name_key(outlet) if outlet else ''}|{record_digest or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


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


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps to find an article's copies later without re-reading all texts."""

    content_hash: str
    bands: tuple[str, ...]
    eligible: bool  # long enough for near-copy matching
    shingles: frozenset[int] = frozenset()  # kept for the comparison, not stored

    @classmethod
    def of(cls, title: str, body: str, content: str) -> Fingerprint:
        words = len(_WORD.findall(body))
        eligible = words >= MIN_WORDS_FOR_NEAR_COPY
        if not eligible:
            return cls(content, (), False)
        mine = frozenset(shingles(body))
        return cls(content, tuple(band_keys(minhash(mine))), True, mine)


class CopyLookup(Protocol):
    """The store queries duplicate detection needs (kept narrow so tests can use a real store)."""

    def copies_by_content(self, content_hash: str) -> list[tuple[str, str | None]]: ...

    def copies_by_bands(self, bands: Sequence[str]) -> list[tuple[str, str | None, str]]: ...


def find_original(
    lookup: CopyLookup, body: str, fingerprint: Fingerprint
) -> tuple[str | None, float | None]:
    """The canonical article this text copies, with the similarity, or (None, None).

    The canonical article is the first one stored of its group, so a chain of reprints
    points at one original instead of at each other.
    """
    exact = lookup.copies_by_content(fingerprint.content_hash)
    if exact:
        first_id, first_original = exact[0]
        return first_original or first_id, 1.0
    if not fingerprint.eligible:
        return None, None
    mine = set(fingerprint.shingles) or shingles(body)
    best: tuple[str | None, float] = (None, 0.0)
    for other_id, other_original, other_body in lookup.copies_by_bands(fingerprint.bands):
        score = jaccard(mine, shingles(other_body))
        if score >= COPY_THRESHOLD and score > best[1]:
            best = (other_original or other_id, score)
    return (best[0], round(best[1], 3)) if best[0] else (None, None)
