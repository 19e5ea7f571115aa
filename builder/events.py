"""The events stage: group articles that report the same event.

This first grouping joins articles that share most of their sentences (wire copy and its rewrites).
Candidate sentence pairs come from an inverted index of word shingles, never from all pairs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from builder.config import Config
from builder.model import Article, Corpus, Event

SHINGLE = 3
"""Words per shingle in the candidate index."""
MAX_POSTINGS = 50
"""Shingles shared by more sentences than this are too common to suggest a match."""
MIN_SHARED_SHINGLES = 0.2
"""Share of the shorter sentence's shingles two sentences must share to be compared at all."""
SENTENCE_MATCH = 0.6
"""Word-sequence similarity at which two sentences count as the same sentence, edited."""
SHARED_SHARE = 0.5
"""Share of the shorter article's sentences that must match for two articles to be one event."""
_WORD = re.compile(r"\w+")


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def shared_sentences(articles: tuple[Article, ...]) -> dict[tuple[int, int], int]:
    """Count, for each pair of articles (by index), the sentences of the first matched in the second."""
    words = [[_WORD.findall(s.key) for s in a.sentences] for a in articles]
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for a, sentences in enumerate(words):
        for s, tokens in enumerate(sentences):
            for shingle in _shingles(tokens):
                index[shingle].append((a, s))
    shared: Counter[tuple[int, int, int, int]] = Counter()
    for postings in index.values():
        if len(postings) > MAX_POSTINGS:
            continue
        for a, s in postings:
            for b, t in postings:
                if a < b:
                    shared[(a, s, b, t)] += 1
    sizes = [[max(1, len(tokens) - SHINGLE + 1) for tokens in sentences] for sentences in words]
    matched: dict[tuple[int, int], set[int]] = defaultdict(set)
    for (a, s, b, t), count in sorted(shared.items()):
        # Edited sentences keep many shingles; only those are worth the exact comparison.
        if count < MIN_SHARED_SHINGLES * min(sizes[a][s], sizes[b][t]):
            continue
        if SequenceMatcher(None, words[a][s], words[b][t], autojunk=False).ratio() >= SENTENCE_MATCH:
            matched[(a, b)].add(s)
            matched[(b, a)].add(t)
    return {pair: len(found) for pair, found in matched.items()}


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _slugify(title: str, limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "event"


def make_event(members: list[Article]) -> Event:
    """Return the event for these articles; id and slug depend only on the earliest member."""
    ordered = sorted(members, key=lambda a: (a.published or "9999", a.id))
    anchor = ordered[0]
    digest = hashlib.sha1(anchor.id.encode()).hexdigest()
    titled = next((a for a in ordered if a.title_source == "headline"), anchor)
    return Event(
        id=digest[:12],
        slug=f"{_slugify(anchor.title)}-{digest[:6]}",
        title=titled.title,
        article_ids=tuple(a.id for a in ordered),
    )


def group_events(corpus: Corpus, config: Config) -> Corpus:
    """Group the corpus's articles into events, in a stable order."""
    articles = corpus.articles
    parent = list(range(len(articles)))
    # The corpus maintainer's `event` field wins: those articles are grouped by it and by nothing else.
    named: dict[str, int] = {}
    for i, article in enumerate(articles):
        if article.meta.event:
            parent[i] = named.setdefault(article.meta.event, i)
    for (a, b), count in shared_sentences(articles).items():
        if articles[a].meta.event or articles[b].meta.event:
            continue
        smaller = min(len(articles[a].sentences), len(articles[b].sentences))
        if a < b and count >= SHARED_SHARE * smaller:
            parent[_find(parent, a)] = _find(parent, b)
    groups: dict[int, list[Article]] = defaultdict(list)
    for i, article in enumerate(articles):
        groups[_find(parent, i)].append(article)
    events = sorted((make_event(g) for g in groups.values()), key=lambda e: (e.article_ids[0], e.id))
    return dataclasses.replace(corpus, events=tuple(events))
