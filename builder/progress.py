"""What a run prints as it goes: one line per step with its count and time; on a terminal, a bar as well.

The CLI's other face, like `serve.py`: the library only tells a watcher when each step starts and ends.
"""

from __future__ import annotations

import time
from typing import TextIO

from builder.model import Corpus

BAR = 20
"""Width of the progress bar, in characters."""


def plural(count: int, word: str) -> str:
    """`1 event`, `2 events`, `0 events`, `1,000 events`."""
    return f"{count:,} {word if count == 1 else word + 's'}"


def _told(step: str, corpus: Corpus) -> str:
    if step == "ingest":
        read, aside = plural(len(corpus.articles), "article"), plural(len(corpus.rejected), "file")
        return f"{read} read, {aside} set aside"
    if step == "screen":
        return f"{plural(len(corpus.articles), 'article')} kept"
    if step == "events":
        return f"{plural(len(corpus.events), 'event')} from {plural(len(corpus.articles), 'article')}"
    if step == "compare":
        aligned = sum(1 for e in corpus.events if len(e.article_ids) > 1)
        return f"{plural(aligned, 'event')} of more than one account aligned"
    if step == "facts":
        return f"{plural(sum(len(e.facts) for e in corpus.events), 'fact')}"
    if step == "provenance":
        return f"{plural(sum(len(e.notes) for e in corpus.events), 'note')}"
    if step == "site":
        return "pages rendered and built by MkDocs"
    return "done"


class Progress:
    """Prints each step as it ends; on a terminal, a bar on the line of the step under way."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()
        self.begun = time.perf_counter()

    def started(self, step: str, number: int, steps: int) -> None:
        self.number, self.steps = number, steps
        if self.live:
            done = BAR * (number - 1) // steps
            elapsed = time.perf_counter() - self.begun
            self.out.write(f"\r[{'#' * done}{'.' * (BAR - done)}] {number}/{steps} {step}… {elapsed:.0f} s")
            self.out.flush()

    def finished(self, step: str, corpus: Corpus, seconds: float) -> None:
        line = f"[{self.number}/{self.steps}] {step}: {_told(step, corpus)} ({seconds:.1f} s)"
        self.out.write(f"\r\033[K{line}\n" if self.live else f"{line}\n")
        self.out.flush()
