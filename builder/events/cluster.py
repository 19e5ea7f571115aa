"""Average-linkage clustering over a sparse graph: articles into events, then events into topics."""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy as np

Edges = dict[tuple[int, int], float]
"""(a, b) with a < b -> similarity; a missing pair counts as 0."""


def nearest_edges(left: np.ndarray, right: np.ndarray, similarity: np.ndarray, keep: int) -> Edges:
    """Return the union of each item's `keep` strongest edges.

    A big event's members each keep their closest few, which hold it together; the many weak edges
    every article has to look-alike stories are left out and cannot add up to a false merge.
    """
    by_item: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for a, b, s in zip(left.tolist(), right.tolist(), similarity.tolist(), strict=True):
        if s > 0:
            by_item[a].append((s, b))
            by_item[b].append((s, a))
    edges: Edges = {}
    for a in sorted(by_item):
        for s, b in heapq.nlargest(keep, by_item[a]):
            edges[(min(a, b), max(a, b))] = s
    return edges


def average_linkage(
    count: int,
    edges: Edges,
    cut: float,
    sizes: list[float] | None = None,
    neighbours: int | None = None,
) -> list[list[int]]:
    """Merge the most alike pair of groups while their linkage is at least `cut`; return the groups.

    Linkage is the groups' summed edge weight over the pairs that could have an edge: all of them
    (size × size) when the graph is complete, and at most `neighbours` per member of the smaller
    group when each item kept only its nearest neighbours.
    """
    size = [1.0] * count if sizes is None else list(sizes)

    def pairs(a: int, b: int) -> float:
        if neighbours is None:
            return size[a] * size[b]
        return min(size[a], size[b]) * min(max(size[a], size[b]), neighbours)

    links: list[dict[int, float]] = [{} for _ in range(count)]
    for (a, b), s in sorted(edges.items()):
        links[a][b] = links[b][a] = links[a].get(b, 0.0) + s
    heap = [(-w / pairs(a, b), a, b) for a in range(count) for b, w in sorted(links[a].items()) if a < b]
    heapq.heapify(heap)
    members = {i: [i] for i in range(count)}
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < cut:
            break
        if a not in members or b not in members or abs(links[a][b] / pairs(a, b) + negative) > 1e-12:
            continue  # stale: a group has gone or the pair's linkage changed since it was pushed
        if len(links[a]) < len(links[b]):
            a, b = b, a  # fold the group with fewer links into the other: less to move
        members[a].extend(members.pop(b))
        size[a] += size[b]
        del links[a][b]
        for other, w in sorted(links[b].items()):
            if other != a:
                del links[other][b]
                links[a][other] = links[other][a] = links[a].get(other, 0.0) + w
        links[b] = {}
        for other, w in sorted(links[a].items()):
            heapq.heappush(heap, (-w / pairs(a, other), min(a, other), max(a, other)))
    return sorted(sorted(m) for m in members.values())
