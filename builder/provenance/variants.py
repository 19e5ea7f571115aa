"""`name-variant` notes: one name written differently across or within accounts, likely misspellings marked.

Pairs come from where two spellings must mean one name: a facts-table row of a person or an
organisation (its variants were unified), or a spelling difference between aligned sentences.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import DamerauLevenshtein

from builder.model import Article, Event, Note
from builder.names import fold
from builder.provenance.evidence import Articles, listing, members, note, quoted, ref

NAME_KINDS = ("person", "organization")
_NAME = re.compile(r"(?:^|[\s-])[A-Z]")
"""A capitalised word, also after an article (al-Assad): names are capitalised, common nouns not."""
MAX_EVIDENCE = 8
MAJORITY = 3
"""Accounts that must agree on a spelling before one other account's single use of a near one is a slip."""


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _acronym(name: str) -> bool:
    return not any(c.islower() for c in name)


def clean(form: str) -> str:
    """A name as a fact or difference gives it, without surrounding punctuation or a possessive."""
    return re.sub(r"[’']s$", "", form.strip(" \t\n.,;:!?\"'“”‘’()[]"))


def variant(a: str, b: str) -> bool:
    """Whether two spellings are one name written differently: not a style (U.S. / US), an inflection
    (Award / Awards, Yemen / Yemeni) or a common noun."""
    a, b = clean(a), clean(b)
    if _letters(a) == _letters(b) or _acronym(a) or _acronym(b):
        return False
    if not (_NAME.search(a) and _NAME.search(b)):
        return False
    if fold(a) == fold(b):
        return True  # an Arabic article kept or dropped: Assad / al-Assad
    words_a, words_b = fold(a).split(), fold(b).split()
    return len(words_a) == len(words_b) and all(
        x == y
        or (
            x[0] == y[0]
            and not (x.startswith(y) or y.startswith(x))
            and DamerauLevenshtein.distance(x, y) <= max(1, len(x) // 4)
        )
        for x, y in zip(words_a, words_b, strict=True)
    )


def _misspelt(form: str, main: str, uses: dict[str, list[tuple[str, str]]]) -> bool:
    """A typing slip, not a house style: one letter off the commoner spelling, in an account that
    also writes the commoner one (a consistent Qaeda against Qaida is a transliteration)."""
    if fold(form) == fold(main) or DamerauLevenshtein.distance(_letters(form), _letters(main)) != 1:
        return False
    writers = {a for a, _ in uses[form]}
    main_writers = {a for f, found in uses.items() if _letters(f) == _letters(main) for a, _ in found}
    # Within one account, or a single use against a spelling three or more accounts agree on.
    alone = len(uses[form]) == 1 and len(main_writers) >= MAJORITY
    return (bool(writers & main_writers) or alone) and len(uses[form]) < len(uses[main])


def _pairs(event: Event) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for row in event.table:
        if row.kind in NAME_KINDS:
            forms = sorted({event.facts[i].text for _, ids in row.cells for i in ids})
            pairs.extend(
                (clean(a), clean(b)) for n, a in enumerate(forms) for b in forms[n + 1 :] if variant(a, b)
            )
    for difference in event.differences:
        a, b = difference.a, difference.b
        if difference.kind == "spelling" and a and b and variant(a.text, b.text):
            pairs.append((clean(a.text), clean(b.text)))
    return pairs


def _groups(pairs: list[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for form in sorted(parent):
        groups.setdefault(root(form), []).append(form)
    found = list(groups.values())
    # "Assad / al-Assad" says nothing "Bashar Assad / Bashar al-Assad" does not: keep the full names.
    return [
        group
        for group in found
        if not any(
            other is not group
            and all(any(f"{full}".endswith(f" {form}") for full in other) for form in group)
            for other in found
        )
    ]


def _uses(form: str, accounts: list[Article]) -> list[tuple[str, str]]:
    """(article, sentence) for each use of the form; not inside a longer name (Assad in al-Assad)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?!\w)")
    return [(a.id, s.id) for a in accounts for s in a.sentences for _ in pattern.finditer(s.text)]


def check(event: Event, articles: Articles) -> list[Note]:
    """A note per name the accounts write in more than one way, with the uses of each spelling."""
    accounts = members(event, articles)
    labels = {a.id: a.label for a in accounts}
    notes = []
    for group in _groups(_pairs(event)):
        uses = {form: _uses(form, accounts) for form in group}
        forms = sorted((f for f in group if uses[f]), key=lambda f: (-len(uses[f]), f))
        if len({_letters(f) for f in forms}) < 2:
            continue
        main = forms[0]
        told = []
        for form in forms:
            count = Counter(a for a, _ in uses[form])
            told.append(f"{quoted(form)} ({', '.join(f'{labels[a]} ×{n}' for a, n in count.items())})")
        slips = [f for f in forms[1:] if _misspelt(f, main, uses)]
        slip = (
            f" {listing([quoted(f) for f in slips])} is likely a misspelling of {quoted(main)}."
            if slips
            else ""
        )
        evidence = [ref(a, s) for form in [*slips, *forms] for a, s in uses[form]]
        notes.append(
            note(
                "name-variant",
                f"One name, written {len(forms)} ways: {'; '.join(told)}.{slip}",
                list(dict.fromkeys(a for form in forms for a, _ in uses[form])),
                evidence[:MAX_EVIDENCE],
                name=main,
                misspelling=bool(slips),
            )
        )
    return notes
