"""Benchmark rows for the compare stage: one big event, and Parallax against CollateX on the same input."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from builder.compare.stage import compare_event
from builder.compare.words import same_words, tokens
from builder.config import Config
from builder.ingest import ingest
from builder.model import Article, Corpus, Event

Rows = list[tuple[str, int, str]]
Maker = Callable[..., None]


def _event(folder: Path) -> tuple[Event, dict[str, Article]]:
    articles = ingest(Corpus(), Config(seeds_dir=folder, cache_dir=None)).articles
    by_id = {a.id: a for a in sorted(articles, key=lambda a: a.id)}
    return Event("bench", "bench", "bench", tuple(by_id)), by_id


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of `runs` timings: a busy machine only ever adds time."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure_event(folder: Path, make: Maker, rows: Rows) -> None:
    """Ten accounts of 60 sentences: align them and name every difference (the target: 0.2 s)."""
    make(folder, 10, per_event=10, sentences=60)
    event, by_id = _event(folder)
    rows.append(
        ("compare 10 x 60 (target 0.2 s)", 10, f"{best_of(5, lambda: compare_event(event, by_id)):.3f} s")
    )


def _all(article: Article) -> tuple[str, ...]:
    return tuple(s.id for s in article.sentences)


def collatex_pairs(a: Article, b: Article) -> set[tuple[int, int]]:
    """Word pairs (position in a, position in b) that CollateX puts in one column as the same word."""
    from collatex import Collation, collate  # bench extra only

    collation = Collation()
    collation.add_plain_witness("A", " ".join(t.key for t in tokens(a, _all(a))))
    collation.add_plain_witness("B", " ".join(t.key for t in tokens(b, _all(b))))
    table = collate(collation, output="table", segmentation=False, near_match=False)
    # Positions run through one token array: a's words, a separator, then b's words.
    offset = len(tokens(a, _all(a))) + 1
    pairs = set()
    for column in table.columns:
        cell = column.tokens_per_witness
        if "A" in cell and "B" in cell:
            x, y = cell["A"][0].token_data, cell["B"][0].token_data
            if x["n"] == y["n"]:
                pairs.add((x["_token_array_position"], y["_token_array_position"] - offset))
    return pairs


def parallax_pairs(event: Event, by_id: dict[str, Article]) -> set[tuple[int, int]]:
    """The same word pairs from Parallax's rows, as positions in each account's word list."""
    a, b = (by_id[i] for i in event.columns)
    where_a = {t.start: n for n, t in enumerate(tokens(a, _all(a)))}
    where_b = {t.start: n for n, t in enumerate(tokens(b, _all(b)))}
    pairs = set()
    for row in event.rows:
        cells = dict(row.cells)
        if a.id in cells and b.id in cells:
            for x, y in same_words(a, cells[a.id], b, cells[b.id]):
                pairs.add((where_a[x.start], where_b[y.start]))
    return pairs


def measure_collatex(folder: Path, make: Maker, rows: Rows) -> None:
    """Two 800-word accounts aligned by Parallax and by the reference collation tool."""
    make(folder, 2, per_event=2, sentences=40)
    event, by_id = _event(folder)
    ours = best_of(5, lambda: compare_event(event, by_id))
    compared = compare_event(event, by_id)
    a, b = (by_id[i] for i in compared.columns)
    start = time.perf_counter()
    theirs = collatex_pairs(a, b)
    reference = time.perf_counter() - start
    mine = parallax_pairs(compared, by_id)
    rows.append(("words per account", 2, f"{len(tokens(a, _all(a)))}/{len(tokens(b, _all(b)))}"))
    rows.append(("compare, Parallax", 2, f"{ours:.4f} s"))
    rows.append(("collate, CollateX", 2, f"{reference:.2f} s"))
    rows.append(("speed-up (target 100x)", 2, f"{reference / ours:.0f}x"))
    rows.append(("same-word pairs agreeing", 2, f"{len(mine & theirs) / max(1, len(mine | theirs)):.1%}"))
