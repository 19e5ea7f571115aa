"""Assemble an Article from a format reader's document: structure, sentences, title."""

from __future__ import annotations

import dataclasses
import hashlib
import re

from builder.dates import date_line
from builder.ingest.document import Document, Source
from builder.ingest.metadata import web_address
from builder.ingest.normalize import comparison_key
from builder.ingest.sentences import SentenceSplitter
from builder.ingest.structure import find_structure
from builder.model import Article, Paragraph, Sentence

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
    document: Document, source: Source, splitter: SentenceSplitter, companions: tuple[str, ...] = ()
) -> Article:
    """Return the article: parts, paragraphs, sentences and title found in the document's text."""
    text = document.text
    structure = find_structure(text, document.body_start)
    paragraphs = tuple(Paragraph(i, start, end) for i, (start, end) in enumerate(structure.paragraphs))
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        for start, end in splitter.split(text, paragraph.start, paragraph.end):
            piece = text[start:end]
            sentences.append(
                Sentence(f"s{len(sentences) + 1}", piece, comparison_key(piece), start, end, paragraph.index)
            )
    meta = document.meta
    # Metadata given with the file wins over what its opening lines say.
    if structure.source and not meta.url:
        meta = dataclasses.replace(meta, url=web_address(structure.source.text))
    if structure.date and not meta.published:
        meta = dataclasses.replace(meta, published=date_line(structure.date.text))
    if document.meta.title:
        title, title_source = " ".join(document.meta.title.split()), "metadata"
    elif structure.headline is not None:
        title, title_source = " ".join(structure.headline.text.split()), "headline"
    elif sentences:
        title, title_source = _title_from(sentences[0].text), "first-sentence"
    else:
        title, title_source = document.article_id, "file-name"
    return Article(
        id=document.article_id,
        slug=article_slug(document.article_id),
        path=source.shown,
        sha256=hashlib.sha256(source.data).hexdigest(),
        size=len(source.data),
        text=text,
        title=title,
        title_source=title_source,  # type: ignore[arg-type]
        headline=structure.headline,
        dateline=structure.dateline,
        byline=structure.byline,
        captions=structure.captions,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        meta=meta,
        format=document.format,
        text_source=document.text_source,
        record=document.record,
        standfirst=structure.standfirst,
        credits=structure.credits,
        boilerplate=structure.boilerplate,
        companions=companions,
        problems=document.problems,
        source_line=structure.source,
        date_line=structure.date,
    )
