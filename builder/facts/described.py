"""One party described two ways: a source or a quote each account tells in its own words is one table row.

"an opposition official who declined to be named" (one account) and "a rebel official who declined to be
named" (the other) stand in the same sentence of the side-by-side view, in the same slot: they are one
source, and the difference in wording is what a reader came for. Keyed by their words they would be two rows,
each marked as left out by the other account. Within one account, "The opposition official" refers back to
"an opposition official who declined to be named".
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from builder.model import Event, Fact

KINDS = ("source", "quote")
ALONE = 30
"""Similarity (0-100) two descriptions need when each is the only unpaired one of its kind in the row."""
AMONG = 60
"""Similarity they need when the row holds several: then the wording must show which goes with which."""


def _words(fact: Fact) -> str:
    """What is compared: a source's description, a quote's content."""
    return fact.key.split(":", 1)[1] if fact.kind == "source" else fact.text


def _back_reference(later: Fact, earlier: Fact) -> bool:
    """`The opposition official` after `an opposition official who declined to be named`."""
    said = str(dict(later.value).get("source") or "")
    first, rest = _words(earlier), _words(later)
    return said.lower().startswith("the ") and first != rest and first.startswith(rest + " ")


def unify_described(facts: list[Fact], event: Event) -> list[Fact]:
    """Return the facts with the keys of one party, described differently, made one."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "source":
            by_article[f.article].append(f)
    for stated in by_article.values():
        for n, later in enumerate(stated):
            earlier = next((e for e in stated[:n] if _back_reference(later, e)), None)
            if earlier is not None:
                join(earlier.key, later.key)
    row_of = event.sentence_rows()
    in_row: dict[tuple[int, str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        number = row_of.get((f.article, f.sentence))
        if f.kind in KINDS and number is not None:
            in_row[(number, f.kind, f.article)].append(f)
    columns = event.columns or event.article_ids
    for row in event.rows:
        for kind in KINDS:
            for n, x in enumerate(columns):
                for y in columns[n + 1 :]:
                    _pair(in_row[(row.number, kind, x)], in_row[(row.number, kind, y)], find, join)
    return [f if find(f.key) == f.key else dataclasses.replace(f, key=find(f.key)) for f in facts]


def _pair(
    left: list[Fact], right: list[Fact], find: Callable[[str], str], join: Callable[[str, str], None]
) -> None:
    """Pair the facts of two accounts in one row that no shared key already pairs, most alike first."""
    shared = {find(f.key) for f in left} & {find(f.key) for f in right}
    free_left = [f for f in left if find(f.key) not in shared]
    free_right = [f for f in right if find(f.key) not in shared]
    if not free_left or not free_right:
        return
    need = ALONE if len(free_left) == len(free_right) == 1 else AMONG
    scored = sorted(
        (
            (fuzz.token_set_ratio(_words(a), _words(b)), i, j)
            for i, a in enumerate(free_left)
            for j, b in enumerate(free_right)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    for score, i, j in scored:
        if score < need:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        join(free_left[i].key, free_right[j].key)
