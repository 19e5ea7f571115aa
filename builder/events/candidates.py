"""Which articles are worth comparing: an inverted index of their strongest terms, never all pairs."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix, hstack

from builder.events.sparse import first_per_row, strongest

TOP_TERMS = 30
"""How many of an article's strongest terms of each profile go into the index."""
MAX_POSTINGS = 1000
"""Terms among more articles' strongest terms than this are too common to suggest a pair."""
MAX_CANDIDATES = 30
"""Each article is compared with at most this many others: those sharing most indexed terms."""


def candidate_pairs(matrices: list[csr_matrix]) -> tuple[np.ndarray, np.ndarray]:
    """Return pairs (left < right) of rows that share an indexed term, at most MAX_CANDIDATES per row.

    The index is a 0/1 row-by-term matrix B; B·Bᵀ counts the indexed terms each pair shares.
    """
    blocks = []
    for matrix in matrices:
        marks = strongest(matrix, TOP_TERMS, binary=True)
        postings = np.asarray(marks.sum(axis=0)).ravel()
        blocks.append(marks[:, np.flatnonzero((postings >= 2) & (postings <= MAX_POSTINGS))])
    index = hstack(blocks).tocsr()
    shared = (index @ index.T).tocsr()
    shared.setdiag(0)
    shared.eliminate_zeros()
    # Most shared terms first, then the lower row.
    keep = first_per_row(shared, MAX_CANDIDATES)
    rows = np.repeat(np.arange(shared.shape[0]), np.diff(shared.indptr))[keep]
    columns = shared.indices[keep].astype(np.int64)
    pairs = np.unique(np.stack([np.minimum(rows, columns), np.maximum(rows, columns)], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]
