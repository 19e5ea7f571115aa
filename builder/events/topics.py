"""Topics: events about the same story (two earthquakes, one trial's hearings), by their mean profiles."""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix, diags

from builder.events.candidates import candidate_pairs
from builder.events.cluster import average_linkage
from builder.events.features import Profiles
from builder.events.sparse import strongest

TOPIC_CUT = 0.1
"""Mean similarity between the articles of two events at which they are one topic, however crowded."""
LOCAL_CUT = 1.2
"""Or: how many times more alike two events are than each is, on average, to its nearest few events."""
LOCAL_NEIGHBOURS = 5
"""How many of an event's most alike candidates set its usual level of similarity."""
LOCAL_FLOOR = 0.025
"""The lowest usual level: an event alike to nothing does not join the least unlike other one.

Unrelated articles of news-like text (the bench's synthetic corpus) reach mean similarities just under
LOCAL_FLOOR × LOCAL_CUT by chance alone."""


def _usual(count: int, left: np.ndarray, right: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """Return each event's mean similarity to its LOCAL_NEIGHBOURS most alike candidates (missing: 0)."""
    both = coo_matrix(
        (
            np.concatenate([similarity, similarity]),
            (np.concatenate([left, right]), np.concatenate([right, left])),
        ),
        shape=(count, count),
    ).tocsr()
    nearest = strongest(both, LOCAL_NEIGHBOURS)
    return np.maximum(np.asarray(nearest.sum(axis=1)).ravel() / LOCAL_NEIGHBOURS, LOCAL_FLOOR)


def topics(found: Profiles, events: list[list[int]]) -> list[list[int]]:
    """Return groups of event indexes; events nest in topics.

    The mean similarity of two events' articles is the similarity of their mean content profiles, so
    each event is one row here and the pairs again come from the term index. Names are left out:
    look-alike events of one story (two celebrities entering rehab) share what happened, not who.
    How alike is alike enough depends on the neighbourhood: among many crime stories every pair
    shares "police" and "shot", while two Oscar-host announcements share little with anything else.
    So a pair also counts as one topic when it stands out from each event's usual level of
    similarity to its nearest events (local scaling, as in self-tuning spectral clustering).
    """
    if len(events) < 2:
        return [list(range(len(events)))]
    rows = np.concatenate([np.array(e, dtype=np.int64) for e in events])
    which = np.concatenate([np.full(len(e), n, dtype=np.int64) for n, e in enumerate(events)])
    member = csr_matrix((np.ones(len(rows)), (which, rows)), shape=(len(events), found.content.shape[0]))
    sizes = np.array([len(e) for e in events], dtype=np.float64)
    mean = diags(1 / sizes) @ member
    content, names = (mean @ found.content).tocsr(), (mean @ found.names).tocsr()
    left, right = candidate_pairs([content, names])
    similarity = np.asarray(content[left].multiply(content[right]).sum(axis=1)).ravel()
    usual = _usual(len(events), left, right, similarity)
    scaled = similarity / np.sqrt(usual[left] * usual[right])
    # One linkage over both tests: each pair's edge is 1 where the easier of the two is just met.
    linkage = np.maximum(similarity / TOPIC_CUT, scaled / LOCAL_CUT)
    edges = {
        (a, b): w * sizes[a] * sizes[b]
        for a, b, s, w in zip(
            left.tolist(), right.tolist(), similarity.tolist(), linkage.tolist(), strict=True
        )
        if s > 0
    }
    return average_linkage(len(events), edges, 1.0, sizes=sizes.tolist())
