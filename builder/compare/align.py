"""N-way sentence alignment: one row per sentence, holding that sentence in every account that has it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from builder.model import Article, Row
from builder.vocabulary import verbs

MATCH = 55
"""Similarity (0-100) at which two sentences are one sentence, edited or paraphrased, and share a row."""
EDITED = 75
"""Character similarity at which a matched sentence counts as edited rather than paraphrased."""
SPLIT = 85
"""How much of a leftover sentence must be found inside a neighbour's row for it to be a split."""
SPLIT_WORDS = 0.8
"""Or: the share of its words (at least three) that the neighbour holds: a split may reword a little."""


_EDGES = ".,;:!?\"'()“”‘’"


def contained(short: str, long: str) -> bool:
    """Whether sentence `short` is a part of sentence `long`: one side of a split or a merge."""
    if len(long) <= len(short):
        return False
    words = [w.strip(_EDGES) for w in short.split()]
    if len(words) >= 3:
        inside = {w.strip(_EDGES) for w in long.split()}
        if sum(w in inside for w in words) >= SPLIT_WORDS * len(words):
            return True
    return fuzz.partial_ratio(short, long) >= SPLIT


def similarities(keys: list[str], others: list[str]) -> np.ndarray:
    """Character similarity, or word-order-free similarity (a paraphrase reorders clauses), discounted.

    Both are computed in C for every pair at once.
    """
    chars = process.cdist(keys, others, scorer=fuzz.ratio, dtype=np.float32)
    words = process.cdist(keys, others, scorer=fuzz.token_sort_ratio, dtype=np.float32)
    result: np.ndarray = np.maximum(chars, 0.95 * words)
    return result


@dataclass
class _Row:
    cells: dict[str, list[int]] = field(default_factory=dict)
    key: str = ""
    moved: bool = False
    merged: bool = False


def base_order(articles: list[Article]) -> list[Article]:
    """Order the columns: the account with most sentences first (it holds most rows), earliest, id."""
    return sorted(articles, key=lambda a: (-len(a.sentences), a.published or "9999", a.id))


def _pairs(keys: list[str], rows: list[_Row]) -> list[tuple[int, int]]:
    """Return one-to-one (sentence, row) matches, most similar first."""
    if not keys or not rows:
        return []
    scores = similarities(keys, [r.key for r in rows])
    found = np.argwhere(scores >= MATCH)
    ranked = sorted(((-scores[i, r], int(i), int(r)) for i, r in found))
    taken_s: set[int] = set()
    taken_r: set[int] = set()
    chosen = []
    for _score, i, r in ranked:
        if i not in taken_s and r not in taken_r:
            taken_s.add(i)
            taken_r.add(r)
            chosen.append((i, r))
    return chosen


def _increasing(positions: list[int]) -> set[int]:
    """Return the indexes of a longest increasing run of positions (those not moved)."""
    tails: list[int] = []
    index: list[int] = []
    parent = [-1] * len(positions)
    for n, p in enumerate(positions):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < p:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(p)
            index.append(n)
        else:
            tails[lo] = p
            index[lo] = n
        parent[n] = index[lo - 1] if lo else -1
    kept: set[int] = set()
    n = index[-1] if index else -1
    while n >= 0:
        kept.add(n)
        n = parent[n]
    return kept


def _merge_into_neighbours(rows: list[_Row], row_of: dict[int, _Row], keys: list[str], article: str) -> None:
    """Two sentences there, one here (a merge): fold a row this account lacks into the neighbouring row
    whose sentence here holds it."""
    sentence_of = {id(row): i for i, row in row_of.items()}
    n = 0
    while n < len(rows):
        row = rows[n]
        if id(row) in sentence_of:
            n += 1
            continue
        for m in (n - 1, n + 1):
            if not 0 <= m < len(rows) or id(rows[m]) not in sentence_of:
                continue
            mine = keys[sentence_of[id(rows[m])]]
            if contained(row.key, mine):
                near = rows[m]
                for aid, ids in row.cells.items():
                    near.cells.setdefault(aid, []).extend(ids)
                near.key = f"{row.key} {near.key}" if m > n else f"{near.key} {row.key}"
                near.merged = True
                del rows[n]
                break
        else:
            n += 1


def align(articles: list[Article]) -> tuple[list[str], list[Row], dict[int, str]]:
    """Return the column order, the rows, and per row number the kind of an `added` row's content."""
    order = base_order(articles)
    base = order[0]
    rows = [_Row({base.id: [i]}, s.key.lower()) for i, s in enumerate(base.sentences)]
    for article in order[1:]:
        keys = [s.key.lower() for s in article.sentences]
        matched = dict(_pairs(keys, rows))
        row_of: dict[int, _Row] = {i: rows[r] for i, r in matched.items()}
        # Leftovers found inside a neighbour's row: one sentence there, two here (a split).
        for i in range(len(keys)):
            if i in row_of:
                continue
            for j in (i - 1, i + 1):
                near = row_of.get(j)
                if near and contained(keys[i], near.key):
                    row_of[i] = near
                    break
        _merge_into_neighbours(rows, row_of, keys, article.id)
        # Moved: matched sentences out of the base order.
        order_ids = sorted(matched)
        positions = [rows.index(row_of[i]) for i in order_ids]
        kept = _increasing(positions)
        for n, i in enumerate(order_ids):
            if n not in kept:
                row_of[i].moved = True
        # Sentences no row has become rows of their own, after the row of the sentence before them.
        last = -1
        for i in range(len(keys)):
            row = row_of.get(i)
            if row is None:
                row = _Row({}, keys[i])
                rows.insert(last + 1, row)
                row_of[i] = row
            row.cells.setdefault(article.id, []).append(i)
            last = rows.index(row)
    columns = [a.id for a in order]
    by_id = {a.id: a for a in order}
    out: list[Row] = []
    added: dict[int, str] = {}
    for number, row in enumerate(rows, 1):
        cells = tuple(
            (aid, tuple(by_id[aid].sentences[i].id for i in sorted(row.cells[aid])))
            for aid in columns
            if aid in row.cells
        )
        kind = _kind(row, len(columns), [by_id[aid] for aid in row.cells])
        if kind == "added":
            first = next(iter(row.cells))
            added[number] = content_of(" ".join(by_id[first].sentences[i].text for i in row.cells[first]))
        out.append(Row(number, kind, cells))
    return columns, out, added


def _kind(row: _Row, accounts: int, members: list[Article]) -> str:
    if len(row.cells) < accounts:
        return "added"
    if row.moved:
        return "moved"
    if row.merged:
        return "merged"
    if any(len(c) > 1 for c in row.cells.values()):
        return "split"
    texts = [" ".join(a.sentences[i].key.lower() for i in row.cells[a.id]) for a in members]
    if len(set(texts)) == 1:
        return "identical"
    if min(fuzz.ratio(texts[0], t) for t in texts[1:]) >= EDITED:
        return "edited"
    return "paraphrased"


_SAYS = frozenset(verbs.SAYS - verbs.NOUNISH)
"""Forms of the verbs of saying that are not also nouns ("said", "told", "added"; not "report", "state")."""


def content_of(text: str) -> str:
    """Name what a sentence only some accounts have contains: a quote, an attribution, or background."""
    if any(q in text for q in ('"', "“", "”")):
        return "quote"
    low = text.lower()
    if "according to" in low or _SAYS.intersection(re.findall(r"[a-z]+", low)):
        return "attribution"
    return "background"
