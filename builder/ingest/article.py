"""Assemble an Article from decoded text and the structure found in it."""

from __future__ import annotations

import hashlib
import re

from builder.ingest.normalize import comparison_key
from builder.ingest.sentences import SentenceSplitter
from builder.ingest.structure import Structure
from builder.model import Article, Paragraph, Problem, Sentence

_TITLE_WORDS = 14


def article_slug(article_id: str) -> str:
    """Return a URL-safe slug; ids that need changing get a hash so two ids never share a slug."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", article_id).strip("-.") or "article"
    # `index` would take the place of the articles index page.
    if slug != article_id or slug.lower() == "index":
        slug = f"{slug}-{hashlib.sha1(article_id.encode()).hexdigest()[:6]}"
    return slug


def _title_from(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= _TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"


def build_article(
    *,
    article_id: str,
    path: str,
    data: bytes,
    text: str,
    structure: Structure,
    splitter: SentenceSplitter,
    problems: tuple[Problem, ...] = (),
) -> Article:
    """Return the article: paragraphs, sentences and title from the structure found in text."""
    paragraphs = tuple(Paragraph(i, start, end) for i, (start, end) in enumerate(structure.paragraphs))
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        for start, end in splitter.split(text, paragraph.start, paragraph.end):
            piece = text[start:end]
            sentences.append(
                Sentence(f"s{len(sentences) + 1}", piece, comparison_key(piece), start, end, paragraph.index)
            )
    if structure.headline is not None:
        title, source = " ".join(structure.headline.text.split()), "headline"
    elif sentences:
        title, source = _title_from(sentences[0].text), "first-sentence"
    else:
        title, source = article_id, "file-name"
    return Article(
        id=article_id,
        slug=article_slug(article_id),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
        title=title,
        title_source=source,  # type: ignore[arg-type]
        headline=structure.headline,
        dateline=structure.dateline,
        byline=structure.byline,
        captions=structure.captions,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        problems=problems,
    )
