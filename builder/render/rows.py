"""Two accounts side by side as a page shows them: each cell's sentences cut into marked stretches, and the
named differences of each row ("opposition → rebel", "12 → 15") written out beside it."""

from __future__ import annotations

from dataclasses import dataclass

from builder.compare.lexicon import terms_of
from builder.model import Article, Difference, Event, Pair, Sentence

MARKED = ("number", "wording", "spelling", "only")
"""Kinds marked in the text, strongest first. `only`: words one of the two has and the other lacks (an
`added` or `dropped` difference, shown the same on either side, so a pair reads the same either way round);
typography is no difference to a reader and is not marked."""
NAMED = ("number", "wording", "spelling")
"""Kinds named in words beside the row."""
NAMED_WORDS = 4
"""A side longer than this is a rewording, marked in the text but not named as a swap of terms."""
KINDS = {
    "number": "number: a figure that differs",
    "wording": "wording: one term used for another",
    "spelling": "spelling: the same word spelt otherwise",
}


@dataclass(frozen=True)
class Stretch:
    text: str
    kind: str | None


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    stretches: tuple[Stretch, ...]


@dataclass(frozen=True)
class Named:
    """A named difference of a row: what the left account says, what the right one says instead."""

    kind: str
    words: str
    """`opposition → rebel`."""
    meaning: str
    """The kind spelt out, shown on focus."""


@dataclass(frozen=True)
class PairRow:
    number: int
    cells: tuple[tuple[SentenceView, ...], tuple[SentenceView, ...]]
    """Left and right sentences; empty where the account lacks the row."""
    named: tuple[Named, ...]
    differs: bool


@dataclass(frozen=True)
class PairView:
    """One pair of accounts compared."""

    left: Article
    right: Article
    key: str
    """`left-slug~right-slug`: the pair's name in URLs."""
    rows: tuple[PairRow, ...]
    shared: int
    apart: int


def stretches(sentence: Sentence, marks: list[tuple[int, int, str]]) -> tuple[Stretch, ...]:
    """Cut a sentence at the marked stretches (file offsets); where marks overlap the strongest wins."""
    kinds: list[str | None] = [None] * len(sentence.text)
    for start, end, kind in sorted(marks, key=lambda m: -MARKED.index(m[2])):
        for offset in range(max(start, sentence.start), min(end, sentence.end)):
            kinds[offset - sentence.start] = kind
    out: list[Stretch] = []
    # A hard-wrapped sentence keeps its line breaks in the file; on the page they are spaces.
    for char, mark in zip(sentence.text.replace("\r", " ").replace("\n", " "), kinds, strict=True):
        if out and out[-1].kind == mark:
            out[-1] = Stretch(out[-1].text + char, mark)
        else:
            out.append(Stretch(char, mark))
    return tuple(out)


def _named(differences: list[Difference]) -> tuple[Named, ...]:
    found: dict[str, Named] = {}
    for d in differences:
        if d.kind in NAMED and d.a and d.b:
            a, b = terms_of(d.a.text, d.b.text) if d.kind == "wording" else (d.a.text, d.b.text)
            if max(len(a.split()), len(b.split())) > NAMED_WORDS:
                continue
            words = f"{' '.join(a.split())} → {' '.join(b.split())}"
            found.setdefault(words, Named(d.kind, words, KINDS[d.kind]))
    return tuple(found.values())


def pair_view(event: Event, pair: Pair, articles: dict[str, Article]) -> PairView:
    """The rows either account of the pair has, each side marked where the two differ."""
    left, right = articles[pair.left], articles[pair.right]
    marks: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
    in_row: dict[int, list[Difference]] = {}
    for d in pair.differences:
        in_row.setdefault(d.row, []).append(d)
        kind = "only" if d.kind in ("added", "dropped") else d.kind
        if kind not in MARKED:
            continue
        for side in (d.a, d.b):
            if side is not None:
                marks.setdefault((d.row, side.article), []).append((side.start, side.end, kind))
    sentences = {a.id: {s.id: s for s in a.sentences} for a in (left, right)}
    rows = []
    for row in event.rows:
        cells = dict(row.cells)
        if pair.left not in cells and pair.right not in cells:
            continue
        sides = tuple(
            tuple(
                SentenceView(
                    sentences[aid][i], stretches(sentences[aid][i], marks.get((row.number, aid), []))
                )
                for i in cells.get(aid, ())
            )
            for aid in (pair.left, pair.right)
        )
        named = _named(in_row.get(row.number, []))
        differs = not (sides[0] and sides[1]) or any(
            d.kind != "typography" for d in in_row.get(row.number, [])
        )
        rows.append(PairRow(row.number, (sides[0], sides[1]), named, differs))
    return PairView(left, right, f"{left.slug}~{right.slug}", tuple(rows), pair.shared, pair.apart)
