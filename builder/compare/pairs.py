"""Every two accounts of an event compared row by row, so a reader can put any two side by side.

The event's rows are one alignment of all its accounts; a pair reads them for its two accounts only, and names
the word differences between those two (not between each and the base account).
"""

from __future__ import annotations

import itertools

from builder.compare.words import differences
from builder.model import Article, Difference, Pair, Row

MAX_ACCOUNTS = 30
"""Accounts beyond this many are compared with the base account only: pairs grow with the square."""


def _pair(rows: tuple[Row, ...], left: Article, right: Article) -> Pair:
    found: list[Difference] = []
    shared = apart = 0
    for row in rows:
        cells = dict(row.cells)
        mine, theirs = cells.get(left.id), cells.get(right.id)
        if mine and theirs:
            shared += 1
            for kind, a, b in differences(left, mine, right, theirs):
                found.append(Difference(row.number, kind, a, b))
        elif mine or theirs:
            apart += 1
    return Pair(left.id, right.id, tuple(found), shared, apart)


def _distance(pair: Pair) -> tuple[int, int, float, str]:
    """How much a reader learns from a pair: figures that differ, then swapped terms, in the rows both
    accounts tell, then the share of rows only one tells (two texts with nothing in common teach little)."""
    numbers = sum(1 for d in pair.differences if d.kind == "number")
    terms = sum(1 for d in pair.differences if d.kind in ("wording", "spelling"))
    told = pair.shared + pair.apart
    return (numbers, terms, pair.apart / told if told else 0.0, pair.right)


def compare_pairs(rows: tuple[Row, ...], members: list[Article]) -> tuple[Pair, ...]:
    """Every pair of accounts (`members` in column order, the base first), the page's first pair first.

    The first pair is the base account (the most complete) and the account that differs most from it in
    what both tell.
    """
    base, *others = members
    pairs = [_pair(rows, a, b) for a, b in itertools.combinations(members[:MAX_ACCOUNTS], 2)]
    pairs += [_pair(rows, base, b) for b in others[MAX_ACCOUNTS - 1 :]]
    first = max((p for p in pairs if p.left == base.id), key=_distance)
    return (first, *(p for p in pairs if p is not first))
