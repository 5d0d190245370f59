"""Clustering scores for the story and event coreference benchmarks, written out in full.

MUC, B-cubed and CEAF-e (and CoNLL F1, their mean) as in the CoNLL-2012 reference scorer, and
the adjusted Rand index for document clustering. Written here rather than imported so the
benchmarks need nothing beyond numpy, and so every formula can be read next to its test.

Clusterings are sequences of clusters, each a collection of hashable mention keys. A mention
that one side lacks counts as unmatched (the usual "gold mentions" setting has none).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Sequence

import numpy as np

Clusters = Sequence[Collection[Hashable]]


def prf(p_num: float, p_den: float, r_num: float, r_den: float) -> dict[str, float]:
    precision = p_num / p_den if p_den else 0.0
    recall = r_num / r_den if r_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, cluster in enumerate(clusters) for m in cluster}


def _muc_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Vilain et al. 1995: links kept = size minus the parts the other side splits it into."""
    where = _index(response)
    num = den = 0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> dict[str, float]:
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return prf(p_num, p_den, r_num, r_den)


def _b_cubed_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Per mention of `key`: the share of its cluster that shares its `response` cluster."""
    where = _index(response)
    total, mentions = 0.0, 0
    for cluster in key:
        overlap = Counter(where[m] for m in cluster if m in where)
        total += sum(n * n for n in overlap.values()) / len(cluster)
        mentions += len(cluster)
    return total, mentions


def b_cubed(key: Clusters, response: Clusters) -> dict[str, float]:
    """Bagga & Baldwin 1998, mention-weighted."""
    r_num, r_den = _b_cubed_side(key, response)
    p_num, p_den = _b_cubed_side(response, key)
    return prf(p_num, p_den, r_num, r_den)


def ceaf_e(key: Clusters, response: Clusters) -> dict[str, float]:
    """Luo 2005, entity-based: the best one-to-one cluster alignment by phi4 = 2|K∩R|/(|K|+|R|).

    The alignment is solved separately on each connected group of clusters that share a
    mention, which keeps every assignment problem small.
    """
    keys = [set(c) for c in key]
    responses = [set(c) for c in response]
    where = _index(responses)
    parent = list(range(len(keys) + len(responses)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k, cluster in enumerate(keys):
        for m in cluster:
            if m in where:
                parent[root(len(keys) + where[m])] = root(k)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for k in range(len(keys)):
        groups.setdefault(root(k), ([], []))[0].append(k)
    for r in range(len(responses)):
        groups.setdefault(root(len(keys) + r), ([], []))[1].append(r)
    similarity = 0.0
    for rows, cols in groups.values():
        if rows and cols:
            phi = np.array(
                [
                    [2 * len(keys[k] & responses[r]) / (len(keys[k]) + len(responses[r]))
                     for r in cols]
                    for k in rows
                ]
            )  # fmt: skip
            similarity += best_assignment(phi)
    return prf(similarity, len(responses), similarity, len(keys))


def best_assignment(weights: np.ndarray) -> float:
    """Largest total weight of a one-to-one row/column matching (Hungarian, O(n^2 m))."""
    if weights.shape[0] > weights.shape[1]:
        weights = weights.T
    n, m = weights.shape
    if n == 1:
        return float(weights.max())
    cost = -weights
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    owner = np.zeros(m + 1, dtype=int)  # owner[j]: the row (1-based) matched to column j
    way = np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = owner[j0]
            free = ~used[1:]
            reduced = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            j1 = int(np.argmin(np.where(free, minv[1:], np.inf))) + 1
            delta = minv[j1]
            u[owner[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return float(sum(weights[owner[j] - 1, j - 1] for j in range(1, m + 1) if owner[j]))


def conll(key: Clusters, response: Clusters) -> dict[str, object]:
    """MUC, B-cubed and CEAF-e, and CoNLL F1: the mean of their three F1 scores."""
    scores = {"muc": muc(key, response), "b_cubed": b_cubed(key, response)}
    scores["ceaf_e"] = ceaf_e(key, response)
    f1 = sum(s["f1"] for s in scores.values()) / 3
    return {**scores, "conll_f1": f1}


def adjusted_rand(key: Clusters, response: Clusters) -> float:
    """Hubert & Arabie 1985 ARI over the items both sides cluster: 0 for chance, 1 when equal."""
    where = _index(response)
    items = [(k, where[m]) for k, cluster in enumerate(key) for m in cluster if m in where]
    n = len(items)
    if n < 2:
        return 1.0

    def pairs(counts: Collection[int]) -> float:
        return sum(math.comb(c, 2) for c in counts)

    both = pairs(Counter(items).values())
    rows, cols = (
        pairs(Counter(k for k, _ in items).values()),
        pairs(Counter(r for _, r in items).values()),
    )
    expected = rows * cols / math.comb(n, 2)
    best = (rows + cols) / 2
    return 1.0 if best == expected else (both - expected) / (best - expected)
