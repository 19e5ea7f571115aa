"""The facts table of an event: one row per fact key, a cell per account, and agreement or conflict."""

from __future__ import annotations

import dataclasses
import math

from rapidfuzz import fuzz

from builder.model import Fact, TableRow
from builder.names import fold, initials

KIND_ORDER = [
    "killed",
    "injured",
    "missing",
    "arrested",
    "displaced",
    "date",
    "time",
    "duration",
    "distance",
    "place",
    "person",
    "organization",
    "quote",
    "source",
]
"""Rows in reading order: casualties first, then when, where, who, who said what, and whom each cites."""
COUNT_KINDS = frozenset(KIND_ORDER[:5])
BACKGROUND = "background:"
"""Key prefix of facts about an earlier or other event: a past year, a birth date, a running total."""
NAME_VARIANT = 85
"""Similarity (0-100) of folded names at which two names are one (Hayat / Hyat Tahrir al-Sham)."""


def _same_name(a: Fact, b: Fact) -> bool:
    """Whether two name facts name one actor: a spelling variant, a longer form, or initials."""
    x, y = dict(a.value).get("name"), dict(b.value).get("name")
    if not isinstance(x, str) or not isinstance(y, str):
        return False
    fx, fy = fold(x), fold(y)
    if fx == fy:
        return True
    short, long = sorted((fx, fy), key=len)
    if " " in short and long.endswith(" " + short):
        return True  # "state department" in "us state department"
    if len(short) >= 8 and fuzz.ratio(fx, fy) >= NAME_VARIANT:
        return True
    if x.isupper() and 1 < len(x) <= 6:
        return x.lower() == initials(y)
    return y.isupper() and 1 < len(y) <= 6 and y.lower() == initials(x)


def unify_names(facts: list[Fact]) -> list[Fact]:
    """Give the variants of one name one key across the event; a name any account calls a group is one."""
    named = [f for f in facts if f.kind in ("person", "organization")]
    parent = list(range(len(named)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(named)):
        for j in range(i):
            if find(i) != find(j) and _same_name(named[i], named[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Fact]] = {}
    for i, f in enumerate(named):
        groups.setdefault(find(i), []).append(f)
    order = {id(f): n for n, f in enumerate(facts)}
    renamed: dict[int, Fact] = {}
    for members in groups.values():
        kind = "organization" if any(f.kind == "organization" for f in members) else "person"
        # The longest form names the row: "Bashar al-Assad" over "Assad", "Hayat Tahrir al-Sham" over "HTS".
        head = max(members, key=lambda f: (len(str(dict(f.value)["name"])), -order[id(f)]))
        key = f"{kind}:{fold(str(dict(head.value)['name']))}"
        for f in members:
            renamed[id(f)] = dataclasses.replace(f, kind=kind, key=key)
    return [renamed.get(id(f), f) for f in facts]


def _interval(fact: Fact) -> tuple[float, float]:
    value = dict(fact.value)
    low = value.get("min")
    high = value.get("max")
    return (
        float(low) if isinstance(low, int | float) else 0.0,
        float(high) if isinstance(high, int | float) else math.inf,
    )


def _figure(fact: Fact) -> str:
    value = dict(fact.value)
    return f"{value.get('min')}-{value.get('max')}-{value.get('qualifier')}"


def _count_status(cells: dict[str, list[Fact]]) -> str:
    """Counts agree when the accounts state the same figures, differ when their ranges meet, else conflict."""
    if len({repr(sorted(_figure(f) for f in fs)) for fs in cells.values()}) == 1:
        return "agree"
    ranges = []
    for facts in cells.values():
        low = max(_interval(f)[0] for f in facts)
        high = min(_interval(f)[1] for f in facts)
        if low > high:  # one account's own figures disagree: take its widest reading
            low, high = min(_interval(f)[0] for f in facts), max(_interval(f)[1] for f in facts)
        ranges.append((low, high))
    return "differ" if max(r[0] for r in ranges) <= min(r[1] for r in ranges) else "conflict"


def _shown(fact: Fact) -> str:
    """What a cell compares: the value as data, with spacing, quotes and case folded.

    Dots in initials are typography: "U.S. State Department" and "US State Department" agree. A name spelt
    two ways ("Bashar Assad", "Bashar al-Assad") or a different role ("the terrorist group", "the main rebel
    group") differs.
    """
    value = {k: v for k, v in fact.value if k not in ("source_start", "source_end")}
    if fact.kind in ("person", "organization"):
        value["name"] = str(value.get("name")).replace(".", "")
    return " ".join(repr(sorted(value.items())).lower().replace("“", '"').replace("”", '"').split())


def build_table(facts: list[Fact], columns: tuple[str, ...]) -> list[TableRow]:
    """Return the table rows for an event's facts, accounts in column order."""
    by_key: dict[str, dict[str, list[int]]] = {}
    kinds: dict[str, str] = {}
    for index, fact in enumerate(facts):
        by_key.setdefault(fact.key, {}).setdefault(fact.article, []).append(index)
        kinds.setdefault(fact.key, fact.kind)
    rows = []
    for key, cells in by_key.items():
        kind = kinds[key]
        stated = {a: [facts[i] for i in ids] for a, ids in cells.items()}
        if key.startswith(BACKGROUND):
            status = "background"
        elif len(cells) == 1:
            status = "only"
        elif kind in COUNT_KINDS:
            status = _count_status(stated)
        else:
            values = {a: sorted(_shown(f) for f in fs) for a, fs in stated.items()}
            status = "agree" if len({repr(v) for v in values.values()}) == 1 else "differ"
        ordered = tuple((a, tuple(cells[a])) for a in columns if a in cells)
        rows.append(TableRow(key, kind, status, ordered))
    order = {k: n for n, k in enumerate(KIND_ORDER)}
    first = {key: min(min(ids) for ids in cells.values()) for key, cells in by_key.items()}
    # Background rows come last, apart: they are never the event's facts, so never its agreement or conflict.
    return sorted(rows, key=lambda r: (r.status == "background", order.get(r.kind, len(order)), first[r.key]))
