"""Facts: golden cases for the times, places and actors extractors, the table's statuses, and the seeds."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.config import Config
from builder.facts.stage import article_facts
from builder.gazetteer import Gazetteer
from builder.ingest import ingest
from builder.model import Article, Corpus, Event
from builder.pipeline import analyse
from tests.conftest import SEED_000, SEED_001, SEEDS, write_corpus

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "facts" / "mentions.yml").read_text("utf-8"))
GAZETTEER = Gazetteer.shared()


def article_of(text: str, published: str | None = None) -> Article:
    with tempfile.TemporaryDirectory() as tmp:
        body = f"---\npublished: {published}\n---\n{text}" if published else text
        name = "a.md" if published else "a.txt"
        folder = write_corpus(Path(tmp) / "seeds", {name: body})
        (article,) = ingest(Corpus(), Config(seeds_dir=folder, cache_dir=None)).articles
        return article


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_mentions(case: dict[str, Any]) -> None:
    article = article_of(case["text"], str(case["published"]) if "published" in case else None)
    found = [
        [f.kind, f.key, f.text]
        for f in article_facts(article, GAZETTEER)
        if f.extractor in ("times", "places", "actors")
    ]
    assert found == case["facts"]


def seeds_event() -> Event:
    return analyse(Config(seeds_dir=SEEDS, cache_dir=None)).events[0]


def test_seeds_facts_table_reads_right() -> None:
    event = seeds_event()
    status = {row.key: row.status for row in event.table}
    killed = next(r for r in event.table if r.key == "killed")
    assert killed.status == "agree" and len(killed.cells) == 2
    figures = {
        (dict(event.facts[i].value)["min"], dict(event.facts[i].value)["qualifier"])
        for i in killed.cells[0][1]
    }
    assert (12, "at least") in figures
    lister = [r for r in event.table if r.kind == "quote" and r.key.startswith("quote:charles lister:")]
    assert any("clearly they wanted" in r.key for r in lister) and all(r.status == "agree" for r in lister)
    assert status["source:afp"] == "only" and status["source:syrian observatory for human rights"] == "only"
    assert status["time:midnight"] == "agree"
    assert status["date:thursday"] == "only"
    assert status["place:atmeh"] == "agree"
    assert status["place:near the border turkey"] == "agree"
    assert status["person:charles lister"] == "agree"
    # One name spelt two ways is one actor whose accounts differ: Bashar Assad / Bashar al-Assad.
    assert status["person:bashar assad"] == "differ"
    hts = next(r for r in event.table if r.key == "organization:hayat tahrir sham")
    texts = {event.facts[i].text for _a, ids in hts.cells for i in ids}
    assert texts == {"Hayat Tahrir al-Sham", "HTS", "Hyat Tahrir al-Sham"}
    assert status["organization:syrian observatory for human rights"] == "only"
    for row in event.table:
        for article, ids in row.cells:
            assert all(event.facts[i].article == article and event.facts[i].key == row.key for i in ids)


def test_every_cell_of_the_seeds_table_is_in_a_row() -> None:
    event = seeds_event()
    rows = {(aid, sid) for row in event.rows for aid, ids in row.cells for sid in ids}
    assert all((f.article, f.sentence) in rows for f in event.facts)
    assert {f.article for f in event.facts} == {SEED_000, SEED_001}


sentence = st.sampled_from(
    [
        "At least 12 people were killed around midnight on Thursday in the town of Atmeh.",
        "Charles Lister, a senior fellow, said the raid lasted more than two hours.",
        '"We saw it," a resident told the Agence France-Presse (AFP).',
        "Hundreds were displaced near the border with Turkey, the Syrian Observatory said.",
        "A 17-year-old boy and a 20-year-old woman were wounded in Naples on Nov. 21, 2016.",
        "The victim died at the hospital.",
        "Über 3 km entfernt — “quoted” — on 2024-01-05.",
    ]
)


@settings(max_examples=30, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", " ", "\n\n"]))
def test_every_fact_slices_the_file_back_to_its_text(parts: list[str], joiner: str) -> None:
    article = article_of(joiner.join(parts))
    for fact in article_facts(article, GAZETTEER):
        assert article.text[fact.start : fact.end] == fact.text
        sentence = next(s for s in article.sentences if s.id == fact.sentence)
        assert sentence.start <= fact.start <= fact.end <= sentence.end


SEEDS_TABLE = Path(__file__).parent / "golden" / "seeds.facts.yml"


def test_seeds_facts_table_matches_the_golden_rows() -> None:
    """Every row of the seeds' table, as a reader must see it (see the file's header for why each is so)."""
    event = seeds_event()
    rows = [
        {
            "key": r.key,
            "status": r.status,
            **{f"in {a[:3]}": [event.facts[i].text for i in ids] for a, ids in r.cells},
        }
        for r in event.table
    ]
    if os.environ.get("PARALLAX_UPDATE_GOLDEN"):
        header = "".join(
            line for line in SEEDS_TABLE.read_text("utf-8").splitlines(True) if line.startswith("#")
        )
        SEEDS_TABLE.write_text(
            header + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=110), "utf-8"
        )
    assert rows == yaml.safe_load(SEEDS_TABLE.read_text("utf-8"))


def test_seeds_table_has_no_false_only_cell() -> None:
    """A source or quote marked "only" stands in a sentence the other account lacks or tells without one.

    Organisations are not paired by slot: "the terrorist PKK's Syrian offshoot YPG" and "Kurdish-led Syrian
    Democratic Forces" fill one slot but name different groups, so each stays its account's own.
    """
    event = seeds_event()
    row_of = event.sentence_rows()
    for r in event.table:
        if r.status != "only" or r.kind not in ("source", "quote"):
            continue
        [(article, ids)] = r.cells
        for i in ids:
            fact = event.facts[i]
            row = row_of[(fact.article, fact.sentence)]
            others = [
                f
                for f in event.facts
                if f.article != article and f.kind == fact.kind and row_of.get((f.article, f.sentence)) == row
            ]
            keys = {f.key for f in others}
            # Whatever the other account states of this kind in that sentence is already paired elsewhere.
            assert all(any(t.key == k and t.status != "only" for t in event.table) for k in keys), r.key


def test_one_source_described_two_ways_is_one_row_with_its_wording_named() -> None:
    event = seeds_event()
    official = next(r for r in event.table if r.key == "source:opposition official who declined to be named")
    texts = {a[:3]: [event.facts[i].text for i in ids] for a, ids in official.cells}
    assert official.status == "differ"
    assert texts == {
        "000": ["an opposition official who declined to be named", "The opposition official"],
        "001": ["a rebel official who declined to be named", "The rebel official"],
    }
    hts = next(r for r in event.table if r.key == "organization:hayat tahrir sham")
    roles = {str(dict(event.facts[i].value)["role"]) for _a, ids in hts.cells for i in ids}
    assert {"the terrorist group that controls parts of northwest Syria"} <= roles
    assert {"the main rebel group that controls parts of northwest Syria"} <= roles
    assert hts.status == "differ"
    state = next(r for r in event.table if r.key == "organization:us state department")
    assert state.status == "agree"
    assert {event.facts[i].text for _a, ids in state.cells for i in ids} == {
        "U.S. State Department",
        "US State Department",
    }
    assert all(r.status == "background" for r in event.table if r.key.startswith("background:"))
    assert {r.key for r in event.table if r.status == "background"} == {
        "background:killed",  # "Abu Bakr al-Baghdadi died in a U.S. special operations raid ... in 2019"
        "background:date:2019",
        "background:date:2016",
    }


def test_only_sources_and_quotes_name_their_wording(tmp_path: Path) -> None:
    from builder.render.facts import fact_groups

    base = (
        "Fire guts market\n\nA fire destroyed the central market in Lagos on Tuesday, {toll}, the fire"
        " service said. Traders lost their goods and the cause of the blaze is not yet known, officials said."
    )
    files: dict[str, str | bytes] = {
        "a.txt": base.format(toll="and at least three people were injured"),
        "b.txt": base.format(toll="and three people were hurt"),
    }
    folder = write_corpus(tmp_path / "seeds", files)
    corpus = analyse(Config(seeds_dir=folder, cache_dir=None))
    [event] = corpus.events
    groups = fact_groups(event, {a.id: a for a in corpus.articles})
    rows = [r for g in groups for r in (*g.open, *g.agreed) for r in (r, *r.quotes)]
    injured = next(r for r in rows if r.kind == "injured")
    assert injured.status == "differ" and injured.wording == ()  # the figure differs, not a choice of words
    assert all(r.kind in ("source", "quote") for r in rows if r.wording)
