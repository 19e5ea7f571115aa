"""The framing lexicon: which term each account uses where another uses a different one."""

from __future__ import annotations

import re
from collections import defaultdict

from builder.model import Difference, Framing

MAX_WORDS = 4
"""Longer substitutions are rewritten clauses: shown in their row, left out of the lexicon."""
_DETERMINER = re.compile(r"^(?:the|a|an)\s+")


def _term(text: str) -> str:
    """The term as the lexicon lists it: lower case, one space, no leading article or end punctuation."""
    return _DETERMINER.sub("", " ".join(text.lower().split())).strip(".,;:")


def framing(differences: list[Difference], loose_rows: set[int]) -> list[Framing]:
    """Group the `wording` differences by the pair of terms, most frequent first.

    Rows in `loose_rows` (paraphrases) are left out: their words line up too loosely to name terms.
    """
    rows: dict[tuple[str, ...], set[int]] = defaultdict(set)
    uses: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for difference in differences:
        if difference.kind != "wording" or difference.a is None or difference.b is None:
            continue
        if difference.row in loose_rows:
            continue
        a, b = _term(difference.a.text), _term(difference.b.text)
        if len(a.split()) > MAX_WORDS or len(b.split()) > MAX_WORDS or a == b:
            continue  # a rewritten clause, not a choice of term
        terms = tuple(sorted({a, b}))
        rows[terms].add(difference.row)
        uses[terms][a].add(difference.a.article)
        uses[terms][b].add(difference.b.article)
    ranked = sorted(rows, key=lambda t: (-len(rows[t]), t))
    return [
        Framing(terms, tuple((t, tuple(sorted(uses[terms][t]))) for t in terms), tuple(sorted(rows[terms])))
        for terms in ranked
    ]
