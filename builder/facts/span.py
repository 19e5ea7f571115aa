"""Make facts from matches inside sentences: offsets into the article's text, never copied positions."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model import Article, Attribution, Fact, Sentence

Value = tuple[tuple[str, str | int | float | bool | None], ...]


def sentences(article: Article) -> Iterator[Sentence]:
    """The article's sentences in reading order (headline and captions are not sentences)."""
    yield from article.sentences


def fact(
    article: Article,
    sentence: Sentence,
    start: int,
    end: int,
    *,
    kind: str,
    key: str,
    value: Value,
    extractor: str,
    attribution: Attribution | None = None,
) -> Fact:
    """A fact whose words are `sentence.text[start:end]` (offsets relative to the sentence)."""
    begin, finish = sentence.start + start, sentence.start + end
    return Fact(
        kind=kind,
        key=key,
        value=value,
        text=article.text[begin:finish],
        article=article.id,
        sentence=sentence.id,
        start=begin,
        end=finish,
        extractor=extractor,
        attribution=attribution,
    )
