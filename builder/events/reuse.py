"""Text reuse: sentences two articles share, identical or edited (wire copy and its rewrites)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from builder.model import Article

SHINGLE = 3
"""Words per shingle in the candidate index."""
MAX_POSTINGS = 50
"""Shingles shared by more sentences than this are too common to suggest a match."""
MIN_SHARED_SHINGLES = 0.2
"""Share of the shorter sentence's shingles two sentences must share to be compared at all."""
SENTENCE_MATCH = 0.6
"""Word-sequence similarity at which two sentences count as the same sentence, edited."""
_WORD = re.compile(r"\w+")


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def shared_sentences(articles: list[Article]) -> dict[tuple[int, int], int]:
    """Count, for each ordered pair of articles (by index), the first's sentences matched in the second."""
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
