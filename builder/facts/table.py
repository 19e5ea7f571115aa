"""The facts table of an event: one row per fact key, a cell per account, and agreement or conflict."""

from __future__ import annotations

import dataclasses
import math
import re

from rapidfuzz import fuzz

from builder.facts.numbers import SCALES, UNITS
from builder.facts.totals import HURT
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


_EXPLICIT = re.compile(
    rf"\d|\b(?:no one|nobody|none|{'|'.join(k for k in UNITS if k != 'no')}|{'|'.join(SCALES)}|dozens?)\b",
    re.IGNORECASE,
)
"""A figure written as a number ("23 pirates", "No one", "ten"), not counted from mentions ("a woman")."""
GENERIC = frozenset({"", "people", "person", "persons", "others", "other", "victims", "victim"})
"""Who a figure counts when it names no particular group."""


def _group(fact: Fact) -> str:
    """The head noun of whom a figure counts, singular: "Somali pirates" -> "pirate"; ages left out."""
    who = [w for w in re.findall(r"[A-Za-z][\w'’-]*", str(dict(fact.value).get("who") or "").lower())]
    return re.sub(r"(?:e?s)$", "", who[-1]) if who and who[-1] not in GENERIC else ""


def _named(fact: Fact) -> bool:
    """A figure that counts named people ("Raj Chohan, 59, was killed") names victims, not the toll."""
    return bool(re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", str(dict(fact.value).get("who") or "")))


def lead_figure(facts: list[Fact]) -> Fact | None:
    """An account's own figure for the event: the first it writes as a number.

    Reports give the toll first; a later figure is more often an earlier event's or another group's ("It
    killed 612 people" of a 2005 quake, "the British Royal Navy had captured eight pirates"). Injured
    figures count only with a word that says the victims lived: "three people shot" counts the dead too.
    """
    stated = [
        f
        for f in facts
        if _EXPLICIT.search(f.text)
        and _figure_of(f) is not None
        and _sentence_number(f) <= LEAD_SENTENCES
        and not _named(f)
    ]
    if stated and stated[0].kind == "injured":
        stated = [f for f in stated if HURT.search(f.text)]
    return stated[0] if stated else None


LEAD_SENTENCES = 5
"""An account states its own toll in its opening sentences; figures further down are a conflict's poorer
ground: other groups, other days, other events."""


def _sentence_number(fact: Fact) -> int:
    return int(fact.sentence[1:]) if fact.sentence[1:].isdigit() else 0


def _figure_of(fact: Fact) -> str | None:
    value = dict(fact.value)
    return (
        None
        if value.get("qualifier") == "vague" or (value.get("min") is None and value.get("max") is None)
        else "x"
    )


def _count_status(cells: dict[str, list[Fact]]) -> str:
    """Counts agree when the accounts state the same figures; conflict when two accounts' own figures for the
    same group (see `lead_figure`) cannot both hold; else they differ."""
    if len({repr(sorted(_figure(f) for f in fs)) for fs in cells.values()}) == 1:
        return "agree"
    leads = [lead for facts in cells.values() if (lead := lead_figure(facts)) is not None]
    for n, a in enumerate(leads):
        for b in leads[n + 1 :]:
            same_group = not _group(a) or not _group(b) or _group(a) == _group(b)
            (low_a, high_a), (low_b, high_b) = _interval(a), _interval(b)
            if same_group and (low_a > high_b or low_b > high_a):
                return "conflict"
    return "differ"


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
