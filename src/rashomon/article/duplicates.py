"""Recognise the same article seen twice, and wire copies reprinted by other outlets.

Exact re-ingestion must be a no-op, so the article id derives from normalised content plus
the outlet: the same text from another outlet is another publication of it. Reprints are
rarely byte-identical (a new headline, a trimmed last paragraph), so near-copies are found
with MinHash over word shingles, banded for lookup, then confirmed by exact Jaccard.

Excerpts are copies too: a saved lead, a reprint cut after five paragraphs, the same text
under another header. Their Jaccard with the full text is low (0.4 for a prefix of 40%), so
they are found by containment instead: the share of the shorter text's shingles that occur in
the longer one. Candidates come from a fixed sample of shingles (those whose hash is 0 modulo
SAMPLE_MOD): a text contained in another has its sample contained in the other's sample, so
containment survives the sampling, while MinHash bands do not.

Which one is the original: the fuller text. An excerpt that arrives after its full text is
recorded as a copy of it; a full text that arrives after an excerpt adopts it, so that excerpt
(and any copies already pointing at it) now point at the full text, and every group keeps one
original, the text the others were cut from. Only an original is adopted: an excerpt already
recorded as a copy of something keeps its original, and the newcomer joins that group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rashomon.article.outlets import name_key
from rashomon.fingerprints import (
    CONTAINMENT_THRESHOLD,
    COPY_THRESHOLD,
    MAX_CANDIDATES,
    MIN_SAMPLE_SHARE,
    MIN_SHARED_SAMPLES,
    Fingerprint,
    containment,
    jaccard,
    sample,
    shingles,
)


def article_id(content: str, outlet: str | None, record_digest: str | None = None) -> str:
    """Stable id: the same text from the same outlet is the same article, whatever the file."""
    key = f"{content}|{name_key(outlet) if outlet else ''}|{record_digest or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class CopyLookup(Protocol):
    """The store queries duplicate detection needs (kept narrow so tests can use a real store)."""

    def copies_by_content(self, content_hash: str) -> list[tuple[str, str | None]]: ...

    def copies_by_bands(self, bands: Sequence[str]) -> list[tuple[str, str | None, str]]: ...

    def copies_by_samples(
        self, samples: Sequence[int], min_shared: int, limit: int, min_share: float = 0.0
    ) -> list[tuple[str, str | None, str]]: ...


@dataclass(frozen=True)
class CopyMatch:
    """How a new text relates to the stored ones.

    `original`: the group's original this text copies (None: it copies nothing stored);
    `similarity`: Jaccard, or containment for an excerpt; `adopts`: a stored original that
    is an excerpt of this text, which this text replaces as its group's original.
    """

    original: str | None = None
    similarity: float | None = None
    adopts: str | None = None


def find_original(
    lookup: CopyLookup, body: str, fingerprint: Fingerprint
) -> tuple[str | None, float | None]:
    """The canonical article this text copies, with the similarity, or (None, None)."""
    match = match_copies(lookup, body, fingerprint)
    return match.original, match.similarity


def match_copies(lookup: CopyLookup, body: str, fingerprint: Fingerprint) -> CopyMatch:
    """Exact copy, near copy (Jaccard), excerpt of a stored text, or fuller text of one.

    The canonical article is the first one stored of its group, or the fuller text when an
    excerpt came first (see the module docstring), so a chain of reprints points at one
    original instead of at each other.
    """
    exact = lookup.copies_by_content(fingerprint.content_hash)
    if exact:
        first_id, first_original = exact[0]
        return CopyMatch(first_original or first_id, 1.0)
    if not fingerprint.eligible:
        return CopyMatch()
    mine = set(fingerprint.shingles) or shingles(body)
    candidates = {row[0]: row for row in lookup.copies_by_bands(fingerprint.bands)}
    for row in lookup.copies_by_samples(
        fingerprint.samples or sample(mine), MIN_SHARED_SAMPLES, MAX_CANDIDATES, MIN_SAMPLE_SHARE
    ):
        candidates.setdefault(row[0], row)
    best: tuple[str | None, float] = (None, 0.0)
    adopt: tuple[str | None, float] = (None, 0.0)
    joined: tuple[str | None, float] = (None, 0.0)  # fuller text of a copy of some original
    for other_id, other_original, other_body in candidates.values():
        theirs = shingles(other_body)
        near = jaccard(mine, theirs)
        excerpt = containment(mine, theirs)  # this text is cut from theirs
        fuller = containment(theirs, mine)  # theirs is cut from this text
        if near >= COPY_THRESHOLD or excerpt >= CONTAINMENT_THRESHOLD:
            score = near if near >= COPY_THRESHOLD else excerpt
            if score > best[1]:
                best = (other_original or other_id, score)
        elif fuller >= CONTAINMENT_THRESHOLD:
            if other_original is None:
                adopt = max(adopt, (other_id, fuller), key=lambda pair: pair[1])
            elif fuller > joined[1]:
                joined = (other_original, fuller)  # joins the group its excerpt belongs to
    if best[0]:
        return CopyMatch(best[0], round(best[1], 3))
    if adopt[0]:
        return CopyMatch(None, round(adopt[1], 3), adopts=adopt[0])
    if joined[0]:
        return CopyMatch(joined[0], round(joined[1], 3))
    return CopyMatch()
