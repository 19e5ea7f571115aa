"""What an article is about, as weighted terms: content words, names and numbers, TF-IDF weighted."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from builder.model import Article

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according one two new mr mrs ms""".split()
)
"""Function words and reporting verbs every news story uses: they tell no event from another."""
NAME_WEIGHT = 1.0
"""Extra weight of a capitalised word inside a sentence (a name) on top of its weight as a word."""
TOP_TERMS = 40
"""How many of an article's strongest terms go into the candidate index."""
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Profile:
    """An article's terms with TF-IDF weights, unit length, and its names."""

    weights: dict[str, float]
    """Term -> weight; names are prefixed `@`, numbers `#`."""
    top: tuple[str, ...]
    """The strongest terms, for the candidate index."""
    forms: dict[str, str]
    """Name term -> the name as the article writes it (`@atmeh` -> `Atmeh`)."""


def _terms(article: Article, forms: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    texts = [s.text for s in article.sentences]
    if article.headline:
        texts.append(article.headline.text)
    for text in texts:
        for position, token in enumerate(_TOKEN.findall(text)):
            word = token.lower().replace("’", "'")
            if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
                continue
            if word[0].isdigit():
                counts["#" + word] += 1
                continue
            counts[word] += 1
            if position > 0 and token[0].isupper():
                counts["@" + word] += 1
                forms.setdefault("@" + word, token)
    return counts


def profiles(articles: list[Article]) -> list[Profile]:
    """Return every article's profile; weights use document frequencies over these articles."""
    all_forms = [dict[str, str]() for _ in articles]
    counts = [_terms(a, forms) for a, forms in zip(articles, all_forms, strict=True)]
    frequency: Counter[str] = Counter()
    for terms in counts:
        frequency.update(terms.keys())
    total = len(articles)
    found = []
    for terms, forms in zip(counts, all_forms, strict=True):
        weights: dict[str, float] = {}
        for term, count in terms.items():
            if frequency[term] < 2 and total > 1:
                continue  # a term no other article has cannot link two articles
            boost = NAME_WEIGHT if term[0] == "@" else 1.0
            weights[term] = boost * (1 + math.log(count)) * math.log((1 + total) / frequency[term])
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        unit = {t: w / norm for t, w in weights.items()}
        top = tuple(sorted(unit, key=lambda t: (-unit[t], t))[:TOP_TERMS])
        found.append(Profile(unit, top, forms))
    return found


def cosine(a: Profile, b: Profile) -> float:
    """Return the cosine similarity of two profiles."""
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    return sum(w * large.get(t, 0.0) for t, w in small.items())


def shared_terms(a: Profile, others: list[Profile], limit: int = 8) -> tuple[str, ...]:
    """Return the names, then the words, that most tie an article to the others."""
    score: dict[str, float] = defaultdict(float)
    for other in others:
        for term, weight in a.weights.items():
            if term in other.weights:
                score[term] += weight * other.weights[term]
    ranked = sorted(score, key=lambda t: (-score[t], t))
    names = [t[1:] for t in ranked if t[0] == "@"]
    words = [t.lstrip("#") for t in ranked if t[0] != "@" and t.lstrip("#") not in names]
    names = [a.forms.get("@" + name, name) for name in names]
    half = limit // 2
    chosen = names[:half] + words[: limit - min(half, len(names))]
    return tuple(chosen[:limit])
