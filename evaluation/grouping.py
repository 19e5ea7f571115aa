"""Event grouping against gold events: Parallax beside a plain baseline, cross-validated over whole events.

The plain baseline is what anyone would try first: every article's TF-IDF vector of content words (sublinear
counts, smoothed IDF, stopwords out, unit length), cosine distance, average linkage over all pairs, cut at
distance 0.82 (the cut tuned for it on ECB+). Parallax must beat it on every set to earn its extra signals.

Cross-validation holds out whole gold groups (ECB+ topics, BASIL events): the event cut is chosen on the other
four folds of both sets together (one cut must serve every corpus) and scored on each set's held-out fold,
alone. The spread across folds says how far the figure can move on a corpus nobody tuned on.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from builder.config import Config
from builder.events.features import profiles
from builder.events.group import EVENT_CUT, event_groups
from builder.ingest import ingest
from builder.model import Article, Corpus
from builder.pipeline import analyse
from builder.screen import screen_articles
from evaluation.scores import b_cubed

BASELINE_CUT = 0.82
"""Cosine distance at which the plain baseline's average linkage stops merging."""
FOLDS = 5
CUTS = (0.04, 0.06, 0.08, 0.10, 0.12, 0.14)
"""The event cuts cross-validation chooses among."""


def file_key(article: Article) -> str:
    """Return the input file's name without its extension: what the gold labels are keyed by."""
    return Path(article.path).stem


@cache
def analysed(folder: Path) -> Corpus:
    """Return the whole analysis of one folder, run once per evaluation for every measure that needs it."""
    return analyse(Config(seeds_dir=folder, cache_dir=None))


@cache
def screened(folder: Path) -> tuple[Article, ...]:
    """Return the folder's articles after ingest and screening, ordered by id as grouping orders them."""
    config = Config(seeds_dir=folder, cache_dir=None)
    corpus = screen_articles(ingest(Corpus(), config), config)
    return tuple(sorted(corpus.articles, key=lambda a: a.id))


def baseline(articles: Sequence[Article]) -> dict[str, str]:
    """Group articles with the plain baseline; return file key -> group number."""
    if len(articles) < 2:
        return {file_key(a): "0" for a in articles}
    vectors = profiles(list(articles)).content
    distance = np.clip(1 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), "average"), BASELINE_CUT, "distance")
    return {file_key(a): str(label) for a, label in zip(articles, labels, strict=True)}


def parallax(articles: Sequence[Article], cut: float = EVENT_CUT) -> dict[str, str]:
    """Group articles as the events stage does (no corpus.yml rules); return file key -> group number."""
    ordered = list(articles)
    groups = event_groups(ordered, profiles(ordered).strongest(), list(range(len(ordered))), cut)
    return {file_key(ordered[i]): str(number) for number, group in enumerate(groups) for i in group}


def f1(found: Mapping[str, str], gold: Mapping[str, str]) -> float:
    return b_cubed(found, gold)[2]


def folds(articles: Sequence[Article], held_by: Mapping[str, str]) -> list[list[Article]]:
    """Split articles into FOLDS folds by whole gold groups, groups dealt round-robin in sorted order."""
    groups = sorted({held_by[file_key(a)] for a in articles})
    fold_of = {group: number % FOLDS for number, group in enumerate(groups)}
    return [[a for a in articles if fold_of[held_by[file_key(a)]] == n] for n in range(FOLDS)]


@dataclass(frozen=True)
class GoldSet:
    """One evaluation set: its articles, gold events, and the gold groups folds hold out whole."""

    name: str
    articles: Sequence[Article]
    gold: Mapping[str, str]
    held_by: Mapping[str, str]


def cross_validated(sets: Sequence[GoldSet]) -> list[tuple[str, str]]:
    """Choose the event cut on four folds of every set at once, score it on each set's fifth fold.

    One cut must serve every corpus, so each fold's cut is the one with the best mean F1 over all the sets'
    training folds; a set's figure is then the spread of its held-out folds.
    """
    splits = {s.name: folds(s.articles, s.held_by) for s in sets}
    ours: dict[str, list[float]] = {s.name: [] for s in sets}
    plain: dict[str, list[float]] = {s.name: [] for s in sets}
    chosen = []
    for number in range(FOLDS):
        trains = {
            s.name: [a for n, fold in enumerate(splits[s.name]) if n != number for a in fold] for s in sets
        }

        def score(cut: float, trains: dict[str, list[Article]] = trains) -> tuple[float, float]:
            mean = statistics.mean(f1(parallax(trains[s.name], cut), s.gold) for s in sets)
            return mean, -abs(cut - EVENT_CUT)

        cut = max(CUTS, key=score)
        chosen.append(cut)
        for s in sets:
            test = splits[s.name][number]
            ours[s.name].append(f1(parallax(test, cut), s.gold))
            plain[s.name].append(f1(baseline(test), s.gold))

    def spread(scores: list[float]) -> str:
        return f"mean {statistics.mean(scores):.3f}  min {min(scores):.3f}  max {max(scores):.3f}"

    rows = [("Grouping cross-validation: cuts chosen", ", ".join(map(str, chosen)))]
    for s in sets:
        met = "met" if statistics.mean(ours[s.name]) >= statistics.mean(plain[s.name]) else "NOT met"
        rows.append((f"{s.name} held-out folds, Parallax F1", f"{spread(ours[s.name])}  (≥ baseline: {met})"))
        rows.append((f"{s.name} held-out folds, baseline F1", spread(plain[s.name])))
    return rows


def grouping_rows(name: str, folder: Path, gold: Mapping[str, str], target: float) -> list[tuple[str, str]]:
    """Score the full run and the baseline on one set, with the target."""
    corpus = analysed(folder)
    key_of = {a.id: file_key(a) for a in corpus.articles}
    found = {key_of[i]: event.id for event in corpus.events for i in event.article_ids}
    p, r, ours = b_cubed(found, gold)
    _, _, plain = b_cubed(baseline(screened(folder)), gold)
    met = "met" if ours >= target and ours >= plain else "NOT met"
    return [
        (
            f"{name} B-cubed, event level",
            f"P {p:.3f}  R {r:.3f}  F1 {ours:.3f}  baseline F1 {plain:.3f}  "
            f"(target ≥ {target} and ≥ baseline: {met}; {len(corpus.events)} events for "
            f"{len(set(gold.values()))})",
        ),
    ]
