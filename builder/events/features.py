"""What an article is about, as weighted terms: content words, names and numbers, TF-IDF weighted."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

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
"""Weight of a capitalised word inside a sentence (a name), on top of its weight as a word."""
TOP_TERMS = 40
"""How many of an article's strongest terms go into the candidate index."""
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
# A capitalised word after a lowercase word or a comma: a name, not the first word of a sentence.
_NAME = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][\w'-]*")


@dataclass(frozen=True)
class Profiles:
    """Every article's terms as unit-length TF-IDF rows of one sparse matrix."""

    matrix: csr_matrix
    """Row per article, column per term."""
    terms: list[str]
    """Column -> term; names are prefixed `@`, numbers `#`."""
    top: list[tuple[str, ...]]
    """Per article, the strongest terms, for the candidate index."""
    forms: list[dict[str, str]]
    """Per article, name term -> the name as written (`@atmeh` -> `Atmeh`)."""

    def cosines(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Return the cosine similarity of each pair of rows."""
        if not pairs:
            return []
        left = self.matrix[[a for a, _ in pairs]]
        right = self.matrix[[b for _, b in pairs]]
        return [float(x) for x in np.asarray(left.multiply(right).sum(axis=1)).ravel()]

    def weights(self, row: int) -> dict[str, float]:
        """Return one article's terms and weights."""
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        columns, values = self.matrix.indices[start:end], self.matrix.data[start:end]
        return {self.terms[c]: float(v) for c, v in zip(columns, values, strict=True)}


def _terms(article: Article, forms: dict[str, str]) -> Counter[str]:
    parts = [s.text for s in article.sentences]
    if article.headline:
        parts.append(article.headline.text)
    text = "\n".join(parts).replace("’", "'")
    counts: Counter[str] = Counter(_WORD.findall(text.lower()))
    for word in [w for w in counts if w in STOPWORDS or len(w) < 2]:
        del counts[word]
    for number, count in Counter(_NUMBER.findall(text)).items():
        counts["#" + number] = count
    for name, count in Counter(_NAME.findall(text)).items():
        key = "@" + name.lower()
        if name.lower() not in STOPWORDS:
            counts[key] += count
            forms.setdefault(key, name)
    return counts


def profiles(articles: list[Article]) -> Profiles:
    """Return the articles' profiles; weights use document frequencies over these articles."""
    forms = [dict[str, str]() for _ in articles]
    counts = [_terms(a, f) for a, f in zip(articles, forms, strict=True)]
    frequency: Counter[str] = Counter()
    for terms in counts:
        frequency.update(terms.keys())
    total = len(articles)
    # A term no other article has cannot link two articles.
    columns = {t: i for i, t in enumerate(sorted(t for t, n in frequency.items() if n > 1 or total == 1))}
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    top: list[tuple[int, ...]] = []
    for terms in counts:
        row = {}
        for term, count in terms.items():
            column = columns.get(term)
            if column is not None:
                boost = NAME_WEIGHT if term[0] == "@" else 1.0
                row[column] = boost * (1 + math.log(count)) * math.log((1 + total) / frequency[term])
        norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
        ordered = sorted(row)
        indices.extend(ordered)
        data.extend(row[c] / norm for c in ordered)
        indptr.append(len(indices))
        strongest = sorted(row, key=lambda c: -row[c])[:TOP_TERMS]
        top.append(tuple(sorted(strongest)))
    names = [""] * len(columns)
    for term, column in columns.items():
        names[column] = term
    matrix = csr_matrix((np.array(data, dtype=np.float64), indices, indptr), shape=(total, len(columns)))
    return Profiles(matrix, names, [tuple(names[c] for c in t) for t in top], forms)


def shared_terms(found: Profiles, row: int, others: list[int], limit: int = 8) -> tuple[str, ...]:
    """Return the names, then the words, that most tie an article to the others."""
    own = found.weights(row)
    score: dict[str, float] = defaultdict(float)
    for other in others:
        for term, weight in found.weights(other).items():
            if term in own:
                score[term] += weight * own[term]
    ranked = sorted(score, key=lambda t: (-score[t], t))
    names = [t[1:] for t in ranked if t[0] == "@"]
    words = [t.lstrip("#") for t in ranked if t[0] != "@" and t.lstrip("#") not in names]
    shown = [found.forms[row].get("@" + name, name) for name in names]
    half = limit // 2
    return tuple((shown[:half] + words[: limit - min(half, len(shown))])[:limit])
