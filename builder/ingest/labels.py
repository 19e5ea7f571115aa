"""Name each account as readers would: the outlet, else a few words of its headline or its dateline.

A file id means nothing to a reader; it appears only on the account's own article page.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from builder.dates import reader_date
from builder.model import Article

HEADLINE_WORDS = (4, 6, 8)
"""Words of the headline a label takes: more where fewer would name two accounts alike."""
_WORD = re.compile(r"\S+")


def _headline(article: Article, words: int) -> str:
    found = _WORD.findall(article.title)
    shown = " ".join(found[:words]).rstrip(",;:")
    return f"“{shown}…”" if len(found) > words else f"“{shown}”"


def _base(article: Article, words: int) -> str:
    if article.outlet:
        return article.outlet
    # The first words of a headline, or of a first sentence, name an account better than its dateline does.
    if article.title_source != "file-name" or article.dateline is None:
        return _headline(article, words)
    place = article.dateline.text.strip().rstrip(":,-–— ")
    return f"{place} dateline"


def _day(article: Article) -> str:
    return reader_date(article.published)


def account_names(articles: list[Article]) -> list[Article]:
    """Give every article a name unique in the corpus, in the order given."""
    names = {a.id: _base(a, HEADLINE_WORDS[0]) for a in articles}
    for words in HEADLINE_WORDS[1:]:
        counts = Counter(names.values())
        for a in articles:
            if counts[names[a.id]] > 1 and not a.outlet:
                names[a.id] = _base(a, words)
    # Names still shared take the date; names shared on one date take a number, in id order.
    counts = Counter(names.values())
    for a in articles:
        if counts[names[a.id]] > 1 and _day(a):
            names[a.id] = f"{names[a.id]}, {_day(a)}"
    counts = Counter(names.values())
    taken: Counter[str] = Counter()
    for a in sorted(articles, key=lambda a: a.id):
        if counts[names[a.id]] > 1:
            taken[names[a.id]] += 1
            names[a.id] = f"{names[a.id]} ({taken[names[a.id]]})"
    return [dataclasses.replace(a, account_name=names[a.id]) for a in articles]
