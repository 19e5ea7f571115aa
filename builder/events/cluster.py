"""Average-linkage clustering over a sparse graph of candidate pairs, cut at two heights."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Clusters:
    """Two levels of groups of item indexes: events, and the coarser topics that hold them."""

    events: list[list[int]]
    topics: list[list[int]]
    """Each topic as a list of indexes into `events`."""


def average_linkage(
    count: int, edges: dict[tuple[int, int], float], event_cut: float, topic_cut: float
) -> Clusters:
    """Merge the most alike pair of groups while their mean similarity (absent pairs: 0) is over the cut."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), similarity in edges.items():
        sums[a][b] = sums[b][a] = similarity
    heap = [(-s, a, b) for (a, b), s in edges.items() if a < b and s > topic_cut]
    heapq.heapify(heap)
    events: list[list[int]] | None = None
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(mean + negative) > 1e-12:
            continue  # stale: the pair's mean changed since it was pushed
        if events is None and mean <= event_cut:
            events = sorted(sorted(m) for m in members.values())
        # The group keeps the smaller index, so results do not depend on the order pairs were found in.
        keep, gone = (a, b) if a < b else (b, a)
        members[keep].extend(members.pop(gone))
        for other, value in sums.pop(gone).items():
            sums[other].pop(gone, None)
            if other == keep:
                continue
            total = sums[keep].get(other, 0.0) + value
            sums[keep][other] = sums[other][keep] = total
        for other, total in sums[keep].items():
            if other in members:
                pair_mean = total / (len(members[keep]) * len(members[other]))
                if pair_mean > topic_cut:
                    heapq.heappush(heap, (-pair_mean, min(keep, other), max(keep, other)))
    topics_final = sorted(sorted(m) for m in members.values())
    if events is None:
        events = topics_final
    index = {item: e for e, group in enumerate(events) for item in group}
    topics = [sorted({index[item] for item in group}) for group in topics_final]
    return Clusters(events, topics)
