"""The pipeline: analysis stages in order, then render. `build()` reads like the program's contents."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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


def analyse(config: Config) -> Corpus:
    """Run every analysis stage over the corpus folder."""
    corpus = Corpus()
    for _name, stage in STAGES:
        corpus = run_stage(stage, corpus, config)
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


def check(config: Config) -> Outcome:
    """Validate the corpus without building anything."""
    return assess(analyse(config), config)


def export(config: Config, out: Path) -> Outcome:
    """Analyse the corpus and write the corpus JSON only (no site)."""
    corpus = analyse(config)
    outcome = assess(corpus, config)
    write_export(corpus, out)
    return outcome


def build(config: Config) -> Outcome:
    """Gather everything first, then write: analyse, check, render pages, build and swap in the site."""
    corpus = analyse(config)
    outcome = assess(corpus, config)
    publish_site(corpus, config)
    return outcome
