"""Topics: events about the same story (two earthquakes, one trial's hearings), by their mean profiles."""

from __future__ import annotations

import dataclasses

import numpy as np
from scipy.sparse import csr_matrix, diags

from builder.events.candidates import candidate_pairs
from builder.events.cluster import average_linkage
from builder.events.features import Profiles

TOPIC_CUT = 0.05
"""Mean similarity between the articles of two events at which they are one topic."""


def topics(found: Profiles, events: list[list[int]]) -> list[list[int]]:
    """Return groups of event indexes; events nest in topics.

    The mean similarity of two events' articles is the similarity of their mean profiles, so each
    event is one row here and the pairs again come from the term index.
    """
    if len(events) < 2:
        return [list(range(len(events)))]
    rows = np.concatenate([np.array(e, dtype=np.int64) for e in events])
    which = np.concatenate([np.full(len(e), n, dtype=np.int64) for n, e in enumerate(events)])
    member = csr_matrix((np.ones(len(rows)), (which, rows)), shape=(len(events), found.content.shape[0]))
    sizes = np.array([len(e) for e in events], dtype=np.float64)
    mean = diags(1 / sizes) @ member
    centroids = dataclasses.replace(
        found, content=(mean @ found.content).tocsr(), names=(mean @ found.names).tocsr()
    )
    left, right = candidate_pairs([centroids.content, centroids.names])
    similarity = centroids.similarities(left, right)
    edges = {
        (a, b): s * sizes[a] * sizes[b]
        for a, b, s in zip(left.tolist(), right.tolist(), similarity.tolist(), strict=True)
        if s > 0
    }
    return average_linkage(len(events), edges, TOPIC_CUT, sizes=sizes.tolist())
