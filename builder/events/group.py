"""Group articles into events: overrides first, then similarity over candidate pairs from an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

from builder.config import Config
from builder.events.cluster import average_linkage
from builder.events.describe import describe
from builder.events.features import Profiles, profiles
from builder.events.overrides import decide
from builder.events.reuse import shared_sentences
from builder.gazetteer import Gazetteer
from builder.model import Article, Corpus, Event

EVENT_CUT = 0.2
"""Mean similarity above which groups of articles are one event."""
TOPIC_CUT = 0.1
"""Mean similarity above which events are related (one topic)."""
MIN_SHARED_TOP_TERMS = 2
"""Two articles are compared only when they share this many of their strongest terms (or sentences)."""
MAX_POSTINGS = 500
"""Terms among more articles' strongest terms than this are too common to suggest a pair."""
TIME_WINDOW_DAYS = 7
"""Articles published further apart than this are different events, however alike."""
PLACE_SENTENCES = 12
"""The opening sentences of each member name the event's place; later ones wander."""


def _candidates(found: Profiles) -> list[tuple[int, int]]:
    """Return the pairs of articles that share enough of their strongest terms to be compared."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, terms in enumerate(found.top):
        for term in terms:
            postings[term].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for items in postings.values():
        if len(items) > MAX_POSTINGS:
            continue
        for position, a in enumerate(items):
            for b in items[position + 1 :]:
                shared[(a, b)] += 1
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED_TOP_TERMS)


def _far_apart(a: Article, b: Article) -> bool:
    if not (a.published and b.published):
        return False
    first, second = dt.date.fromisoformat(a.published[:10]), dt.date.fromisoformat(b.published[:10])
    return abs((first - second).days) > TIME_WINDOW_DAYS


def similarities(articles: list[Article], found: Profiles) -> dict[tuple[int, int], float]:
    """Return the content similarity of each candidate pair that is not too far apart in time."""
    pairs = [(a, b) for a, b in _candidates(found) if not _far_apart(articles[a], articles[b])]
    return dict(zip(pairs, found.cosines(pairs), strict=True))


def group_events(corpus: Corpus, config: Config) -> Corpus:
    """Group the corpus's articles into events and topics; the result does not depend on file order."""
    articles = sorted(corpus.articles, key=lambda a: a.id)
    decisions = decide(articles, corpus.event_rules, f"{corpus.source_root}/corpus.yml")
    found = profiles(articles)
    free = [i for i, a in enumerate(articles) if a.id not in decisions.fixed]
    local = {index: position for position, index in enumerate(free)}
    edges = {
        (local[a], local[b]): s
        for (a, b), s in similarities(articles, found).items()
        if a in local and b in local
    }
    clusters = average_linkage(len(free), edges, EVENT_CUT, TOPIC_CUT)
    groups = [[free[i] for i in event] for event in clusters.events]
    topic_of = {e: t for t, events in enumerate(clusters.topics) for e in events}
    fixed: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        if article.id in decisions.fixed:
            fixed[decisions.fixed[article.id]].append(index)
    for key in sorted(fixed):
        topic_of[len(groups)] = len(clusters.topics) + len(topic_of)
        groups.append(fixed[key])
    groups, topic_of = _merged(groups, topic_of, decisions.merges, {a.id: i for i, a in enumerate(articles)})
    gazetteer = Gazetteer()
    events: list[Event] = []
    topic_members: dict[int, list[int]] = defaultdict(list)
    row_of = {a.id: i for i, a in enumerate(articles)}
    for number, group in enumerate(groups):
        members = [articles[i] for i in group]
        key = next((decisions.fixed[m.id] for m in members if m.id in decisions.fixed), "")
        title = next((decisions.titles[m.id] for m in members if m.id in decisions.titles), None)
        title = title or decisions.titles.get(key)
        place = gazetteer.main_place([s.text for m in members for s in m.sentences[:PLACE_SENTENCES]])
        # Shared sentences are counted within the event only: the explanation needs no more.
        shared = _shared_per_article(shared_sentences(members), members)
        events.append(
            describe(
                members,
                found,
                row_of,
                shared,
                decisions.notes,
                title,
                place,
            )
        )
        topic_members[topic_of[number]].append(number)
    topic_ids = {}
    for numbers in topic_members.values():
        topic_id = min(events[n].id for n in numbers)
        for n in numbers:
            topic_ids[n] = topic_id
    events = [dataclasses.replace(e, topic=topic_ids[n]) for n, e in enumerate(events)]
    ordered = sorted(events, key=lambda e: (e.article_ids[0], e.id))
    return dataclasses.replace(
        corpus, events=tuple(ordered), notices=corpus.notices + tuple(decisions.warnings)
    )


def _shared_per_article(reuse: dict[tuple[int, int], int], articles: list[Article]) -> dict[str, int]:
    """Return, per article, the most sentences it shares with any one other article."""
    best: dict[str, int] = {}
    for (a, _b), count in reuse.items():
        best[articles[a].id] = max(best.get(articles[a].id, 0), count)
    return best


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
