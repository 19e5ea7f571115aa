"""Why each article is in its event: its mean similarity to the other members and the terms they share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from builder.events.features import Profiles

SHOWN_TERMS = 8
"""Shared terms listed per article: names first, up to half, then words."""


@dataclass(frozen=True)
class Explanation:
    """Per article id: mean similarity to the other members (1 when alone), and the terms it shares."""

    scores: dict[str, float]
    terms: dict[str, tuple[str, ...]]


def _shared(matrix: csr_matrix, member: csr_matrix, event_of: np.ndarray) -> csr_matrix:
    """Return, per article and term, its weight times the other members' summed weight of the term."""
    others = (member @ matrix)[event_of] - matrix
    shared: csr_matrix = matrix.multiply(others).tocsr()
    return shared


def _ranked(matrix: csr_matrix, row: int, terms: list[str]) -> list[str]:
    """Return the row's terms with the largest shared weight, most first (ties: column order)."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    values, columns = matrix.data[start:end], matrix.indices[start:end]
    order = np.lexsort((columns, -values))[: 3 * SHOWN_TERMS]
    return [terms[columns[i]] for i in order if values[i] > 1e-12]


def explain(found: Profiles, groups: list[list[int]], ids: list[str]) -> Explanation:
    """Explain every article's membership at once: linear algebra over the events' summed profiles.

    An article's mean similarity to the others is its dot product with their summed profile,
    so no pair within an event is ever compared one by one.
    """
    rows = np.concatenate([np.array(g, dtype=np.int64) for g in groups]) if groups else np.zeros(0, np.int64)
    event_of = np.zeros(len(ids), dtype=np.int64)
    for number, group in enumerate(groups):
        event_of[group] = number
    member = csr_matrix((np.ones(len(rows)), (event_of[rows], rows)), shape=(len(groups), len(ids)))
    content = _shared(found.content, member, event_of)
    names = _shared(found.names, member, event_of)
    # As in `Profiles.similarities`: geometric mean of the two kinds, words alone without names.
    by_words = np.asarray(content.sum(axis=1)).ravel()
    by_names = np.asarray(names.sum(axis=1)).ravel()
    summed = np.where(
        np.diff(found.names.indptr) > 0, np.sqrt(by_words * np.maximum(by_names, 0.0)), by_words
    )
    sizes = np.array([len(g) for g in groups], dtype=np.int64)[event_of]
    scores: dict[str, float] = {}
    terms: dict[str, tuple[str, ...]] = {}
    for row, article_id in enumerate(ids):
        if sizes[row] < 2:
            scores[article_id], terms[article_id] = 1.0, ()
            continue
        scores[article_id] = float(summed[row] / (sizes[row] - 1))  # the mean over the other members
        forms = found.forms[row]
        written = [forms.get(t, t) for t in _ranked(names, row, found.name_terms)]
        # A joined name (`charles_lister`) stands for its parts: show it, not them again.
        shown = [n for n in written if not any(n != m and n in m.split() for m in written)]
        seen = {word.lower() for name in shown for word in name.split()}
        words = [t for t in _ranked(content, row, found.content_terms) if t not in seen]
        half = SHOWN_TERMS // 2
        terms[article_id] = tuple((shown[:half] + words[: SHOWN_TERMS - min(half, len(shown))])[:SHOWN_TERMS])
    return Explanation(scores, terms)
