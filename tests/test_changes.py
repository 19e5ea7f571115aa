"""The changes page and Atom feed, from a real git history: new events, new and revised accounts, files on the
report and removed; the feed valid against RFC 4287's RELAX NG schema and linked from every page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import rnc2rng  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from builder import pipeline
from builder.config import Config
from builder.model import Corpus
from builder.pipeline import analyse
from tests.conftest import ROOT, SEED_000, SEED_001, SEEDS, site_config

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = Path(__file__).parent / "fixtures" / "atom" / "atom.rnc"
QUAKE = (
    "Quake shakes Papua coast\n\nMANOKWARI, Indonesia (Wire) - A magnitude 6.1 earthquake struck the coast"
    " of West Papua province on Sunday, officials said. Buildings collapsed in the town of Manokwari and"
    " residents fled to higher ground.\n\nRescue teams searched the rubble of a market through the night.\n"
)


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def commit(repo: Path, message: str, date: str) -> str:
    if not (repo / ".git").exists():
        git(repo, "init", "-q")
    git(repo, "add", "-A")
    who = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(
        ["git", "-C", str(repo), *who, "commit", "-q", "-m", message],
        check=True,
        env={"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date, "PATH": "/usr/bin:/bin"},
    )
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A corpus committed in five steps, with one more change left in the working tree."""
    repo = tmp_path_factory.mktemp("history")
    seeds = repo / "seeds"
    seeds.mkdir()
    shas = []
    shutil.copy(SEEDS / f"{SEED_000}.txt", seeds)
    shas.append(commit(repo, "First account of the raid", "2026-03-01T09:00:00+01:00"))
    shutil.copy(SEEDS / f"{SEED_001}.txt", seeds)
    shas.append(commit(repo, "Second account <b>of</b> the raid", "2026-03-02T10:00:00+00:00"))
    (seeds / "quake.txt").write_text(QUAKE, encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    shas.append(commit(repo, "A quake, and an empty file", "2026-03-03T11:00:00+00:00"))
    text = (seeds / f"{SEED_001}.txt").read_text(encoding="utf-8")
    (seeds / f"{SEED_001}.txt").write_text(text + "\nThe raid was the second this year.\n", encoding="utf-8")
    git(repo, "mv", "seeds/quake.txt", "seeds/papua_quake.txt")
    shas.append(commit(repo, "Revise the second account; rename the quake", "2026-03-04T12:00:00+00:00"))
    (seeds / "empty.txt").unlink()
    shas.append(commit(repo, "Drop the empty file", "2026-03-05T13:00:00+00:00"))
    (seeds / "papua_quake.txt").write_text(QUAKE + "\nTwo people were hurt.\n", encoding="utf-8")
    return seeds, shas


@pytest.fixture(scope="module")
def corpus(history: tuple[Path, list[str]]) -> Corpus:
    return analyse(Config(seeds_dir=history[0], cache_dir=None, mkdocs_file=ROOT / "mkdocs.yml"))


def _event_of(corpus: Corpus, article: str) -> str:
    [event] = [e.id for e in corpus.events if article in e.article_ids]
    return event


def test_each_commit_names_what_it_did_to_the_events(corpus: Corpus, history: tuple[Path, list[str]]) -> None:
    _, shas = history
    raid, quake = _event_of(corpus, SEED_000), _event_of(corpus, "papua_quake")
    found = [(c.commit, [(e.event, e.kind, e.articles) for e in c.events]) for c in corpus.changes]
    assert found == [
        ("", [(quake, "revised", ("papua_quake",))]),  # the working tree, first
        (shas[4], []),
        (shas[3], [(raid, "revised", (SEED_001,))]),  # a rename that keeps the text is no revision
        (shas[2], [(quake, "new", ("papua_quake",))]),  # the quake as it is named today
        (shas[1], [(raid, "grown", (SEED_001,))]),
        (shas[0], [(raid, "new", (SEED_000,))]),
    ]
    by_commit = {c.commit: c for c in corpus.changes}
    assert by_commit[shas[2]].unpublished == ()  # empty.txt was removed since: not on today's report
    assert by_commit[shas[4]].removed == ("empty.txt",)
    assert by_commit[shas[0]].date == "2026-03-01T09:00:00+01:00"
    assert by_commit[shas[1]].subject == "Second account <b>of</b> the raid"


def test_a_file_on_the_report_is_named_in_its_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    seeds = repo / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "quake.txt").write_text(QUAKE, encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\x01binary\x00")
    sha = commit(repo, "Two files", "2026-03-03T11:00:00+00:00")
    corpus = analyse(Config(seeds_dir=seeds, cache_dir=None))
    [change] = corpus.changes
    assert (change.commit, change.unpublished, [e.kind for e in change.events]) == (
        sha,
        ("broken.txt",),
        ["new"],
    )


def test_no_history_no_changes(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    assert analyse(Config(seeds_dir=seeds, cache_dir=None)).changes == ()


def _atom_schema() -> etree.RelaxNG:
    # rnc2rng writes the RFC's `namespace local = ""` as an empty prefix, which XML forbids; none uses it.
    rng = rnc2rng.dumps(rnc2rng.load(str(SCHEMA))).replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def assert_valid_atom(path: Path) -> etree._Element:
    """RFC 4287: the RELAX NG schema, then the rules it states in Schematron."""
    feed = etree.parse(str(path))
    schema = _atom_schema()
    assert schema.validate(feed), schema.error_log
    root = feed.getroot()
    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}author") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    for entry in entries:
        content = entry.find(f"{ATOM}content")
        if content is None:
            assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == len(set(alternates))
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    return root


@pytest.fixture(scope="module")
def history_site(history: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("history-site") / "site"
    pipeline.build(site_config(history[0], site))
    return site


def test_the_feed_is_valid_atom_and_lists_the_commits(
    history_site: Path, history: tuple[Path, list[str]]
) -> None:
    _, shas = history
    root = assert_valid_atom(history_site / "feed.xml")
    entries = root.findall(f"{ATOM}entry")
    # Newest first; the working tree has no commit and no date, so it is on the page only.
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"urn:parallax:commit:{s}" for s in reversed(shas)]
    assert root.findtext(f"{ATOM}updated") == "2026-03-05T13:00:00Z"
    assert entries[-1].findtext(f"{ATOM}updated") == "2026-03-01T08:00:00Z"
    assert [e.findtext(f"{ATOM}title") for e in entries][2:] == [
        "1 new event",
        "1 event with a new account",
        "1 new event",
    ]
    # Article text and commit messages arrive escaped, as text.
    assert "Second account <b>of</b> the raid" in (entries[3].findtext(f"{ATOM}summary") or "")
    links = [e.find(f"{ATOM}link") for e in entries]
    assert all(link is not None and link.get("href", "").startswith("changes/#c-") for link in links)
    for link in links:
        assert link is not None
        anchor = link.get("href", "").split("#", 1)[1]
        assert f'id="{anchor}"' in (history_site / "changes" / "index.html").read_text(encoding="utf-8")


def test_the_changes_page_reads_as_a_log(history_site: Path) -> None:
    html = (history_site / "changes" / "index.html").read_text(encoding="utf-8")
    assert (
        html.index("Not yet committed")
        < html.index("5 March 2026, 13:00 UTC")
        < html.index("1 March 2026, 08:00")
    )
    assert "Second account &lt;b&gt;of&lt;/b&gt; the raid" in html
    assert "<b>of</b>" not in html
    assert "Removed from the corpus: <code>seeds/empty.txt</code>" in html
    assert "1 event with a revised account" in html and "New accounts in earlier events" in html
    assert 'href="../events/' in html and 'href="../articles/' in html
    assert 'href="../feed.xml"' in html


def test_every_page_links_to_the_feed(history_site: Path) -> None:
    pages = sorted(history_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        if page.parent.name == "pairs":  # fragments loaded into an event page
            continue
        html = page.read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in html, page
        assert 'href="' in html and "Changes" in html, page


def test_the_seeds_feed_is_valid(seeds_site: Path) -> None:
    root = assert_valid_atom(seeds_site / "feed.xml")
    # The seeds are in the project's own history: entries there, the commit that brought the raid last.
    assert root.findall(f"{ATOM}entry")


def test_no_history_page_says_so(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site, source_date_epoch=1700000000))
    root = assert_valid_atom(site / "feed.xml")
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "2023-11-14T22:13:20Z"
    assert "not in a git checkout" in (site / "changes" / "index.html").read_text(encoding="utf-8")
