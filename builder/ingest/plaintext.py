"""Raw `.txt` articles as they arrive: headline line, captions, dateline, no metadata."""

from __future__ import annotations

from builder.ingest.article import build_article
from builder.ingest.sentences import SentenceSplitter
from builder.ingest.structure import find_structure
from builder.model import Article, Problem


def read_plaintext(
    article_id: str,
    path: str,
    data: bytes,
    text: str,
    splitter: SentenceSplitter,
    problems: tuple[Problem, ...],
) -> Article:
    """Return the article held in a raw text file."""
    return build_article(
        article_id=article_id,
        path=path,
        data=data,
        text=text,
        structure=find_structure(text),
        splitter=splitter,
        problems=problems,
    )
