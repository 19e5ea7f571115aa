"""`provenance`: file history and credits, and each check's notes on small invented accounts.

Every check is shown firing on one corpus and staying quiet on another that differs only in what the
check looks for: a matching dateline, a caption dated the event's day, a relative date with a
publication date to anchor it, one spelling, one figure, the attribution kept.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from builder.config import Config
from builder.model import Corpus, Event, Note
from builder.pipeline import analyse
from builder.provenance.variants import variant
from tests.conftest import SEED_000, SEED_001, SEEDS, write_corpus

BODY = """\
Floodwaters swept through the Chilean port city of Valparaíso on Tuesday, forcing hundreds of families \
from their homes.

Nine people were killed when the river burst its banks after three days of heavy rain, \
{attribution}.

The city's mayor, Jorge Sharp, said rescue teams had worked through the night to reach stranded residents.

"We have never seen water rise this fast," Sharp said.

{sharp2} visited two shelters in the hills above the port on Wednesday morning.

Emergency shelters have been opened in two schools and a church hall near the harbour.

The national weather office said more rain was expected over the weekend along the coast of Chile.
"""

CAPTION = "Residents wade through a flooded street in Valparaíso, Chile, {date}. ({credit})"


def account(
    *,
    outlet: str,
    published: str | None,
    dateline: str,
    attribution: str = "according to local officials",
    killed: str = "Nine",
    caption: str | None = None,
    sharp2: str = "Mayor Jorge Sharp",
) -> str:
    front = f"---\noutlet: {outlet}\n" + (f"published: {published}\n" if published else "") + "---\n"
    body = BODY.format(attribution=attribution, sharp2=sharp2).replace("Nine", killed)
    body = body.replace(", .", ".")
    photo = f"{caption}\n\n" if caption else ""
    return f"{front}# Deadly floods hit Valparaíso\n\n{photo}{dateline}: {body}"


def corpus_files(kind: str) -> dict[str, str | bytes]:
    """`quiet`: nothing to flag but reuse; `flagged`: every check has something to say about Coast Daily."""
    harbor = account(
        outlet="Harbor Times",
        published="2024-03-05",
        dateline="SANTIAGO",  # in Chile, as the event: no dateline note
        caption=CAPTION.format(
            date="March 5, 2024", credit="Reuters Photo"
        ),  # the event's day: no caption note
    )
    if kind == "quiet":
        coast = account(outlet="Coast Daily", published="2024-03-06", dateline="VALPARAÍSO")
    else:
        coast = account(
            outlet="Coast Daily",
            published=None,
            dateline="LIMA",
            attribution="",
            killed="Fourteen",
            caption=CAPTION.format(date="Jan. 3, 2019", credit="AP File Photo"),
            sharp2="Mayor Jorge Sarp",
        )
    return {"a_harbor.md": harbor, "b_coast.md": coast}


def analysed(tmp_path: Path, kind: str) -> Corpus:
    seeds = write_corpus(tmp_path / "seeds", corpus_files(kind))
    return analyse(Config(seeds_dir=seeds, cache_dir=None))


def only_event(corpus: Corpus) -> Event:
    [event] = corpus.events
    return event


def notes_of(event: Event, kind: str) -> list[Note]:
    return [n for n in event.notes if n.kind == kind]


@pytest.fixture(scope="module")
def quiet(tmp_path_factory: pytest.TempPathFactory) -> Event:
    return only_event(analysed(tmp_path_factory.mktemp("quiet"), "quiet"))


@pytest.fixture(scope="module")
def flagged(tmp_path_factory: pytest.TempPathFactory) -> Event:
    return only_event(analysed(tmp_path_factory.mktemp("flagged"), "flagged"))


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return analyse(Config(seeds_dir=SEEDS, cache_dir=None))


def test_a_consistent_pair_gets_no_flag_only_its_reuse(quiet: Event) -> None:
    assert [n.kind for n in quiet.notes] == ["reuse"]


def test_caption_file_photo_dated_years_before_the_event(flagged: Event) -> None:
    [note] = notes_of(flagged, "caption")
    assert note.articles == ("b_coast",)
    assert note.evidence == ("b_coast#caption-1",)
    assert "file photo" in note.message
    assert "3 January 2019" in note.message
    assert "5 years before the event (2024-03-05)" in note.message


def test_dateline_in_another_country(flagged: Event) -> None:
    [note] = notes_of(flagged, "dateline")
    assert note.articles == ("b_coast",)
    assert note.evidence[0] == "b_coast#dateline"
    assert all(e.split("#")[1].startswith("s") for e in note.evidence[1:])
    assert dict(note.data) == {"place": "Lima", "country": "Peru"}
    assert "Chile" in note.message


def test_relative_date_without_a_publication_date(flagged: Event) -> None:
    [note] = notes_of(flagged, "relative-date")
    assert note.articles == ("b_coast",)
    assert "“on Tuesday”" in note.message
    assert "b_coast#s1" in note.evidence
    assert "2024-03-05" in note.message  # the other account's date is offered as the likely anchor


def test_name_misspelt_within_one_account(flagged: Event) -> None:
    [note] = notes_of(flagged, "name-variant")
    assert dict(note.data) == {"name": "Jorge Sharp", "misspelling": True}
    assert "“Jorge Sarp” is likely a misspelling of “Jorge Sharp”" in note.message


def test_figures_that_disagree(flagged: Event) -> None:
    [note] = notes_of(flagged, "number-conflict")
    assert dict(note.data) == {"key": "killed"}
    assert "“Nine people were killed”" in note.message and "“Fourteen people were killed”" in note.message
    assert set(note.articles) == {"a_harbor", "b_coast"}


def test_attribution_dropped_by_one_account(flagged: Event) -> None:
    [note] = notes_of(flagged, "dropped-attribution")
    assert note.articles == ("a_harbor", "b_coast")
    assert "local officials" in note.message
    assert note.evidence == ("a_harbor#s2", "b_coast#s2")


def test_reuse_shares_and_direction_from_publication_dates(quiet: Event) -> None:
    [note] = notes_of(quiet, "reuse")
    data = dict(note.data)
    assert data["direction"] == "a_harbor->b_coast"
    assert data["confidence"] == "high"
    assert data["a_identical"] == data["a_total"] == data["b_total"] == 7
    assert "published later (2024-03-06, after 2024-03-05)" in note.message
    assert note.evidence[:2] == ("a_harbor#published", "b_coast#published")


def test_seeds_notes(seeds: Corpus) -> None:
    [event] = seeds.events
    kinds = [n.kind for n in event.notes]
    assert kinds[:3] == ["caption", "dateline", "relative-date"]
    caption, dateline, relative = event.notes[:3]
    assert caption.evidence == (f"{SEED_000}#caption-1",)
    assert "file photo" in caption.message
    # "in 2019" (Baghdadi's death) is background: no note reasons from it.
    assert "2019" not in caption.message and "dates the accounts themselves give" not in caption.message
    assert dateline.articles == (SEED_001,) and dict(dateline.data) == {"place": "Sanaa", "country": "Yemen"}
    assert relative.evidence == (f"{SEED_001}#s1",) and "“on Thursday”" in relative.message
    variants = {dict(n.data)["name"]: n for n in notes_of(event, "name-variant")}
    assert dict(variants["Hayat Tahrir al-Sham"].data)["misspelling"] is True
    assert "“Hyat Tahrir al-Sham” is likely a misspelling" in variants["Hayat Tahrir al-Sham"].message
    assert dict(variants["al-Qaida"].data)["misspelling"] is False  # Qaida / Qaeda: a transliteration
    assert "Bashar Assad" in variants
    [reuse] = notes_of(event, "reuse")
    data = dict(reuse.data)
    assert data["direction"] == f"{SEED_000}->{SEED_001}"
    assert data["b_unique"] == 0 and data["a_unique"] == 5
    assert "Agence France-Presse (AFP) credited" in reuse.message
    assert notes_of(event, "number-conflict") == []


def test_seed_credits(seeds: Corpus) -> None:
    credited = {a.id: [(c.name, c.type, c.how) for c in a.credited] for a in seeds.articles}
    assert credited[SEED_000] == [
        ("AP", "agency", "photo credit"),
        ("Syrian Observatory for Human Rights", "organization", "cited"),
        ("Agence France-Presse (AFP)", "agency", "cited"),
    ]
    assert credited[SEED_001] == []


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_history_from_a_git_checkout(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    seeds = write_corpus(repo / "corpus", corpus_files("quiet"))
    (repo / "mkdocs.yml").write_text(
        "site_name: x\nrepo_url: https://github.com/example/news/\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    first = git(repo, "rev-parse", "HEAD")
    (seeds / "b_coast.md").write_text(str(corpus_files("flagged")["b_coast.md"]), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    second = git(repo, "rev-parse", "HEAD")
    (seeds / "a_harbor.md").write_text(f"{corpus_files('quiet')['a_harbor.md']!s}\nMore.\n", encoding="utf-8")
    corpus = analyse(Config(seeds_dir=seeds, cache_dir=None, mkdocs_file=repo / "mkdocs.yml"))
    history = {a.id: a.history for a in corpus.articles}
    a, b = history["a_harbor"], history["b_coast"]
    assert a is not None and b is not None
    assert (a.commit, a.changed, b.commit, b.changed) == (first, True, second, False)
    assert b.path == "corpus/b_coast.md"
    assert b.link == f"https://github.com/example/news/blob/{second}/corpus/b_coast.md"
    assert b.date == git(repo, "log", "-1", "--format=%cI")


def test_no_history_outside_a_checkout(tmp_path: Path) -> None:
    corpus = analysed(tmp_path, "quiet")
    assert [a.history for a in corpus.articles] == [None, None]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hayat Tahrir al-Sham", "Hyat Tahrir al-Sham", True),
        ("Bashar Assad", "Bashar al-Assad", True),
        ("al-Qaida", "al Qaeda", True),
        ("Hugh Hefner", "Hugh Heffner", True),
        ("U.S.", "US", False),  # a style, not a spelling
        ("Academy Award", "Academy Awards", False),  # an inflection
        ("Yemen", "Yemeni", False),
        ("Alabama", "Alabama's", False),
        ("attorneys", "Attorney", False),  # a common noun
        ("HTS", "Hyat Tahrir al-Sham", False),  # an abbreviation is not a spelling
        ("State Department", "US State Department", False),  # a longer name
    ],
)
def test_what_counts_as_one_name_written_differently(a: str, b: str, same: bool) -> None:
    assert variant(a, b) is same


_QUAKE = (
    "Quake strikes Papua coast\n\nA magnitude 6.1 earthquake struck the coast of West Papua province in"
    " Indonesia on Sunday, {toll}, officials said. Buildings collapsed in the town of Manokwari and"
    " residents fled to higher ground. Rescue teams searched the rubble of a market in Manokwari through"
    " the night. {more}"
)


def _figures_notes(tmp_path: Path, a: dict[str, str], b: dict[str, str]) -> list[Note]:
    files: dict[str, str | bytes] = {"a.txt": _QUAKE.format(**a), "b.txt": _QUAKE.format(**b)}
    [event] = analyse(Config(seeds_dir=write_corpus(tmp_path / "seeds", files), cache_dir=None)).events
    return notes_of(event, "number-conflict")


def test_a_figures_note_rests_on_each_accounts_own_toll(tmp_path: Path) -> None:
    [found] = _figures_notes(
        tmp_path, {"toll": "killing one person", "more": ""}, {"toll": "killing five people", "more": ""}
    )
    assert "“killing one person”" in found.message and "“killing five people”" in found.message


@pytest.mark.parametrize(
    "more",
    [
        "The 2004 tsunami killed 168,000 people in the region.",  # an earlier event, further down
        "Some 168,000 people were killed by the tsunami that struck in 2004.",  # a past year
        "Early last year the navy had evacuated 200 people from the coast.",  # another incident
        "A stronger quake hit the same coast before. It killed 612 people and left thousands homeless.",
    ],
)
def test_no_figures_note_on_an_earlier_events_toll(tmp_path: Path, more: str) -> None:
    toll = "killing four people"
    assert _figures_notes(tmp_path, {"toll": toll, "more": ""}, {"toll": toll, "more": more}) == []


def test_a_named_victim_is_no_toll_to_conflict_with(tmp_path: Path) -> None:
    a = {"toll": "killing two people", "more": ""}
    b = {"toll": "and Raj Chohan, 59, was killed", "more": ""}
    assert _figures_notes(tmp_path, a, b) == []
