"""The pipeline: analysis stages in order, then render. `build()` reads like the program's contents."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from builder.compare import compare_events
from builder.config import Config
from builder.errors import StrictError
from builder.events import group_events
from builder.facts import extract_facts
from builder.ingest import ingest
from builder.model import Corpus
from builder.provenance import check_provenance
from builder.render.export import write_export
from builder.render.site import publish_site
from builder.screen import screen_articles

Stage = Callable[[Corpus, Config], Corpus]


class Watcher(Protocol):
    """Told when each step of a run starts and ends: the CLI shows progress with it."""

    def started(self, step: str, number: int, steps: int) -> None: ...

    def finished(self, step: str, corpus: Corpus, seconds: float) -> None: ...


class _Silent:
    def started(self, step: str, number: int, steps: int) -> None:
        pass

    def finished(self, step: str, corpus: Corpus, seconds: float) -> None:
        pass


STAGES: list[tuple[str, Stage]] = [
    ("ingest", ingest),
    ("screen", screen_articles),
    ("events", group_events),
    ("compare", compare_events),
    ("facts", extract_facts),
    ("provenance", check_provenance),
]
"""Analysis stages in the order they run; a new capability is a new entry."""


@dataclass(frozen=True)
class Outcome:
    """What a run produced, for the CLI to report."""

    corpus: Corpus
    messages: tuple[str, ...]
    """Problems and rejections as one line each, file and line first."""
    errors: int
    """Files rejected as bad input."""
    warnings: int
    """Warnings about published files."""


def run_stage(stage: Stage, corpus: Corpus, config: Config) -> Corpus:
    """Run one stage; what it returns lives until the build ends."""
    corpus = stage(corpus, config)
    # The corpus is immutable and long-lived: frozen, the garbage collector stops rescanning its
    # hundreds of thousands of objects each time a later stage allocates (a third of event grouping).
    gc.freeze()
    return corpus


def analyse(config: Config, watcher: Watcher | None = None, steps: int = len(STAGES)) -> Corpus:
    """Run every analysis stage over the corpus folder, telling `watcher` as each starts and ends."""
    watch = watcher or _Silent()
    corpus = Corpus()
    for number, (name, stage) in enumerate(STAGES, 1):
        watch.started(name, number, steps)
        start = time.perf_counter()
        corpus = run_stage(stage, corpus, config)
        watch.finished(name, corpus, time.perf_counter() - start)
    return corpus


def assess(corpus: Corpus, config: Config) -> Outcome:
    """Count the corpus's problems; under `strict`, any of them fails the run."""
    bad = [r for r in corpus.rejected if r.severity == "error"]
    messages = tuple(str(r) for r in corpus.rejected) + tuple(str(p) for p in corpus.problems)
    set_aside = sum(1 for r in corpus.rejected if r.severity == "not-an-article")
    outcome = Outcome(corpus, messages, len(bad), len(corpus.problems) + set_aside)
    if config.strict and (outcome.errors or outcome.warnings):
        raise StrictError(
            f"--strict: {outcome.errors} rejected file(s) and {outcome.warnings} warning(s); site not updated"
        )
    return outcome


def check(config: Config, watcher: Watcher | None = None) -> Outcome:
    """Validate the corpus without building anything."""
    return assess(analyse(config, watcher), config)


def export(config: Config, out: Path, watcher: Watcher | None = None) -> Outcome:
    """Analyse the corpus and write the corpus JSON only (no site)."""
    corpus = analyse(config, watcher)
    outcome = assess(corpus, config)
    write_export(corpus, out)
    return outcome


def build(config: Config, watcher: Watcher | None = None) -> Outcome:
    """Gather everything first, then write: analyse, check, render pages, build and swap in the site."""
    watch = watcher or _Silent()
    steps = len(STAGES) + 1
    corpus = analyse(config, watch, steps)
    outcome = assess(corpus, config)
    watch.started("site", steps, steps)
    start = time.perf_counter()
    publish_site(corpus, config)
    watch.finished("site", corpus, time.perf_counter() - start)
    return outcome
