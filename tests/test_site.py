"""The real builder and a real `mkdocs build` into tmp_path: pages, safety, determinism, atomicity."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from builder import pipeline
from builder.errors import SiteBuildError
from builder.render.export import corpus_json
from tests.conftest import ROOT, SEED_000, SEED_001, SEEDS, site_config, write_corpus

HOSTILE = (
    "<b>Bold</b> claim {{ x }} **starred**\n\n"
    "The mayor said <script>alert(1)</script> was found. It was **bold** and {{ x }} and {% raw %} too.\n\n"
    "A comment opener <!-- hides nothing here. An [link](javascript:alert(1)) and &amp; entity."
)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def event_page(site: Path) -> Path:
    [page] = [p for p in (site / "events").glob("*/index.html")]
    return page


def test_seed_site_has_the_pages(seeds_site: Path) -> None:
    home = (seeds_site / "index.html").read_text(encoding="utf-8")
    event = event_page(seeds_site)
    assert f'href="events/{event.parent.name}/"' in home
    html = event.read_text(encoding="utf-8")
    assert "Civilians killed after US-led coalition strikes in Syria near Turkey" in html
    for seed in (SEED_000, SEED_001):
        assert f'href="../../articles/{seed}/"' in html
        assert (seeds_site / "articles" / seed / "index.html").is_file()
    assert html.count('class="px-card"') == 2
    report = (seeds_site / "report" / "index.html").read_text(encoding="utf-8")
    assert "seeds/000_23a385800a3f30d7.txt" in report and "seeds/001_094ad0709c558499.txt" in report
    for page in ("how-to-read", "data-and-schema", "articles"):
        assert (seeds_site / page / "index.html").is_file()


def test_article_page_shows_parts_and_provenance(seeds_site: Path) -> None:
    html = (seeds_site / "articles" / SEED_000 / "index.html").read_text(encoding="utf-8")
    digest = hashlib.sha256((SEEDS / f"{SEED_000}.txt").read_bytes()).hexdigest()
    assert digest in html
    assert "Photo caption" in html and "(AP File Photo)" in html
    assert 'id="s1"' in html and 'id="s22"' in html
    other = (seeds_site / "articles" / SEED_001 / "index.html").read_text(encoding="utf-8")
    assert '<span class="px-dateline" id="dateline">SANA’A</span>: ' in other


def test_sidebar_does_not_list_events_or_articles(seeds_site: Path) -> None:
    html = (seeds_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "events/" not in nav and SEED_000 not in nav


def test_published_corpus_json_is_the_export(seeds_site: Path) -> None:
    published = (seeds_site / "data" / "corpus.json").read_text(encoding="utf-8")
    assert published == corpus_json(pipeline.analyse(site_config(SEEDS, seeds_site)))
    assert json.loads((seeds_site / "data" / "corpus.schema.json").read_text())["$id"] == "parallax/1"


def test_every_internal_link_resolves(seeds_site: Path) -> None:
    # 404.html uses root-absolute links on purpose: it is served for any missing path.
    for page in set(seeds_site.rglob("*.html")) - {seeds_site / "404.html"}:
        parsed = parse(page)
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(seeds_site)} links to missing {link}"
            if parts.fragment and target.suffix == ".html" and target != page:
                assert parts.fragment in parse(target).ids, f"{link} has no anchor"


def test_nothing_loads_from_third_party_hosts(seeds_site: Path) -> None:
    for page in [*seeds_site.rglob("*.html"), *seeds_site.rglob("*.css")]:
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for page in seeds_site.rglob("*.html"):
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page.read_text(encoding="utf-8")):
            assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag), f"{page}: {tag}"


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    pipeline.build(site_config(SEEDS, first))
    pipeline.build(site_config(SEEDS, second))
    assert tree_digest(first) == tree_digest(second)


def test_removed_article_leaves_no_stale_page(tmp_path: Path) -> None:
    seeds = write_corpus(
        tmp_path / "seeds", {"a.txt": "Storm hits coast\n\nThe storm hit.", "b.txt": "Fire\n\nA fire."}
    )
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site))
    assert (site / "articles" / "b" / "index.html").is_file()
    (seeds / "b.txt").unlink()
    pipeline.build(site_config(seeds, site))
    assert not (site / "articles" / "b").exists()
    assert "b.txt" not in (site / "report" / "index.html").read_text(encoding="utf-8")
    assert len(list((site / "events").iterdir())) == 1


def test_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(site_config(SEEDS, site))
    before = tree_digest(site)
    broken = tmp_path / "mkdocs.yml"
    broken.write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("name: material", "name: nosuchtheme")
    )
    with pytest.raises(SiteBuildError, match="previous site is left in place"):
        pipeline.build(site_config(SEEDS, site, mkdocs_file=broken))
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]


def test_article_text_is_never_markup(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"hostile.txt": HOSTILE})
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site))
    for page in (site / "articles" / "hostile" / "index.html", event_page(site), site / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        assert "<b>Bold</b>" not in html
        assert "<strong>" not in html
        assert 'href="javascript:' not in html
    html = (site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "**bold**" in html and "{{ x }}" in html and "{% raw %}" in html
    assert "&lt;!-- hides nothing here." in html
    assert "&amp;amp; entity" in html
    assert "<title>&lt;b&gt;Bold&lt;/b&gt; claim {{ x }} **starred** - Parallax</title>" in html
    assert '<meta property="og:title" content="&lt;b&gt;Bold&lt;/b&gt; claim {{ x }} **starred**">' in html


def test_report_lists_every_input_file(tmp_path: Path) -> None:
    seeds = write_corpus(
        tmp_path / "seeds",
        {
            "good.txt": "Storm hits coast\n\nThe storm hit.",
            "empty.txt": "",
            "bin.txt": b"\x00\x01",
            ".hidden": "x",
        },
    )
    site = tmp_path / "site"
    outcome = pipeline.build(site_config(seeds, site))
    assert outcome.errors == 2
    report = (site / "report" / "index.html").read_text(encoding="utf-8")
    for name, reason in [
        ("empty.txt", "empty file"),
        ("bin.txt", "binary content"),
        (".hidden", "hidden file"),
    ]:
        row = report[report.index(f"seeds/{name}") :]
        assert reason in row[: row.index("</tr>")]
    assert 'href="../articles/good/"' in report


def test_awkward_files_still_build(tmp_path: Path) -> None:
    seeds = write_corpus(
        tmp_path / "seeds",
        {
            "index.txt": "Index is not the index page\n\nThe article called index has its own page.",
            "ctrl.txt": "Bell \x07 and \x02wzxhzdk:0\x03 in a headline\n\nThe \x85body\x9f has C1 \x80.",
            "café ünï.txt": "Accents in the name\n\nThe file name is not ASCII. \u202eReversed text.",
        },
    )
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site))
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "articles").glob("*/index.html")}
    assert len(pages) == 3
    [own] = [name for name in pages if name.startswith("index-")]
    assert "The article called index" in pages[own]
    ctrl = pages["ctrl"]
    assert "\x02" not in ctrl and "\x07" not in ctrl and "wzxhzdk:0" in ctrl
    assert "Bell \ufffd and \ufffdwzxhzdk:0\ufffd in a headline" in ctrl
    assert any("Accents in the name" in page for page in pages.values())


def test_bad_input_is_reported_while_the_seeds_publish(tmp_path: Path) -> None:
    seeds = write_corpus(
        tmp_path / "seeds",
        {
            **{p.name: p.read_bytes() for p in SEEDS.iterdir()},
            "empty.txt": "",
            "blank.md": "  \n\n ",
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
            "huge.txt": "word " * 2000,
            "tagged.md": "---\ntitle: !!python/object/apply:os.system [ls]\n---\nBody.",
            "bomb.md": "---\na: &a [x, x]\nb: [*a, *a]\n---\nBody.",
            "feed.jsonl": '{"title": "ok", "text": "A record. It is fine."}\n{broken\n',
            "orphan.yml": "outlet: Nobody\n",
            "dup.md": "Duplicate id\n\nTwo files give one id.",
            "dup.txt": "Duplicate id\n\nTwo files give one id.",
        },
    )
    (seeds / "escape.txt").symlink_to(ROOT / "README.md")
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site, max_file_bytes=6000))
    report = (site / "report" / "index.html").read_text(encoding="utf-8")
    for name, reason in [
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("binary.txt", "binary content"),
        ("huge.txt", "over the 6,000-byte limit"),
        ("tagged.md", "could not determine a constructor"),
        ("bomb.md", "anchors (&amp;a) are not allowed"),
        ("feed.jsonl", "line 2: record 2: not valid JSON"),
        ("orphan.yml", "no article file of the same name"),
        ("escape.txt", "leaves the corpus folder"),
    ]:
        row = report[report.index(f"<code>seeds/{name}</code>") :]
        assert reason in row[: row.index("</tr>")], name
    assert report.count("duplicate article id") == 2
    assert len(list((site / "events").iterdir())) == 2
    event = next(p for p in (site / "events").iterdir() if p.name.startswith("civilians-killed"))
    assert (event / "index.html").read_text(encoding="utf-8").count('class="px-card"') == 2


def test_formats_publish_their_texts_and_fold_boilerplate(tmp_path: Path) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "ingest"
    seeds = write_corpus(
        tmp_path / "seeds",
        {
            p.name: p.read_bytes()
            for case in ("raw_text", "records", "webpage")
            for p in (fixtures / case).iterdir()
        },
    )
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site, cache_dir=tmp_path / "cache"))
    wire = (site / "articles" / "wire" / "index.html").read_text(encoding="utf-8")
    assert '<details class="px-boilerplate">' in wire and "Copyright 2024 Reuters" in wire
    assert "Standfirst" in wire and "Reporting by Ruma Paul" in wire
    copied = (site / "articles" / "copied" / "index.html").read_text(encoding="utf-8")
    assert "Source line" in copied and "Date line" in copied
    assert "(from the text's first line)" in copied and "(from the date line)" in copied
    corpus = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))
    for article in corpus["articles"]:
        if article["text_source"] == "file":
            assert not (site / "data" / "texts" / f"{article['slug']}.txt").exists()
            continue
        published = (site / "data" / "texts" / f"{article['slug']}.txt").read_text(encoding="utf-8")
        assert published == article["text"]
        for sentence in article["sentences"]:
            assert published[sentence["start"] : sentence["end"]] == sentence["text"]
    assert list((tmp_path / "cache" / "html").glob("*.json"))


def test_lexicon_and_outlet_pages_name_who_writes_which_term(tmp_path: Path) -> None:
    rules = "outlets:\n  - name: Outlet A\n    domain: a.example\n    files: ['000_*']\n  - name: Outlet B\n"
    files: dict[str, str | bytes] = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    files["corpus.yml"] = rules + "    files: ['001_*']\n"
    seeds = write_corpus(tmp_path / "seeds", files)
    pipeline.build(site_config(seeds, tmp_path / "site"))
    site = tmp_path / "site"
    lexicon = (site / "lexicon" / "index.html").read_text("utf-8")
    row = re.search(r"<tr><td><q>militant</q> / <q>terrorist</q>.*?</tr>", lexicon, re.S)
    assert row, "the seeds' militant/terrorist swap is on the corpus lexicon"
    assert "<q>militant</q>: Outlet B; <q>terrorist</q>: Outlet A" in row[0]
    assert re.search(r'href="\.\./events/[^"]+/#r\d+"', row[0])
    outlet = (site / "outlets" / "outlet-a" / "index.html").read_text("utf-8")
    prefers = re.search(r"<tr><td><q>terrorist</q></td><td><q>militant</q></td>.*?</tr>", outlet, re.S)
    assert prefers and "#r" in prefers[0]
    assert "Outlet A" in (site / "outlets" / "index.html").read_text("utf-8")
    article = (site / "articles" / SEED_001 / "index.html").read_text("utf-8")
    assert "Terms this account chose" in article and "<q>militant</q>" in article
    assert 'href="../../outlets/outlet-b/"' in article


def test_event_page_names_the_wording_of_one_source_and_keeps_background_apart(seeds_site: Path) -> None:
    html = event_page(seeds_site).read_text(encoding="utf-8")
    facts, background = html.split('id="background"', 1)
    # One source told two ways: its row names the swap and links it to its side-by-side row.
    assert re.search(r'<a class="px-wording" href="#r\d+"[^>]*>opposition → rebel</a>', facts)
    # Dates of earlier events sit in the Background table only.
    assert "<q>in 2019</q>" in background.split("Side by side")[0] and "<q>in 2019</q>" not in facts


def test_a_twenty_account_event_page_stays_light(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(site_config(Path(__file__).parent / "fixtures" / "events" / "twenty", site))
    [page] = (site / "events").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert len(html.encode()) < 600_000
    assert html.count('class="px-card"') == 20
    # Each pair of accounts has a page of its own, for readers without script.
    assert len(list(page.parent.glob("pairs/*.html"))) == 190


def test_pages_carry_link_previews_and_a_404_below_the_repository_path(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(site_config(SEEDS, site, site_url="https://example.org/repo/"))
    html = event_page(site).read_text(encoding="utf-8")
    assert (
        '<meta property="og:title" content="Civilians killed after US-led coalition strikes in Syria near'
        in html
    )
    assert re.search(
        r'<meta property="og:description" content="2 accounts side by side, Syria\. Names: ', html
    )
    assert '<meta property="og:url" content="https://example.org/repo/events/' in html
    missing = (site / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="(/[^"]*)"', missing)
    assert links and all(link.startswith("/repo/") for link in links), links


def test_home_and_index_pages_find_events_by_date_place_and_tag(tmp_path: Path) -> None:
    from builder.render.indexes import PAGE_SIZE, pages_of

    story = (
        "---\noutlet: {outlet}\npublished: {day}\ntags: {tags}\n---\n{title}\n\n"
        "{place} was hit by {what} on {weekday},"
        " officials said. At least {n} people were killed and dozens hurt, the {place} police said."
        " Rescuers searched the ruins through the night, a spokesman for the city said."
    )
    files: dict[str, str | bytes] = {}
    events = [
        ("Flood in Lagos", "Lagos", "a flood", "2024-03-04", "Monday", 4),
        ("Fire in Lima", "Lima", "a fire", "2024-03-20", "Wednesday", 2),
        ("Quake in Quito", "Quito", "an earthquake", "2023-11-02", "Thursday", 9),
    ]
    for title, place, what, day, weekday, n in events:
        for outlet in ("Reuters", "BBC News"):
            tags = "Disasters, Floods" if place == "Lagos" else "disasters"
            files[f"{place}-{outlet[:3]}.md"] = story.format(
                outlet=outlet, day=day, title=title, place=place, what=what, weekday=weekday, n=n, tags=tags
            )
    site = tmp_path / "site"
    pipeline.build(site_config(write_corpus(tmp_path / "seeds", files), site))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "6 articles in 3 events, from 2 outlets, 2 November 2023 to 20 March 2024." in home
    latest = home.split('id="latest"')[1].split('id="most-covered"')[0]
    assert latest.index("Fire in Lima") < latest.index("Flood in Lagos") < latest.index("Quake in Quito")
    assert "4 killed" in home and "9 killed" in home
    months = (site / "dates" / "index.html").read_text(encoding="utf-8")
    assert months.index("March 2024") < months.index("November 2023")
    march = (site / "dates" / "2024-03" / "index.html").read_text(encoding="utf-8")
    assert "Fire in Lima" in march and "Flood in Lagos" in march and "Quake in Quito" not in march
    assert (site / "places" / "quito" / "index.html").is_file()
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    # The metadata's tags in the spelling most events use, most events first; each event's place a tag.
    assert tags.index(">disasters</a>") < tags.index(">Floods</a>") and ">Disasters<" not in tags
    assert ">Lima</a>" in tags and 'href="tags/"' in home
    floods = (site / "tags" / "floods" / "index.html").read_text(encoding="utf-8")
    assert "Flood in Lagos" in floods and "Fire in Lima" not in floods
    disasters = (site / "tags" / "disasters" / "index.html").read_text(encoding="utf-8")
    assert all(t in disasters for t in ("Flood in Lagos", "Fire in Lima", "Quake in Quito"))
    reuters = (site / "outlets" / "reuters" / "index.html").read_text(encoding="utf-8")
    told = reuters.split('id="events-it-told"')[1]
    assert told.index("Fire in Lima") < told.index("Flood in Lagos") < told.index("Quake in Quito")
    assert [len(p) for p in pages_of(list(range(2 * PAGE_SIZE + 1)))] == [PAGE_SIZE, PAGE_SIZE, 1]


def test_the_articles_index_is_paged_by_outlet(monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.render import indexes
    from builder.render import pages as render

    corpus = pipeline.analyse(
        site_config(Path(__file__).parent / "fixtures" / "events" / "six", Path("unused"))
    )
    monkeypatch.setattr(indexes, "PAGE_SIZE", 4)
    found = render.article_index(corpus, render.environment(), {})
    assert sorted(found) == ["article-pages/2.md", "articles/index.md"]
    first, second = found["articles/index.md"], found["article-pages/2.md"]
    assert first.count('<li><a href="../articles/') == 4 and second.count('<li><a href="../../articles/') == 2
    assert '<a href="../article-pages/2/">2</a>' in first and '<a href="../../articles/">1</a>' in second
    assert "BBC News" in first  # outlets in order of name, each a heading of its articles


def test_group_indexes_are_paged_and_keep_their_pages_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.render import indexes
    from builder.render import pages as render

    corpus = pipeline.analyse(
        site_config(Path(__file__).parent / "fixtures" / "events" / "six", Path("unused"))
    )
    lines = [indexes.event_line(e, {a.id: a for a in corpus.articles}) for e in corpus.events]
    named = [dataclasses.replace(lines[0], tags=(*(f"Tag {n}" for n in range(5)), "Pages"))]
    monkeypatch.setattr(indexes, "PAGE_SIZE", 4)
    found = render.index_pages(render.environment(), named)
    assert "tags/pages/2.md" in found and "tags/pages/3.md" not in found
    first, second = found["tags/index.md"], found["tags/pages/2.md"]
    assert first.count("px-muted") == 4 and second.count("px-muted") == 2
    assert '<a href="pages/2/">2</a>' in first and '<a href="../../">1</a>' in second
    assert '<a href="../../tag-4/">' in second
    # A tag that slugs to the pages folder's name is numbered, not lost in it.
    assert "tags/pages-1.md" in found and ">Pages</a>" in first
    assert render.environment().from_string("{{ 2721 | count }}").render() == "2,721"


def test_every_generated_page_has_front_matter_that_parses() -> None:
    """A broken header turns a page's title and description into body text: every page's must parse."""
    import yaml

    from builder.render.pages import render_pages
    from builder.render.site import DEFAULT_HOME

    corpus = pipeline.analyse(
        site_config(Path(__file__).parent / "fixtures" / "events" / "six", Path("unused"))
    )
    pages = {
        name: text for name, text in render_pages(corpus, DEFAULT_HOME, None).items() if name.endswith(".md")
    }
    assert any(name.startswith("articles/") for name in pages)
    for name, text in pages.items():
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert isinstance(meta, dict) and meta.get("title"), name
        if name.startswith("articles/") and name != "articles/index.md":
            assert meta["search_kind"] == "article" and meta["description"], name
