"""Quote and source facts on articles read by the real ingest: golden cases, the seeds and offsets."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.config import Config
from builder.facts.quotes import extract
from builder.ingest import ingest
from builder.model import Article, Corpus, Fact
from tests.conftest import SEED_000, SEED_001, SEEDS, write_corpus

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "facts" / "quotes.yml").read_text("utf-8")
)


def _article(body: str) -> Article:
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), {"story.txt": "A headline for the test\n\n" + body})
        corpus = ingest(Corpus(), Config(seeds_dir=Path(folder), cache_dir=None))
    return corpus.articles[0]


def _seed(article_id: str) -> Article:
    return ingest(Corpus(), Config(seeds_dir=SEEDS, cache_dir=None)).article(article_id)


def _offsets_hold(article: Article, facts: list[Fact]) -> None:
    for f in facts:
        assert article.text[f.start : f.end] == f.text
        values = dict(f.value)
        if f.kind == "quote":
            source_start, source_end = int(str(values["source_start"])), int(str(values["source_end"]))
            assert article.text[source_start:source_end] == values["source"]
            assert f.key.startswith("quote:") and f.extractor == "quotes"
        else:
            assert f.kind == "source" and f.key.startswith("source:")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    article = _article(case["body"])
    facts = extract(article)
    _offsets_hold(article, facts)
    quotes = {f.text: f for f in facts if f.kind == "quote"}
    for expected in case["quotes"]:
        assert expected["content"] in quotes, f"{expected['content']!r} not in {list(quotes)}"
        found = quotes[expected["content"]]
        values = dict(found.value)
        assert values["source"] == expected["source"]
        assert values["resolved"] == expected["resolved"]
        assert values["cue"] == expected["cue"]
        assert values["direct"] is expected["direct"]
        assert found.attribution is not None and found.attribution.type == expected["type"]
    if not case["quotes"]:
        assert not quotes
    sources = {f.key: f for f in facts if f.kind == "source"}
    for expected in case["sources"]:
        assert expected["key"] in sources, f"{expected['key']} not in {list(sources)}"
        made = sources[expected["key"]]
        assert made.attribution is not None and made.attribution.type == expected["type"]
        if "text" in expected:
            assert made.text == expected["text"]
    for key in case.get("not_sources", []):
        assert key not in sources
    if not case["sources"]:
        assert not sources


def test_the_same_quote_in_both_seed_accounts_has_one_key() -> None:
    # One account uses straight quotes, the other curly ones; the keys must not care.
    keys = [{f.key for f in extract(_seed(seed)) if f.kind == "quote"} for seed in (SEED_000, SEED_001)]
    shared = keys[0] & keys[1]
    assert "quote:charles lister:clearly they wanted whoever it was alive" in shared
    assert "quote:charles lister:this looks like the biggest of this type" in shared


def test_seed_sources_are_typed() -> None:
    sources = {f.key: f for f in extract(_seed(SEED_000)) if f.kind == "source"}
    assert sources["source:afp"].attribution is not None
    assert sources["source:afp"].attribution.type == "agency"
    assert sources["source:witnesses"].attribution is not None
    assert sources["source:witnesses"].attribution.type == "witnesses"
    assert sources["source:opposition official who declined to be named"].attribution is not None
    assert sources["source:opposition official who declined to be named"].attribution.type == "anonymous"
    keys = [f.key for f in extract(_seed(SEED_000)) if f.kind == "source"]
    assert len(keys) == len(set(keys))  # one per distinct source


_WORDS = st.sampled_from(
    [
        "said",
        "told",
        "according to",
        "he",
        "she",
        "Lister",
        "Charles Lister,",
        "residents",
        "the ministry",
        "AFP",
        "(AFP)",
        "who",
        "“",
        "”",
        '"',
        ",",
        ".",
        ":",
        "that",
        "the raid",
        "was over",
        "adding",
        "\n\n",
        "’s",
        "was",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_every_fact_slices_the_file_back_to_its_text(words: list[str]) -> None:
    article = _article(" ".join(words) + ".")
    _offsets_hold(article, extract(article))
