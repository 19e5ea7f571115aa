"""Scores: B-cubed precision, recall and F1 for a clustering against gold labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def b_cubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Return B-cubed (precision, recall, F1) over the items both mappings label."""
    items = sorted(set(predicted) & set(gold))
    pairs = Counter((predicted[i], gold[i]) for i in items)
    cluster_sizes = Counter(predicted[i] for i in items)
    class_sizes = Counter(gold[i] for i in items)
    precision = sum(pairs[(predicted[i], gold[i])] / cluster_sizes[predicted[i]] for i in items) / len(items)
    recall = sum(pairs[(predicted[i], gold[i])] / class_sizes[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
