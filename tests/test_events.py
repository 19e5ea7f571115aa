"""Events: grouping, stable identity, overrides, time, file order, and pages that are not articles."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from builder.config import Config
from builder.events import group_events
from builder.model import Corpus
from builder.pipeline import STAGES, analyse
from tests.conftest import SEED_000, SEED_001, SEEDS, write_corpus

QUAKE = (
    "Quake shakes Chilean coast\n\n"
    "A magnitude 6.1 earthquake struck off the coast of Valparaiso, Chile, on Sunday, "
    "the geological survey said. Buildings swayed in Santiago and residents ran into the streets. "
    "No tsunami warning was issued for Valparaiso."
)
QUAKE_AGAIN = (
    "Chile earthquake rattles Valparaiso\n\n"
    "An earthquake of magnitude 6.1 hit near Valparaiso in Chile on Sunday, according to the "
    "geological survey. In Santiago buildings swayed and people fled into the streets; "
    "Chilean officials issued no tsunami warning."
)
QUAKE_ELSEWHERE = (
    "Earthquake shakes northern Japan\n\n"
    "A magnitude 5.4 earthquake struck off the coast of Hokkaido, Japan, on Monday, the "
    "meteorological agency said. Buildings swayed in Sapporo and residents ran into the streets. "
    "No tsunami warning was issued for Hokkaido."
)
FIRE = (
    "Market fire in Lagos\n\n"
    "A fire destroyed hundreds of stalls at the Balogun market in Lagos, Nigeria, on Tuesday, "
    "the fire service said. "
    "Traders in Lagos lost their goods; the cause of the Balogun blaze is not yet known."
)


def corpus_of(tmp_path: Path, files: dict[str, str | bytes], with_seeds: bool = True) -> Corpus:
    seeds = {p.name: p.read_bytes() for p in SEEDS.iterdir()} if with_seeds else {}
    folder = write_corpus(tmp_path / "seeds", {**seeds, **files})
    return analyse(Config(seeds_dir=folder, cache_dir=None))


def members(corpus: Corpus) -> list[tuple[str, ...]]:
    return sorted(e.article_ids for e in corpus.events)


def test_seeds_are_one_event_and_unrelated_articles_their_own(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"quake.txt": QUAKE, "fire.txt": FIRE})
    assert members(corpus) == [(SEED_000, SEED_001), ("fire",), ("quake",)]


def test_independent_reports_of_one_event_are_grouped(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"quake.txt": QUAKE, "quake2.txt": QUAKE_AGAIN, "fire.txt": FIRE})
    assert ("quake", "quake2") in members(corpus)
    event = next(e for e in corpus.events if "quake" in e.article_ids)
    why = dict(event.membership)["quake2"]
    assert why.reason == "similar" and why.score > 0.2
    assert "Valparaiso" in why.shared_terms


def test_a_look_alike_event_stays_apart(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "quake.txt": QUAKE,
        "quake2.txt": QUAKE_AGAIN,
        "japan.txt": QUAKE_ELSEWHERE,
    }
    assert ("japan",) in members(corpus_of(tmp_path / "three", files))
    # Alone, two look-alike stories share only generic words: no single strong pair, no merge.
    alone = corpus_of(tmp_path / "two", {"quake.txt": QUAKE, "japan.txt": QUAKE_ELSEWHERE})
    assert ("japan",) in members(alone) and ("quake",) in members(alone)


def test_event_url_survives_new_members_and_new_events(tmp_path: Path) -> None:
    before = {e.article_ids[0]: e.slug for e in corpus_of(tmp_path / "a", {}).events}
    rewrite = (SEEDS / f"{SEED_001}.txt").read_text(encoding="utf-8").replace("militant", "fighter")
    after = corpus_of(tmp_path / "b", {"002_rewrite.txt": rewrite, "fire.txt": FIRE, "quake.txt": QUAKE})
    event = next(e for e in after.events if SEED_000 in e.article_ids)
    assert "002_rewrite" in event.article_ids
    assert event.slug == before[SEED_000]


def test_file_order_does_not_change_the_result(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, {"quake.txt": QUAKE, "quake2.txt": QUAKE_AGAIN, "fire.txt": FIRE})
    config = Config(seeds_dir=tmp_path / "seeds", cache_dir=None)
    for seed in range(3):
        shuffled = list(corpus.articles)
        random.Random(seed).shuffle(shuffled)
        regrouped = group_events(dataclasses.replace(corpus, articles=tuple(shuffled), events=()), config)
        for _name, stage in STAGES[[name for name, _ in STAGES].index("events") + 1 :]:
            regrouped = stage(regrouped, config)
        assert regrouped.events == corpus.events


def test_far_apart_publication_dates_make_different_events(tmp_path: Path) -> None:
    corpus = corpus_of(
        tmp_path,
        {
            "quake.md": f"---\npublished: 2024-01-07\n---\n{QUAKE}",
            "quake2.md": f"---\npublished: 2024-03-10\n---\n{QUAKE_AGAIN}",
        },
        with_seeds=False,
    )
    assert members(corpus) == [("quake",), ("quake2",)]
    assert corpus.events[0].date == "2024-01-07" and corpus.events[0].date_source == "published"


def test_corpus_file_rules_win_and_are_shown(tmp_path: Path) -> None:
    rules = (
        "events:\n"
        f"  - split: [{SEED_001}]\n"
        "  - articles: [quake, fire]\n"
        "    title: Two disasters, one page\n"
        "  - articles: [nosuch]\n"
    )
    corpus = corpus_of(tmp_path, {"quake.txt": QUAKE, "fire.txt": FIRE, "corpus.yml": rules})
    assert members(corpus) == [(SEED_000,), (SEED_001,), ("fire", "quake")]
    merged = next(e for e in corpus.events if "fire" in e.article_ids)
    assert merged.title == "Two disasters, one page" and merged.title_source == "corpus file"
    assert merged.overrides == ("corpus file: put in this event",)
    split = next(e for e in corpus.events if e.article_ids == (SEED_001,))
    assert dict(split.membership)[SEED_001].reason == "corpus file: split out on its own"
    assert any("no article with id 'nosuch'" in n.message for n in corpus.notices)


def test_generated_title_when_no_headline(tmp_path: Path) -> None:
    [event] = corpus_of(tmp_path, {}).events
    assert event.title_source == "headline"
    lone = corpus_of(tmp_path / "lone", {"b.txt": (SEEDS / f"{SEED_001}.txt").read_text()}, with_seeds=False)
    assert lone.events[0].title_source == "generated"
    assert lone.events[0].title.startswith("A US-led coalition raid")


def test_pages_that_are_not_articles_are_set_aside(tmp_path: Path) -> None:
    wall = "Subscribe to read\n\nPlease log in to continue reading. Subscribers read free. Sign in now."
    cookies = "We value your privacy. This site uses cookies. Enable JavaScript in your browser to continue."
    links = "Latest news\n\n" + "\n\n".join(f"Top story number {n}" for n in range(8))
    story = QUAKE + " Visitors to the survey's website must accept cookies to see the map."
    corpus = corpus_of(
        tmp_path,
        {"wall.txt": wall, "cookies.txt": cookies, "links.txt": links, "quake.txt": story},
        with_seeds=False,
    )
    assert [a.id for a in corpus.articles] == ["quake"]
    reasons = {r.path: r.reason for r in corpus.rejected}
    assert set(reasons) == {"seeds/wall.txt", "seeds/cookies.txt", "seeds/links.txt"}
    assert all(r.severity == "not-an-article" for r in corpus.rejected)
    assert "(links)" in reasons["seeds/links.txt"] and "cookie notice" in reasons["seeds/cookies.txt"]


def _one_article_events(rows: list[dict[int, float]]) -> list[list[int]]:
    """Group one-article events, each a content profile given as term column -> weight, into topics."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from builder.events.features import Profiles
    from builder.events.topics import topics

    width = 1 + max(c for row in rows for c in row)
    content = csr_matrix(
        (
            [w for row in rows for w in row.values()],
            ([n for n, row in enumerate(rows) for _ in row], [c for row in rows for c in row]),
        ),
        shape=(len(rows), width),
    )
    names = csr_matrix((len(rows), 1), dtype=np.float64)
    found = Profiles(content, names, [f"t{c}" for c in range(width)], ["x"], [{} for _ in rows])
    return topics(found, [[n] for n in range(len(rows))])


def test_a_pair_that_stands_out_from_its_neighbourhood_is_one_topic() -> None:
    # Two events share one term (cosine 0.06, below TOPIC_CUT) and resemble nothing else.
    shared, own = 0.06**0.5, 0.94**0.5
    rows = [{0: shared, 1: own}, {0: shared, 2: own}, {3: 1.0}, {4: 1.0}]
    assert _one_article_events(rows) == [[0, 1], [2], [3]]


def test_a_crowd_of_equally_alike_events_is_not_one_topic() -> None:
    # Six events pairwise as alike as the pair above: common words of a kind of story, no topic.
    shared, own = 0.06**0.5, 0.94**0.5
    rows = [{0: shared, 1 + n: own} for n in range(6)]
    assert _one_article_events(rows) == [[n] for n in range(6)]


def test_events_much_alike_are_one_topic_however_crowded() -> None:
    shared, own = 0.3**0.5, 0.7**0.5
    rows = [{0: shared, 1 + n: own} for n in range(6)]
    assert _one_article_events(rows) == [list(range(6))]


def test_look_alike_events_share_a_topic_and_others_do_not(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "quake.txt": QUAKE,
        "quake2.txt": QUAKE_AGAIN,
        "japan.txt": QUAKE_ELSEWHERE,
        "fire.txt": FIRE,
    }
    corpus = corpus_of(tmp_path, files)
    topic = {a: e.topic for e in corpus.events for a in e.article_ids}
    assert topic["quake"] == topic["quake2"] == topic["japan"]
    assert len({topic["quake"], topic["fire"], topic[SEED_000]}) == 3
    assert ("japan",) in members(corpus)


# Three outlets telling one event in their own words, as BASIL's Fox, NYT and HuffPost accounts do:
# they share the names and a few words, little else, and every pair is only weakly alike.
RESIGN_A = (
    "Senator quits over donor scandal\n\n"
    "Senator Marta Halvorsen of Oregon resigned on Thursday, days after leaked emails showed she had "
    "steered a federal contract to a campaign donor. Republicans in Salem called the move overdue. "
    "Halvorsen denied wrongdoing and said the investigation had become a distraction."
)
RESIGN_B = (
    "Halvorsen steps down, ending a long career\n\n"
    "Marta Halvorsen, the Oregon Democrat who spent two decades in the Senate, announced her "
    "departure in a brief statement, saying she wanted to spare her family a drawn-out fight. "
    "Colleagues praised her work on rural broadband and veterans' health."
)
RESIGN_C = (
    "Critics say Halvorsen exit leaves questions unanswered\n\n"
    "Watchdog groups said Thursday that the resignation of Sen. Marta Halvorsen does not end the "
    "inquiry into the Oregon contract, and urged the ethics committee to publish what it found. "
    "Halvorsen's office declined to comment further."
)


def test_independent_accounts_that_share_little_wording_are_one_event(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "a.txt": RESIGN_A,
        "b.txt": RESIGN_B,
        "c.txt": RESIGN_C,
        "quake.txt": QUAKE,
        "fire.txt": FIRE,
    }
    corpus = corpus_of(tmp_path, files, with_seeds=False)
    assert members(corpus) == [("a", "b", "c"), ("fire",), ("quake",)]


def test_an_undated_events_date_is_its_own_not_a_birth_or_an_earlier_event(tmp_path: Path) -> None:
    text = (
        "Pinup model dies at 85\n\nBettie Page, who was born on April 22, 1923, in Nashville, died on"
        " Dec. 11, 2008, in Los Angeles, her agent said. Since March 3, 1957, she had lived away from"
        " the cameras."
        " Page, born on April 22, 1923, was the most photographed pinup of the 1950s."
    )
    [event] = corpus_of(tmp_path, {"page.txt": text}, with_seeds=False).events
    assert (event.date, event.date_source) == ("2008-12-11", "text")
