"""The screen stage: pages scrapers bring in that hold no story are set aside, with the reason."""

from __future__ import annotations

import dataclasses
import re

from builder.config import Config
from builder.model import Article, Corpus, Rejected

_WALL = re.compile(
    r"\b(?:cookies?|javascript|sign(?:ed)?\s+in|log(?:ged)?\s+in|login|subscribe|subscription|subscriber"
    r"|paywall|create\s+an\s+account|register|access\s+denied|page\s+not\s+found|not\s+found|404|403"
    r"|enable|browser|consent|privacy\s+policy|terms\s+of\s+(?:use|service)|ad\s*-?blocker|captcha|robot)\b",
    re.IGNORECASE,
)
WALL_SHARE = 0.5
"""Share of sentences about cookies, log-ins or errors that makes a page a wall, not a story."""
WALL_MAX_WORDS = 200
"""A page longer than this is a story that mentions such things, not a wall."""
LINK_LIST_SHARE = 0.6
"""Share of short unpunctuated paragraphs that makes a page a list of links."""
LINK_LIST_MIN = 5
"""A list of links has at least this many items."""


def why_not_an_article(article: Article) -> str | None:
    """Return why the article is not a story (a wall, an error page, a list of links), or None."""
    words = sum(len(s.text.split()) for s in article.sentences)
    walls = sum(1 for s in article.sentences if _WALL.search(s.text))
    if words <= WALL_MAX_WORDS and walls >= WALL_SHARE * len(article.sentences):
        count = len(article.sentences)
        return f"not an article: {walls} of {count} sentences are a login wall, cookie notice or error page"
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
    short = [p for p in paragraphs if len(p.split()) <= 8 and p.rstrip()[-1:] not in '.!?"”’']
    if len(short) >= LINK_LIST_MIN and len(short) >= LINK_LIST_SHARE * len(paragraphs):
        count = len(paragraphs)
        return f"not an article: {len(short)} of {count} paragraphs are short lines with no full stop (links)"
    return None


def screen_articles(corpus: Corpus, config: Config) -> Corpus:
    """Move pages that are not stories from the articles to the rejected, so no event is built on them."""
    kept: list[Article] = []
    set_aside: list[Rejected] = []
    for article in corpus.articles:
        reason = why_not_an_article(article)
        if reason is None:
            kept.append(article)
        else:
            set_aside.append(Rejected(article.path, reason, severity="not-an-article"))
    return dataclasses.replace(corpus, articles=tuple(kept), rejected=corpus.rejected + tuple(set_aside))
