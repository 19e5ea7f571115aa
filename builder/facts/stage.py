"""The facts stage: run every extractor on every account of an event, then build the event's table."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from builder.cache import cached_events, stable_inputs
from builder.config import Config
from builder.facts import actors, counts, places, quotes, times
from builder.facts.described import unify_described
from builder.facts.table import build_table, unify_names
from builder.gazetteer import Gazetteer
from builder.guard import INPUT_FAULTS, plainly, with_warnings
from builder.model import Article, Corpus, Event, Fact, Problem, TableRow

Extractor = Callable[[Article, Gazetteer], list[Fact]]


def _plain(extract: Callable[[Article], list[Fact]]) -> Extractor:
    return lambda article, _gazetteer: extract(article)


EXTRACTORS: list[tuple[str, Extractor]] = [
    ("counts", _plain(counts.extract)),
    ("times", _plain(times.extract)),
    ("places", places.extract),
    ("actors", actors.extract),
    ("quotes", _plain(quotes.extract)),
]
"""Extractors in the order they run; a new kind of fact is a new entry."""


def article_facts(
    article: Article, gazetteer: Gazetteer, problems: list[Problem] | None = None
) -> list[Fact]:
    """Every fact one account states, in reading order. An extractor that the text makes fail gives no
    facts for it, and a warning in `problems` (when given; else the error goes on)."""
    found = []
    for name, extract in EXTRACTORS:
        try:
            found += extract(article, gazetteer)
        except INPUT_FAULTS as exc:
            if problems is None:
                raise
            message = f"no {name} facts could be read from this text: {plainly(exc)}"
            problems.append(Problem(article.path, "warning", message))
    return sorted(found, key=lambda f: (f.start, f.end, f.kind))


def event_facts(
    event: Event, articles: dict[str, Article], gazetteer: Gazetteer
) -> tuple[tuple[Fact, ...], tuple[TableRow, ...], dict[str, list[Problem]]]:
    """The event's facts (accounts in column order), its facts table, and the warnings met on each account."""
    columns = event.columns or event.article_ids
    problems: dict[str, list[Problem]] = {aid: [] for aid in columns}
    facts = unify_names(
        [f for aid in columns for f in article_facts(articles[aid], gazetteer, problems[aid])]
    )
    facts = unify_described(facts, event)
    return tuple(facts), tuple(build_table(facts, columns)), problems


def extract_facts(corpus: Corpus, config: Config) -> Corpus:
    """Extract the facts of every event's accounts; a text that breaks an extractor gets a warning."""
    gazetteer = Gazetteer.shared()
    articles = {a.id: a for a in corpus.articles}
    problems: dict[str, list[Problem]] = {}
    events = []
    work = functools.partial(event_facts, articles=articles, gazetteer=gazetteer)
    inputs = functools.partial(stable_inputs, articles=articles)
    for event, ((facts, table, found), lineage) in zip(
        corpus.events, cached_events("facts", work, corpus.events, inputs, config), strict=True
    ):
        events.append(dataclasses.replace(event, facts=facts, table=table, lineage=lineage))
        for aid, warnings in found.items():
            problems.setdefault(aid, []).extend(warnings)
    return dataclasses.replace(
        corpus, articles=with_warnings(corpus.articles, problems), events=tuple(events)
    )
