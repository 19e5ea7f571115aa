"""The two seed articles: structure, sentences and one shared event, read by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import Config
from builder.model import Corpus
from builder.pipeline import analyse
from tests.conftest import SEED_000, SEED_001, SEEDS


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return analyse(Config(seeds_dir=SEEDS))


def test_seed_000_has_headline_and_photo_caption(corpus: Corpus) -> None:
    article = corpus.article(SEED_000)
    assert article.title == "Civilians killed after US-led coalition strikes in Syria near Turkey"
    assert article.title_source == "headline"
    assert article.headline is not None and article.headline.start == 0
    [caption] = article.captions
    assert caption.text.startswith("A U.S. Navy fighter jet lands on the deck")
    assert caption.text.endswith("Nov. 21, 2016. (AP File Photo)")
    assert article.dateline is None
    # Neither the headline nor the caption is a body sentence.
    assert article.sentences[0].text.startswith("Civilian casualties were reported")
    assert all("(AP File Photo)" not in s.text for s in article.sentences)


def test_seed_001_opens_with_dateline_and_has_no_headline(corpus: Corpus) -> None:
    article = corpus.article(SEED_001)
    assert article.headline is None
    assert article.captions == ()
    assert article.dateline is not None
    assert article.dateline.text == "SANA’A"
    assert (article.dateline.start, article.dateline.end) == (0, 6)
    first = article.sentences[0]
    assert first.text.startswith("A US-led coalition raid on Thursday")
    assert first.start == len("SANA’A: ")
    assert article.title_source == "first-sentence"
    assert article.title.startswith("A US-led coalition raid on Thursday")


def test_sentences_are_exact_slices_of_the_decoded_file(corpus: Corpus) -> None:
    for article in corpus.articles:
        text = (SEEDS / Path(article.path).name).read_bytes().decode("utf-8")
        assert article.text == text
        previous_end = 0
        for sentence in article.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.start >= previous_end
            previous_end = sentence.end


def test_seed_sentence_boundaries(corpus: Corpus) -> None:
    a, b = corpus.article(SEED_000), corpus.article(SEED_001)
    assert len(a.sentences) == 22 and len(b.sentences) == 17
    # Abbreviations do not end sentences; quoted speech stays with its attribution.
    assert any(s.text.startswith("For years, the U.S. military has launched") for s in a.sentences)
    assert '"Clearly they wanted whoever it was alive," Lister said.' in [s.text for s in a.sentences]
    assert "“Clearly they wanted whoever it was alive,” Lister said." in [s.text for s in b.sentences]


def test_the_two_seeds_are_one_event(corpus: Corpus) -> None:
    [event] = corpus.events
    assert event.article_ids == (SEED_000, SEED_001)
    assert event.title == "Civilians killed after US-led coalition strikes in Syria near Turkey"
    assert event.slug.startswith("civilians-killed-after-us-led-coalition")


def test_event_field_forces_membership(tmp_path: Path) -> None:
    from tests.conftest import write_corpus

    seeds = write_corpus(
        tmp_path / "seeds",
        {
            "a.md": "---\nevent: storm-2024\n---\nStorm hits coast\n\nThe storm hit the coast on Monday.",
            "b.md": "---\nevent: storm-2024\n---\nFire in the market\n\nA fire broke out in the market.",
            "c.txt": "Storm hits coast\n\nThe storm hit the coast on Monday.",
        },
    )
    corpus = analyse(Config(seeds_dir=seeds))
    assert sorted(e.article_ids for e in corpus.events) == [("a", "b"), ("c",)]
