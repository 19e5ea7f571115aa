"""The provenance stage: each file's history and credits, every check over every event, the changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from builder.config import Config
from builder.mkdocs_file import url_setting
from builder.model import Corpus, Event, Fact, Note
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
    events = tuple(
        dataclasses.replace(event, notes=tuple(n for _kind, run in CHECKS for n in run(event, articles)))
        for event in corpus.events
    )
    return dataclasses.replace(
        corpus,
        articles=tuple(articles.values()),
        events=events,
        changes=changes(corpus, log, uncommitted(config.seeds_dir) if log else set()),
    )
