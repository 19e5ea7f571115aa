"""The provenance stage: each file's history and credits, every check over every event, the changes."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from builder.cache import cached_events, stable_inputs
from builder.config import Config
from builder.guard import INPUT_FAULTS, plainly, with_warnings
from builder.mkdocs_file import url_setting
from builder.model import Corpus, Event, Fact, Note, Problem
from builder.provenance import attribution, captions, datelines, figures, relative_dates, reuse, variants
from builder.provenance.changes import changes
from builder.provenance.credits import credited
from builder.provenance.evidence import Articles
from builder.provenance.history import commits, histories, uncommitted

Check = Callable[[Event, Articles], list[Note]]

CHECKS: list[tuple[str, Check]] = [
    ("caption", captions.check),
    ("dateline", datelines.check),
    ("relative-date", relative_dates.check),
    ("name-variant", variants.check),
    ("number-conflict", figures.check),
    ("dropped-attribution", attribution.check),
    ("reuse", reuse.check),
]
"""Checks in the order their notes are listed; a new check is a new entry."""


def _notes(event: Event, articles: Articles) -> tuple[list[Note], list[str]]:
    """Every check's notes on the event; a check its texts break gives none, and says why."""
    found: list[Note] = []
    faults = []
    for kind, run in CHECKS:
        try:
            found += run(event, articles)
        except INPUT_FAULTS as exc:
            faults.append(f"the {kind} check could not be run on its event: {plainly(exc)}")
    return found, faults


def check_provenance(corpus: Corpus, config: Config) -> Corpus:
    """Attach history and credits to the articles, the checks' notes to the events, the corpus's changes."""
    host = url_setting(config.mkdocs_file, "repo_url")
    log = commits(config.seeds_dir, host)
    history = histories(config.seeds_dir, host, log)
    facts_of: dict[str, list[Fact]] = {}
    for event in corpus.events:
        for fact in event.facts:
            facts_of.setdefault(fact.article, []).append(fact)
    root = f"{corpus.source_root}/"
    articles = {
        a.id: dataclasses.replace(
            a,
            history=history.get(a.path.removeprefix(root)),
            credited=credited(a, facts_of.get(a.id, [])),
        )
        for a in corpus.articles
    }
    problems: dict[str, list[Problem]] = {}
    events = []
    for event, ((notes, faults), _key) in zip(
        corpus.events,
        cached_events(
            "provenance",
            lambda e: _notes(e, articles),
            corpus.events,
            functools.partial(stable_inputs, articles=articles),
            config,
        ),
        strict=True,
    ):
        events.append(dataclasses.replace(event, notes=tuple(notes)))
        for aid in event.article_ids:
            for fault in faults:
                problems.setdefault(aid, []).append(Problem(articles[aid].path, "warning", fault))
    return dataclasses.replace(
        corpus,
        articles=with_warnings(tuple(articles.values()), problems),
        events=tuple(events),
        changes=changes(corpus, log, uncommitted(config.seeds_dir) if log else set()),
    )
