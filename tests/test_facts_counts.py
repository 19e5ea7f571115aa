"""The counts extractor: golden sentences and articles (`fixtures/facts/counts.yml`), seeds, invariants."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.background import is_background, latest_year
from builder.config import Config
from builder.facts.counts import article_total, extract
from builder.facts.numbers import amounts, word_value
from builder.ingest import ingest
from builder.model import Article, Corpus, Fact
from tests.conftest import SEEDS, write_corpus

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "facts" / "counts.yml").read_text("utf-8")
)


def _ingest(files: dict[str, str]) -> dict[str, Article]:
    with tempfile.TemporaryDirectory() as folder:
        seeds = write_corpus(Path(folder) / "seeds", dict(files))
        corpus = ingest(Corpus(), Config(seeds_dir=seeds, cache_dir=None))
    return {article.id: article for article in corpus.articles}


@functools.cache
def _fixture_articles() -> dict[str, Article]:
    files = {f"{name}.txt": text for name, text in CASES["sentences"].items()}
    files.update({f"{name}.txt": case["text"] for name, case in CASES["articles"].items()})
    return _ingest(files)


def _row(found: Fact) -> list[Any]:
    value = dict(found.value)
    return [found.kind, value["min"], value["max"], value["qualifier"], value["who"], found.text]


@pytest.mark.parametrize("name", sorted(CASES["sentences"]))
def test_golden_sentence(name: str) -> None:
    article = _fixture_articles()[name]
    found = extract(article)
    assert [_row(f) for f in found if not f.key.startswith("background:")] == CASES["expected"][name]
    if name.startswith("background_"):
        # Counts of earlier events and running totals are kept, apart: background, never the event's.
        assert any(f.key.startswith("background:") for f in found)
        assert all(dict(f.value).get("background") for f in found if f.key.startswith("background:"))


@pytest.mark.parametrize("name", sorted(CASES["articles"]))
def test_golden_article_total(name: str) -> None:
    facts = extract(_fixture_articles()[name])
    for kind, total in CASES["articles"][name]["totals"].items():
        found = article_total(facts, kind)
        assert (list(found) if found is not None else None) == total, kind


def test_seed_accounts_give_both_figures_of_the_raid() -> None:
    corpus = ingest(Corpus(), Config(seeds_dir=SEEDS, cache_dir=None))
    for article in corpus.articles:
        facts = extract(article)
        killed = [[*_row(f)[1:4], f.text] for f in facts if f.key == "killed"]
        assert [12, None, "at least", "at least 12 people were killed"] in killed
        assert [3, None, "vague", "several people were killed"] in killed
        assert [12, None, "at least", "at least 12 bodies"] in killed
        displaced = [[*_row(f)[1:4], f.text] for f in extract(article) if f.kind == "displaced"]
        assert displaced == [[20_000, None, "vague", "tens of thousands of displaced"]]
        # "no immediate reports of any militants being killed" states no count.
        assert not any("militant" in row[-1] for row in killed)
        # Baghdadi's death "in 2019" is background to the 2022 raid, not one of its dead.
        assert not any("Baghdadi" in row[-1] for row in killed)
        assert any(f.key == "background:killed" and "died" in f.text for f in facts)
        assert article_total(extract(article), "killed") == (12, None)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twelve", 12),
        ("twenty-one", 21),
        ("a hundred and two", 102),
        ("one hundred and two", 102),
        ("three million, two hundred & forty", 3_000_240),
        ("1,500", 1500),
        ("victims", None),
    ],
)
def test_number_words(words: str, value: int | None) -> None:
    assert word_value(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 12", (12, None, "at least")),
        ("more than a dozen", (13, None, "more than")),
        ("two or three", (2, 3, "range")),
        ("between 44 and 50", (44, 50, "range")),
        ("several", (3, None, "vague")),
        ("tens of thousands", (20_000, None, "vague")),
        ("nearly 100", (100, 100, "about")),
    ],
)
def test_amounts(text: str, expected: tuple[int | None, int | None, str | None]) -> None:
    (found,) = amounts(text)
    assert (found.min, found.max, found.qualifier) == expected
    assert found.text == text


@pytest.mark.parametrize("text", ["a 17-year-old boy", "at 9:30 p.m.", "2.5 miles", "the 1990s", "40%"])
def test_ages_times_decimals_and_percentages_are_not_counts(text: str) -> None:
    assert amounts(text) == []


_WORDS = st.sampled_from(
    "at least more than up to about several dozens of twelve 12 10 to 12 people civilians a man woman boy "
    "17-year-old and were was killed wounded injured arrested missing displaced died dead the victim police "
    "said he she , . killing injuring left bodies death toll rose No one nobody Smith".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=14), min_size=1, max_size=4))
def test_every_fact_slices_the_file_back_to_its_text(sentences: list[list[str]]) -> None:
    text = " ".join(" ".join(words).capitalize() + "." for words in sentences)
    article = _ingest({"a.txt": "Headline\n\n" + text}).get("a")
    if article is None:
        return
    for found in extract(article):
        assert article.text[found.start : found.end] == found.text
        assert found.kind in {"killed", "injured", "missing", "arrested", "displaced"}
        assert found.key == found.kind and found.extractor == "counts"
        sentence = next(s for s in article.sentences if s.id == found.sentence)
        assert sentence.start <= found.start < found.end <= sentence.end


@pytest.mark.parametrize(
    ("sentence", "published", "background"),
    [
        ("The commander died in a raid in 2019.", 2022, True),
        ("The commander died in a raid in 2022.", 2022, False),
        ("The officer died on March 3, 2021.", 2022, True),
        ("The officer died on March 3, 2021.", None, False),
        ("The commander died in a raid in 2019.", None, True),
        ("A man was killed in the first homicide of 2016.", None, False),
        ("Nine people were killed, the deadliest attack since 2019.", None, False),
        ("Two more people have been killed nationwide this year.", None, True),
        ("Three people died when a similar bomb went off two months ago.", None, True),
    ],
)
def test_background_sentences(sentence: str, published: int | None, background: bool) -> None:
    assert is_background(sentence, 0, published, None) is background


def test_background_after_an_earlier_event_only_covers_what_follows() -> None:
    sentence = "Two people were killed; the attack comes a week after a bombing killed five."
    assert not is_background(sentence, 0, None, None)
    assert is_background(sentence, sentence.index("killed five"), None, None)


def test_a_year_before_the_latest_in_the_article_is_past() -> None:
    assert latest_year("Filed Feb. 11, 2016. Police in the 1800 block said ...") == 2016
    assert is_background("He was found shot dead on Nov. 21, 1998.", 0, None, 2016)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=40))
def test_killed_and_injured_are_counted_apart_never_summed(killed: int, injured: int) -> None:
    text = (
        f"A gunman opened fire at a mall on Saturday. {killed} people were killed and {injured} were injured."
    )
    facts = extract(_ingest({"mall.txt": text})["mall"])
    assert article_total(facts, "killed") == (killed, killed)
    assert article_total(facts, "injured") == (injured, injured)
