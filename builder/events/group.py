"""Group articles into events: overrides first, then similarity over candidate pairs from an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

import numpy as np

from builder.config import Config
from builder.events.candidates import candidate_pairs
from builder.events.cluster import Edges, average_linkage, nearest_edges
from builder.events.describe import describe
from builder.events.explain import explain
from builder.events.features import Profiles, profiles
from builder.events.overrides import decide
from builder.events.topics import topics
from builder.gazetteer import Gazetteer
from builder.ingest.labels import account_names
from builder.model import Article, Corpus, Event

EVENT_CUT = 0.06
"""Linkage at which groups of articles are one event (see `average_linkage`): the cut `make eval`'s
cross-validation chooses on held-out ECB+ topics and BASIL events together (four folds of five)."""
NEIGHBOURS = 5
"""Each article keeps its edges to this many most similar candidates."""
TIME_WINDOW_DAYS = 7
"""Articles published further apart than this are different events, however alike."""
PLACE_SENTENCES = 12
"""The opening sentences of each member name the event's place; later ones wander."""


def _days(articles: list[Article]) -> np.ndarray:
    """Return each article's publication day number, or -1 when it is not known."""
    return np.array(
        [dt.date.fromisoformat(a.published[:10]).toordinal() if a.published else -1 for a in articles],
        dtype=np.int64,
    )


def similar_pairs(articles: list[Article], found: Profiles, free: list[int]) -> Edges:
    """Return each free article's strongest edges to candidates not too far apart in time."""
    left, right = candidate_pairs([found.content, found.names])
    days = _days(articles)
    is_free = np.zeros(len(articles), dtype=bool)
    is_free[free] = True
    dated = (days[left] >= 0) & (days[right] >= 0)
    near = ~dated | (np.abs(days[left] - days[right]) <= TIME_WINDOW_DAYS)
    keep = near & is_free[left] & is_free[right]
    left, right = left[keep], right[keep]
    return nearest_edges(left, right, found.similarities(left, right), NEIGHBOURS)


def event_groups(
    articles: list[Article], found: Profiles, free: list[int], cut: float = EVENT_CUT
) -> list[list[int]]:
    """Return the free articles (indexes into `articles`) grouped into events by average linkage."""
    local = {index: position for position, index in enumerate(free)}
    edges = {(local[a], local[b]): s for (a, b), s in similar_pairs(articles, found, free).items()}
    return [[free[i] for i in e] for e in average_linkage(len(free), edges, cut, neighbours=NEIGHBOURS)]


def group_events(corpus: Corpus, config: Config) -> Corpus:
    """Group the corpus's articles into events and topics; the result does not depend on file order."""
    articles = sorted(corpus.articles, key=lambda a: a.id)
    decisions = decide(articles, corpus.event_rules, f"{corpus.source_root}/corpus.yml")
    found = profiles(articles)
    free = [i for i, a in enumerate(articles) if a.id not in decisions.fixed]
    compared = found.strongest()
    groups = event_groups(articles, compared, free)
    topic_of = {e: t for t, events in enumerate(topics(compared, groups)) for e in events}
    topic_count = len(set(topic_of.values()))
    fixed: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        if article.id in decisions.fixed:
            fixed[decisions.fixed[article.id]].append(index)
    for key in sorted(fixed):
        topic_of[len(groups)] = topic_count + len(groups)
        groups.append(fixed[key])
    groups, topic_of = _merged(groups, topic_of, decisions.merges, {a.id: i for i, a in enumerate(articles)})
    gazetteer = Gazetteer.shared()
    explained = explain(found, groups, [a.id for a in articles])
    events: list[Event] = []
    topic_members: dict[int, list[int]] = defaultdict(list)
    for number, group in enumerate(groups):
        members = [articles[i] for i in group]
        key = next((decisions.fixed[m.id] for m in members if m.id in decisions.fixed), "")
        title = next((decisions.titles[m.id] for m in members if m.id in decisions.titles), None)
        title = title or decisions.titles.get(key)
        place = gazetteer.main_place([s.text for m in members for s in m.sentences[:PLACE_SENTENCES]])
        events.append(describe(members, explained, decisions.notes, title, place))
        topic_members[topic_of[number]].append(number)
    topic_ids = {}
    for numbers in topic_members.values():
        topic_id = min(events[n].id for n in numbers)
        for n in numbers:
            topic_ids[n] = topic_id
    events = [dataclasses.replace(e, topic=topic_ids[n]) for n, e in enumerate(events)]
    ordered = sorted(events, key=lambda e: (e.article_ids[0], e.id))
    return dataclasses.replace(
        corpus,
        articles=_named_in_events(corpus.articles, ordered),
        events=tuple(ordered),
        notices=corpus.notices + tuple(decisions.warnings),
    )


def _named_in_events(articles: tuple[Article, ...], events: list[Event]) -> tuple[Article, ...]:
    """Name the accounts apart within each event, where they stand side by side: "Le Monde", not
    "Le Monde, 21 August 2025 (1)" because Le Monde ran another story that day."""
    by_id = {a.id: a for a in articles}
    named = {a.id: a for e in events for a in account_names([by_id[i] for i in e.article_ids])}
    return tuple(named.get(a.id, a) for a in articles)


def _merged(
    groups: list[list[int]], topic_of: dict[int, int], merges: list[tuple[str, ...]], index_of: dict[str, int]
) -> tuple[list[list[int]], dict[int, int]]:
    """Join the groups holding the articles each merge rule names."""
    group_of = {item: g for g, group in enumerate(groups) for item in group}
    parent = list(range(len(groups)))

    def find(g: int) -> int:
        while parent[g] != g:
            g = parent[g]
        return g

    for ids in merges:
        roots = sorted({find(group_of[index_of[i]]) for i in ids})
        for root in roots[1:]:
            parent[root] = roots[0]
    joined: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        joined[find(g)].extend(group)
    new_groups = [sorted(joined[root]) for root in sorted(joined)]
    new_topics = {n: topic_of[root] for n, root in enumerate(sorted(joined))}
    return new_groups, new_topics
