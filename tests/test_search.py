"""Search under both engines, in real Chromium: Material's index for small sites, Pagefind for large ones."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from builder import pipeline
from builder.render.search import UNUSED
from tests.conftest import ROOT, SEEDS, serve, site_config, write_corpus

OUTLETS = (
    "# Invented outlet names, so that a search by outlet has something to find (the seeds name none).\n"
    "outlets:\n"
    "  - name: Example Wire\n    files: ['000_*']\n"
    "  - name: Sample Daily\n    files: ['001_*']\n"
)
QUERIES = ["Atmeh", "Charles Lister", "Hayat Tahrir al-Sham", "HTS", "Example Wire"]
"""The seeds' event by place, person, organisation (in full and as initials) and outlet."""


@pytest.fixture(scope="module")
def named_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("named") / "seeds"
    folder.mkdir()
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, folder / article.name)
    (folder / "corpus.yml").write_text(OUTLETS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sites(named_seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds with outlets named, built once per engine; Pagefind's below a repository path (/repo/)."""
    root = tmp_path_factory.mktemp("engines")
    material, pagefind = root / "material", root / "pagefind" / "repo"
    pipeline.build(site_config(named_seeds, material))
    pipeline.build(site_config(named_seeds, pagefind, pagefind_from=1))
    return {"material": material, "pagefind": pagefind}


@pytest.fixture(scope="module")
def urls(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve(sites["material"]) as material, serve(sites["pagefind"].parent) as parent:
        yield {"material": material, "pagefind": f"{parent}repo/"}


def test_the_engine_follows_the_number_of_events(sites: dict[str, Path], tmp_path: Path) -> None:
    material, pagefind = sites["material"], sites["pagefind"]
    assert (material / "search" / "search_index.json").is_file() and not (material / "pagefind").exists()
    assert (pagefind / "pagefind" / "pagefind-entry.json").is_file()
    assert not (pagefind / "search" / "search_index.json").exists()
    assert not [p for pattern in UNUSED for p in (pagefind / "pagefind").glob(pattern)]
    home = (pagefind / "index.html").read_text(encoding="utf-8")
    assert "data-px-search" in home and "md-search__input" not in home and "assets/search.js" in home
    assert "data-px-search" not in (material / "index.html").read_text(encoding="utf-8")
    # Only events, articles and outlets are indexed, not help or index pages.
    events = next((pagefind / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" in events and "data-pagefind-body" not in home
    again = tmp_path / "again"
    pipeline.build(site_config(SEEDS, again, pagefind_from=1))
    pipeline.build(site_config(SEEDS, tmp_path / "twice", pagefind_from=1))
    from tests.test_site import tree_digest

    assert tree_digest(again) == tree_digest(tmp_path / "twice")


def test_the_header_is_materials_but_for_the_search_box() -> None:
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text("utf-8")
    ours = (ROOT / "builder" / "theme" / "partials" / "header.html").read_text("utf-8")
    body = ours.split("-#}\n", 1)[1]
    start, end = (
        body.index("    {#- Parallax:"),
        body.index("{#- Parallax end #}\n") + len("{#- Parallax end #}\n"),
    )
    assert body[:start] + body[end:] == theirs.split("-#}\n", 1)[1], "Material's header changed: merge it in"


def material_search(page: Page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key: Material's search listens to keyboard events, not to a programmatic fill.
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)
    for _ in range(5):  # keys typed before Material's search worker is ready are not searched: type again
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=4000)
            break
        except PlaywrightTimeout:
            box.press("End")
            box.press_sequentially(" ", delay=20)
            box.press("Backspace")
    # Results of earlier keystrokes show first: read until two readings a quarter second apart agree.
    hits: list[str] = []
    for _ in range(40):
        # Read in one step: the list re-renders while results arrive, so item by item could chase a gone one.
        now: list[str] = page.locator(".md-search-result__item > a").evaluate_all(
            "all => all.map(a => a.getAttribute('href') || '')"
        )
        if now == hits:
            break
        hits = now
        page.wait_for_timeout(250)
    return hits


def pagefind_search(page: Page, query: str) -> list[str]:
    box = page.locator("#px-search-input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.locator(f"[data-px-search][data-state=done] .px-search__status:has-text('{query}')").wait_for()
    return [a.get_attribute("href") or "" for a in page.locator("a.px-hit").all()]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    opened.on(
        "request",
        lambda r: (
            problems.append(f"request to {r.url}")
            if urlsplit(r.url).hostname not in ("127.0.0.1", None)
            else None
        ),
    )
    yield opened
    context.close()
    assert problems == [], problems


@pytest.mark.browser
@pytest.mark.parametrize("engine", ["material", "pagefind"])
@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_seeds_event(page: Page, urls: dict[str, str], engine: str, query: str) -> None:
    page.goto(urls[engine])
    hits = (material_search if engine == "material" else pagefind_search)(page, query)
    events = [h for h in hits if "/events/" in h]
    assert events, (query, hits)
    if engine == "pagefind":
        assert all(h.startswith("/repo/") for h in hits), hits  # right below a repository path
        assert "/articles/" not in hits[0], hits  # the event (or outlet) before each account of it
        assert "¶" not in page.locator(".px-search__list").inner_text()  # no heading permalinks in excerpts
    page.goto(urljoin_site(urls[engine], events[0]))
    assert page.locator("h1").inner_text().startswith("Civilians killed after US-led coalition")


def urljoin_site(base: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)


@pytest.mark.browser
def test_pagefind_cards_say_what_each_hit_is(page: Page, urls: dict[str, str]) -> None:
    page.goto(urls["pagefind"])
    pagefind_search(page, "Example Wire")
    cards = page.locator("a.px-hit")
    kinds = cards.locator(".px-hit__kind").all_inner_texts()
    assert {"EVENT", "ARTICLE", "OUTLET"} <= {k.upper() for k in kinds}, kinds
    event = page.locator("a.px-hit[data-kind=event]").first
    assert "2 accounts: Example Wire, Sample Daily" in event.locator(".px-hit__meta").inner_text()
    assert "no date" in event.locator(".px-hit__meta").inner_text()
    assert event.locator(".px-hit__excerpt mark").count() >= 1


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_pagefind_search_by_keyboard_alone(browser: Browser, urls: dict[str, str], width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(urls["pagefind"])
    for _ in range(12):  # the box is among the first stops of the tab order
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "px-search-input":
            break
    assert page.evaluate("document.activeElement.id") == "px-search-input"
    page.keyboard.type("Atmeh", delay=20)
    page.locator("[data-px-search][data-state=done]").wait_for()
    panel = page.locator(".px-search__panel").bounding_box()
    assert panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= width
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('px-hit')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "px-search-input"
    assert page.locator(".px-search__panel").is_hidden()
    page.keyboard.press("ArrowDown")  # panel shut: nothing to go down into
    page.keyboard.type(" ")
    page.locator("[data-px-search][data-state=done] .px-search__panel").wait_for()
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target and "/repo/" in page.url
    # "/" from anywhere goes back to the box.
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "px-search-input"
    context.close()


NEWS = (
    "---\noutlet: {outlet}\npublished: 2024-05-0{day}\n---\nFire kills {n} in {city}\n\n"
    "KARACHI ({outlet}) - At least {n} people were killed in a fire in {city} on Monday, officials said."
    " The fire in {city} spread through a market, and the {city} fire brigade fought the fire all night."
    " {city} officials said the fire in {city} was out by morning.\n"
)


@pytest.mark.browser
def test_pagefind_lists_an_event_before_the_accounts_of_it(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """An account repeats the words its event's page states once; the event must still come first."""
    folder = tmp_path_factory.mktemp("ranked")
    files: dict[str, str | bytes] = {}
    for day, (city, n) in enumerate([("Karachi", 12), ("Lahore", 30), ("Multan", 4)], 1):
        for outlet in ("Reuters", "BBC News", "Dawn"):
            files[f"{city}-{outlet[:3]}.md"] = NEWS.format(outlet=outlet, day=day, n=n, city=city)
    site = folder / "site"
    pipeline.build(site_config(write_corpus(folder / "seeds", files), site, pagefind_from=1))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve(site) as base:
        page.goto(base)
        hits = pagefind_search(page, "Karachi fire")
    context.close()
    assert "/events/" in hits[0], hits
