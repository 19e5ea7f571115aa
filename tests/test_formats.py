"""Golden fixtures per format and structure case: tests/fixtures/ingest/<case>/ -> <case>.expected.json."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from builder.accounting import account
from builder.config import Config
from builder.ingest import ingest
from builder.model import Article, Corpus, Span
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _texts(spans: tuple[Span, ...]) -> list[str]:
    return [s.text for s in spans]


def summary(article: Article) -> dict[str, Any]:
    """The parts of an article a reader checks: what was recognised, and the metadata."""
    meta = article.meta
    return {
        "id": article.id,
        "format": article.format,
        "text_source": article.text_source,
        "record": article.record,
        "title": article.title,
        "title_source": article.title_source,
        "source_line": article.source_line.text if article.source_line else None,
        "headline": article.headline.text if article.headline else None,
        "date_line": article.date_line.text if article.date_line else None,
        "standfirst": article.standfirst.text if article.standfirst else None,
        "byline": article.byline.text if article.byline else None,
        "dateline": article.dateline.text if article.dateline else None,
        "captions": _texts(article.captions),
        "credits": _texts(article.credits),
        "boilerplate": _texts(article.boilerplate),
        "sentences": [s.text for s in article.sentences],
        "outlet": meta.outlet,
        "url": meta.url,
        "published": meta.published,
        "retrieved": meta.retrieved,
        "authors": list(meta.authors),
        "tags": list(meta.tags),
        "language": meta.language,
        "license": meta.license,
        "event": meta.event,
        "companions": list(article.companions),
        "problems": [str(p) for p in article.problems],
    }


def read_case(case: str) -> Corpus:
    return ingest(Corpus(), Config(seeds_dir=FIXTURES / case, cache_dir=None))


@pytest.mark.parametrize("case", CASES)
def test_fixture_corpus_reads_as_expected(case: str) -> None:
    corpus = read_case(case)
    found = {
        "articles": [summary(a) for a in corpus.articles],
        "rejected": [str(r) for r in corpus.rejected],
        "notices": [str(n) for n in corpus.notices],
        "outlets": [o.name for o in corpus.outlets],
        "files": {row.path: row.outcome for row in account(corpus)},
    }
    expected_file = FIXTURES / f"{case}.expected.json"
    if os.environ.get("PARALLAX_UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_every_offset_slices_the_text_back(case: str) -> None:
    for article in read_case(case).articles:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
        parts = [*article.captions, *article.credits, *article.boilerplate]
        parts += [s for s in (article.headline, article.standfirst, article.byline, article.dateline) if s]
        for part in parts:
            assert article.text[part.start : part.end] == part.text


@pytest.mark.parametrize("case", CASES)
def test_conservation_every_file_is_accounted_for(case: str) -> None:
    corpus = read_case(case)
    rows = account(corpus)
    assert [row.path for row in rows] == list(corpus.files)
    assert all(row.outcome != "unaccounted" for row in rows), rows
    on_disk = sorted(p for p in (FIXTURES / case).rglob("*") if p.is_file())
    assert len(rows) == len(on_disk)
