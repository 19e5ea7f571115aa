"""Text reuse: an article's sentences found in another member of its event, identical or edited."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.fuzz import ratio

from builder.model import Article

CHUNK = 3
"""Words per fingerprint: a sentence is cut into chunks counted from its start and from its end."""
CHUNKS = 4
"""Chunks taken from each end: a word changed or inserted leaves most of them intact."""
SENTENCE_MATCH = 60
"""Character similarity (0-100) at which two sentences sharing a chunk count as one sentence, edited."""
POSTINGS = 20
"""Sentences looked at per fingerprint."""
CHECKED = 3
"""Candidates verified per sentence: the first that matches is enough."""


def _fingerprints(key: str) -> list[str]:
    words = key.replace(".", "").split()  # U.S. and US are one word
    size = len(words)
    found = []
    for n in range(min(CHUNKS, size // CHUNK)):
        found.append(f"{n}<" + " ".join(words[n * CHUNK : (n + 1) * CHUNK]))
        found.append(" ".join(words[size - (n + 1) * CHUNK : size - n * CHUNK]) + f">{n}")
    return found


def shared_sentences(articles: list[Article]) -> dict[str, int]:
    """Return, per article id, how many of its sentences another article has, identical or edited.

    Identical sentences meet on their comparison key; edited ones on chunks of words counted
    from either end, then a character similarity confirms.
    Cost grows with the sentences, not their pairs.
    """
    if len(articles) < 2:
        return dict.fromkeys((a.id for a in articles), 0)
    keys = [[s.key.lower() for s in a.sentences] for a in articles]
    prints = [[_fingerprints(key) for key in sentences] for sentences in keys]
    exact: dict[str, set[int]] = defaultdict(set)
    ends: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, sentences in enumerate(keys):
        for s, key in enumerate(sentences):
            exact[key].add(a)
            for fingerprint in prints[a][s]:
                ends[fingerprint].append((a, s))
    found: dict[str, int] = {}
    for a, sentences in enumerate(keys):
        found[articles[a].id] = sum(
            len(exact[key]) > 1 or _edited_elsewhere(a, key, prints[a][s], ends, keys)
            for s, key in enumerate(sentences)
        )
    return found


def _edited_elsewhere(
    a: int, key: str, prints: list[str], ends: dict[str, list[tuple[int, int]]], keys: list[list[str]]
) -> bool:
    """Return whether another article has a sentence sharing a fingerprint and most characters with this."""
    tried: set[tuple[int, int]] = set()
    for fingerprint in prints:
        # A fingerprint many sentences share says little: look at its first few only.
        for b, t in ends[fingerprint][:POSTINGS]:
            if b == a or (b, t) in tried:
                continue
            if ratio(key, keys[b][t], score_cutoff=SENTENCE_MATCH):
                return True
            tried.add((b, t))
            if len(tried) >= CHECKED:
                return False
    return False
