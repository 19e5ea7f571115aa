"""Name each account as readers would: the outlet, else a few words of its headline or its dateline.

A file id means nothing to a reader; it appears only on the account's own article page.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

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
        counts: dict[str, int] = defaultdict(int)
        for name in names.values():
            counts[name] += 1
        for a in articles:
            if counts[names[a.id]] > 1 and not a.outlet:
                names[a.id] = _base(a, words)
    by_name: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_name[names[a.id]].append(a)
    for name, alike in by_name.items():
        if len(alike) == 1:
            continue
        dated = {a.id: f"{name}, {_day(a)}" if _day(a) else name for a in alike}
        seen: dict[str, int] = defaultdict(int)
        for a in sorted(alike, key=lambda a: a.id):
            seen[dated[a.id]] += 1
        taken: dict[str, int] = defaultdict(int)
        for a in sorted(alike, key=lambda a: a.id):
            label = dated[a.id]
            if seen[label] > 1:
                taken[label] += 1
                label = f"{label} ({taken[label]})"
            names[a.id] = label
    return [dataclasses.replace(a, account_name=names[a.id]) for a in articles]
