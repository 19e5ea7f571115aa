"""What an article is about, as two TF-IDF profiles: its content words and numbers, and the names it uses."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, diags

from builder.events.sparse import strongest
from builder.model import Article
from builder.vocabulary import CALENDAR, STOPWORDS

PROFILE_TERMS = 100
"""Grouping compares each article's strongest terms of each kind; the rest add little but cost."""
_TOKEN = re.compile(r"\w+(?:['.,-]\w+)*")
"""Words, with inner apostrophes and hyphens (al-Assad), and numbers with their separators (1,000)."""
_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?-…*_#"
# The lookbehinds come after the first capital so that the scan for a capital stays fast.
_NAME_RUN = re.compile(r"[A-Z](?:(?<=[ \t].)|(?<=[ \t][\"“‘'(\[].))[\w'.-]*(?:[ \t]+[A-Z][\w'.-]*)*")
"""Runs of capitalised words after a space: a line's first word, capitalised whatever it is, never counts."""


@dataclass(frozen=True)
class Profile:
    """One article's terms, counted: content words and numbers, and names."""

    content: Counter[str]
    names: Counter[str]
    forms: dict[str, str]
    """Name term -> the name as written (`atmeh` -> `Atmeh`, `charles_lister` -> `Charles Lister`)."""


def _title_case(line: str) -> bool:
    """Headlines in title case capitalise every word: none of them marks a name."""
    long = [t for t in _TOKEN.findall(line) if len(t) > 3 and not t[0].isdigit()]
    return len(long) >= 3 and sum(t[0].isupper() for t in long) >= 0.8 * len(long)


def _names(text: str, names: Counter[str], forms: dict[str, str]) -> None:
    for match in _NAME_RUN.finditer(text):
        words = [w.rstrip(".'").removesuffix("'s") for w in match[0].split()]
        # A stopword or a day's name inside a run ends one name and starts the next.
        run: list[str] = []
        for word in [*words, ""]:
            low = word.lower()
            if word and low not in STOPWORDS and low not in CALENDAR:
                run.append(word)
                continue
            if run:
                keys = [r.lower() for r in run]
                names.update(keys)
                for key, written in zip(keys, run, strict=True):
                    forms.setdefault(key, written)
                if len(run) > 1:
                    names["_".join(keys)] += 1
                    forms.setdefault("_".join(keys), " ".join(run))
                run = []


def profile(headline: str | None, sentences: list[str]) -> Profile:
    """Return the terms of an article: its headline (if any) and body sentences, one per line.

    Content terms are counted as found; `_weighted` drops stopwords once for the whole vocabulary.
    """
    text = "\n".join(sentences).replace("’", "'")
    head = (headline or "").replace("’", "'")
    names: Counter[str] = Counter()
    forms: dict[str, str] = {}
    _names(text, names, forms)
    if head and not _title_case(head):
        _names(head, names, forms)
    # Splitting on white space is four times faster than a word pattern; `_content_term` trims the rest.
    words = f"{head}\n{text}".lower().replace("—", " ").replace("–", " ").replace("/", " ").split()
    return Profile(Counter(words), names, forms)


def _content_term(term: str) -> str | None:
    """Return the term a counted word stands for (Assad's is Assad), or None for a stopword."""
    term = term.strip(_PUNCTUATION).removesuffix("'s")
    if term in STOPWORDS or (len(term) < 2 and not term.isdigit()):
        return None
    return term


def article_profile(article: Article) -> Profile:
    """Return an article's profile from its headline and body sentences (captions tell of other days)."""
    return profile(article.headline.text if article.headline else None, [s.text for s in article.sentences])


def _weighted(
    counts: list[Counter[str]], canonical: Callable[[str], str | None]
) -> tuple[csr_matrix, list[str]]:
    """Return sublinear TF-IDF rows of unit length, and the column -> term list.

    `canonical` maps each counted term to the term it counts for, or None to leave it out.
    """
    found = list(dict.fromkeys(itertools.chain.from_iterable(counts)))
    canonical_of = list(map(canonical, found))
    terms = list(dict.fromkeys(t for t in canonical_of if t is not None))
    column_of = {term: number for number, term in enumerate(terms)}
    target = np.array([-1 if t is None else column_of[t] for t in canonical_of], dtype=np.int64)
    position = {term: number for number, term in enumerate(found)}
    entries = sum(map(len, counts))
    chained = itertools.chain.from_iterable
    raw = np.fromiter(map(position.__getitem__, chained(counts)), dtype=np.int64, count=entries)
    rows = np.repeat(np.arange(len(counts)), [len(c) for c in counts])
    tf = np.fromiter(chained(c.values() for c in counts), dtype=np.float64, count=entries)
    keep = target[raw] >= 0
    # Duplicates (two spellings of one term in a row) are summed as the matrix is built.
    matrix = csr_matrix((tf[keep], (rows[keep], target[raw][keep])), shape=(len(counts), len(terms)))
    matrix.sum_duplicates()
    frequency = np.bincount(matrix.indices, minlength=len(terms))
    matrix.data = (1 + np.log(matrix.data)) * (
        1 + np.log((1 + len(counts)) / (1 + frequency[matrix.indices]))
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = (diags(1 / np.where(norms > 0, norms, 1.0)) @ matrix).tocsr()
    matrix.sort_indices()
    return matrix, terms


@dataclass(frozen=True)
class Profiles:
    """Every article's two profiles as unit-length TF-IDF rows: one sparse matrix per bag."""

    content: csr_matrix
    names: csr_matrix
    content_terms: list[str]
    name_terms: list[str]
    forms: list[dict[str, str]]

    def similarities(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Return the similarity, 0 to 1, of each pair of rows `left[k]`, `right[k]`.

        Both kinds of evidence must agree: the geometric mean of the content words' cosine and the
        names' cosine, so that look-alike stories (two earthquakes: same words, other places and
        people) stay apart. When either article has no names (all lower case, or a script without
        capitals), the content words alone decide: absence is no evidence against the pair.
        """
        named = np.diff(self.names.indptr) > 0
        out = np.zeros(len(left))
        chunk = 100_000  # bounds the memory the row products take
        for start in range(0, len(left), chunk):
            a, b = left[start : start + chunk], right[start : start + chunk]
            content = np.asarray(self.content[a].multiply(self.content[b]).sum(axis=1)).ravel()
            names = np.asarray(self.names[a].multiply(self.names[b]).sum(axis=1)).ravel()
            both = named[a] & named[b]
            out[start : start + chunk] = np.where(both, np.sqrt(content * names), content)
        return out

    def strongest(self) -> Profiles:
        """Return the profiles cut to each article's PROFILE_TERMS strongest terms of each kind."""
        content, names = strongest(self.content, PROFILE_TERMS), strongest(self.names, PROFILE_TERMS)
        return Profiles(content, names, self.content_terms, self.name_terms, self.forms)

    def cosines(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Return the similarity of each pair of rows."""
        if not pairs:
            return []
        left = np.array([a for a, _ in pairs], dtype=np.int64)
        right = np.array([b for _, b in pairs], dtype=np.int64)
        return [float(x) for x in self.similarities(left, right)]

    def weights(self, row: int) -> dict[str, float]:
        """Return one article's terms and weights; names are prefixed `@`."""
        found: dict[str, float] = {}
        for matrix, terms, prefix in (
            (self.content, self.content_terms, ""),
            (self.names, self.name_terms, "@"),
        ):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            for column, value in zip(matrix.indices[start:end], matrix.data[start:end], strict=True):
                found[prefix + terms[column]] = float(value)
        return found


def profiles(articles: list[Article]) -> Profiles:
    """Return the articles' profiles; weights use document frequencies over these articles."""
    found = [article_profile(a) for a in articles]
    content, content_terms = _weighted([p.content for p in found], _content_term)
    names, name_terms = _weighted([p.names for p in found], str)
    return Profiles(content, names, content_terms, name_terms, [p.forms for p in found])
