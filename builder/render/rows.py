"""The aligned rows of an event as a page shows them: each cell's sentences cut into marked stretches."""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import Article, Event, Sentence

SHOWN = ("number", "wording", "dropped", "added", "spelling")
"""Kinds marked in the text, strongest first; typography is no difference to a reader and is not marked."""


@dataclass(frozen=True)
class Stretch:
    text: str
    kind: str | None


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    stretches: tuple[Stretch, ...]


@dataclass(frozen=True)
class RowView:
    number: int
    kind: str
    holds: str | None
    """For an `added` row: `quote`, `attribution` or `background`."""
    cells: tuple[tuple[Article, tuple[SentenceView, ...]] | None, ...]
    """One per column; None where the account lacks the row."""
    differs: bool


def _stretches(sentence: Sentence, marks: list[tuple[int, int, str]]) -> tuple[Stretch, ...]:
    """Cut a sentence at the marked stretches (file offsets); where marks overlap the strongest wins."""
    kinds: list[str | None] = [None] * len(sentence.text)
    for start, end, kind in sorted(marks, key=lambda m: -SHOWN.index(m[2])):
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


def row_views(event: Event, articles: dict[str, Article]) -> list[RowView]:
    """Return the event's rows with each account's sentences marked where they differ."""
    marks: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
    for difference in event.differences:
        if difference.kind not in SHOWN:
            continue
        for side in (difference.a, difference.b):
            if side is not None:
                marks.setdefault((difference.row, side.article), []).append(
                    (side.start, side.end, difference.kind)
                )
    holds = dict(event.added)
    views = []
    for row in event.rows:
        cells_by_id = dict(row.cells)
        cells: list[tuple[Article, tuple[SentenceView, ...]] | None] = []
        for article_id in event.columns:
            if article_id not in cells_by_id:
                cells.append(None)
                continue
            article = articles[article_id]
            by_id = {s.id: s for s in article.sentences}
            found = marks.get((row.number, article_id), [])
            sentences = tuple(
                SentenceView(by_id[i], _stretches(by_id[i], found)) for i in cells_by_id[article_id]
            )
            cells.append((article, sentences))
        differs = row.kind != "identical" or (row.number, event.columns[0]) in marks
        views.append(RowView(row.number, row.kind, holds.get(row.number), tuple(cells), differs))
    return views
