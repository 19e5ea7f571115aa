"""Real Chromium (Debian's /usr/bin/chromium) through Playwright against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from builder import pipeline
from tests.conftest import SEED_000, SEED_001, serve, site_config, wait_until, write_corpus
from tests.test_site import HOSTILE

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: _record(errors, m))
    opened.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    opened.on("dialog", lambda d: errors.append(f"dialog opened: {d.message}"))
    yield opened
    context.close()
    assert errors == [], errors


def _record(errors: list[str], message: ConsoleMessage) -> None:
    if message.type == "error":
        errors.append(f"console error: {message.text}")


def search(page: Page, query: str) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key: Material's search listens to keyboard events, not to a programmatic fill.
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for()


def test_search_finds_the_event_and_shows_both_sources(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    search(page, "Atmeh")
    result = page.locator(
        ".md-search-result__item a[href*='/events/']", has_text="Civilians killed after US-led"
    )
    result.first.click()
    page.wait_for_url("**/events/**")
    cards = page.locator(".px-card")
    assert cards.count() == 2
    names = cards.locator(".px-card__name").all_text_contents()
    assert names == ["“Civilians killed after US-led…”", "“A US-led coalition raid…”"]
    assert SEED_000 not in page.locator("article").inner_text()  # file ids only on article pages
    pair = page.locator(".px-pair")
    assert "Atmeh" in pair.inner_text() and "SANA’A" not in names[1]


def test_sentence_link_opens_its_place_on_the_article_page(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    page.locator(".px-event-list a").first.click()
    page.wait_for_url("**/events/**")
    page.locator(f".px-pair a.px-s[href$='/articles/{SEED_001}/#s5']").click()
    page.wait_for_url(f"**/articles/{SEED_001}/#s5")
    assert page.locator("#s5").inner_text().startswith("Charles Lister, a senior fellow")


def test_accounts_stack_on_a_phone(browser: Browser, seeds_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(seeds_url)
    phone.locator(".px-event-list a").first.click()
    phone.wait_for_url("**/events/**")
    boxes = [c.bounding_box() for c in phone.locator(".px-card").all()]
    context.close()
    assert all(b is not None for b in boxes)
    first, second = boxes[0], boxes[1]
    assert first is not None and second is not None
    assert second["y"] >= first["y"] + first["height"] - 1


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile")
    seeds = write_corpus(folder / "seeds", {"hostile.txt": HOSTILE})
    pipeline.build(site_config(seeds, folder / "site"))
    with serve(folder / "site") as url:
        yield url


def test_hostile_article_renders_as_text_and_runs_nothing(hostile_url: str, page: Page) -> None:
    page.goto(f"{hostile_url}articles/hostile/")
    text = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "**bold**" in text and "{{ x }}" in text and "<!--" in text
    # The page's one script in the article is its JSON-LD, data that never runs (checked in test_linked_data).
    running = 'article script:not([type="application/ld+json"])'
    assert page.locator(f"article strong, {running}, article b").count() == 0
    assert page.locator('article script[type="application/ld+json"]').count() == 1
    search(page, "mayor")
    assert "alert(1)" in page.locator(".md-search-result").inner_text()
    page.goto(hostile_url)
    page.locator(".px-event-list a").first.click()
    page.wait_for_url("**/events/**")
    assert "<script>alert(1)</script>" in page.locator(".px-text").inner_text()


def test_light_dark_toggle_switches_the_scheme(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    wait_until(page, f"document.body.dataset.mdColorScheme !== {before!r}")
    assert {before, body.get_attribute("data-md-color-scheme")} == {"default", "slate"}


def _open_event(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".px-event-list a").first.click()
    page.wait_for_url("**/events/**")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a screenshot is a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize(("width", "stacked"), [(1400, False), (390, True)])
def test_aligned_rows_screenshot_wide_and_phone(
    browser: Browser, seeds_url: str, tmp_path: Path, width: int, stacked: bool
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    _open_event(page, seeds_url)
    row = page.locator(".px-prow", has=page.locator(".px-named__item--wording")).first
    row.scroll_into_view_if_needed()
    cells = [c.bounding_box() for c in row.locator(".px-pcell").all()]
    shot = row.screenshot(path=str(tmp_path / f"row-{width}.png"))
    block = page.locator(".px-pair").screenshot(path=str(tmp_path / f"rows-{width}.png"))
    # A second cue beside colour, for colour-blind readers and printouts.
    decoration = page.locator(".px-d--wording").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    # The base account's own words are shown as written: nothing in it is struck through.
    struck = page.locator(".px-pair .px-d").evaluate_all(
        "all => all.filter(e => getComputedStyle(e).textDecorationLine.includes('line-through')).length"
    )
    label = row.locator(".px-pcell").first.evaluate("e => getComputedStyle(e, '::before').content")
    context.close()
    first, second = cells[0], cells[1]
    assert first is not None and second is not None
    if stacked:
        assert second["y"] >= first["y"] + first["height"] - 1, "a phone stacks the versions"
        assert "Civilians killed after" in label, "each stacked version is labelled with its account"
    else:
        assert abs(second["y"] - first["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1
    assert "underline" in decoration and struck == 0
    row_width, row_height = _png_size(shot)
    assert row_width <= width and row_height > 20
    assert _png_size(block)[1] > 10 * row_height / (3 if stacked else 1)


def test_only_rows_that_differ_and_row_permalinks(page: Page, seeds_url: str) -> None:
    _open_event(page, seeds_url)
    rows = page.locator(".px-pair .px-prow:not(.px-prow--head)")
    total = rows.count()
    same = page.locator(".px-prow--same")
    assert same.count() > 0 and same.first.is_visible()
    page.locator("input.px-only-differ").check()
    assert not same.first.is_visible()
    visible = sum(1 for r in rows.all() if r.is_visible())
    assert visible == total - same.count()
    permalink = page.locator(".px-prow:not(.px-prow--same) .px-prow__n a").first
    permalink.click()
    anchor = permalink.get_attribute("href")
    assert anchor is not None and page.url.endswith(anchor)
    # The row among all the accounts, in the overview: its sentence links to the article.
    page.locator(f"{anchor} a.px-s").first.click()
    page.wait_for_url(f"**/articles/{SEED_000}/#s*")


def test_lexicon_page_links_to_the_rows(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    page.get_by_role("link", name="Framing lexicon").first.click()
    page.wait_for_url("**/lexicon/")
    row = page.locator("table.px-lexicon tr", has_text="terrorist").first
    assert "militant" in row.inner_text()
    row.locator("a[href*='#r']").first.click()
    page.wait_for_url("**/events/**#r*")
    target = page.url.rsplit("#", 1)[1]
    assert "terrorist" in page.locator(f"#{target}").inner_text().lower()


def test_facts_cells_land_on_their_sentence_and_show_it_on_focus(page: Page, seeds_url: str) -> None:
    _open_event(page, seeds_url)
    for details in page.locator("details.px-agreed").all():
        details.locator("summary").click()
    # The first account of each value carries the sentence; every account links to its row.
    links = page.locator(".px-factgroup .px-fact__by:has(.px-fact__sentence) a")
    assert links.count() > 20
    for n in (0, links.count() // 2, links.count() - 1):
        link = links.nth(n)
        value = link.locator("xpath=ancestor::li[1]").locator(".px-fact__value q").first.inner_text()
        words = " ".join(value.strip("“”").split())[:20]
        link.focus()
        tooltip = link.locator("xpath=following-sibling::span[@class='px-fact__sentence']")
        assert tooltip.is_visible() and words in " ".join(tooltip.inner_text().split())
        link.click()
        target = page.url.rsplit("#", 1)[1]
        assert words in " ".join(page.locator(f"#{target}").inner_text().split())


def test_provenance_note_evidence_lands_on_its_words(page: Page, seeds_url: str) -> None:
    _open_event(page, seeds_url)
    notes = page.locator("ul.px-notes > li")
    kinds = [notes.nth(n).get_attribute("class") for n in range(notes.count())]
    assert "px-note px-note--caption" in kinds and "px-note px-note--dateline" in kinds
    # A sentence: the note's link goes to its side-by-side row, which holds the words it names.
    relative = page.locator("li.px-note--relative-date .px-evidence a").first
    relative.click()
    row = page.url.rsplit("#", 1)[1]
    assert row.startswith("r") and "on Thursday" in page.locator(f"#{row}").inner_text()
    # A caption: the link opens the article page at the caption.
    _open_event(page, seeds_url)
    page.locator("li.px-note--caption .px-evidence a").first.click()
    assert page.url.endswith(f"/articles/{SEED_000}/#caption-1")
    caption = page.locator("#caption-1")
    assert caption.is_visible() and "(AP File Photo)" in caption.inner_text()
    # A dateline: on the article page, its own notes link to the dateline in place.
    page.goto(f"{seeds_url}/articles/{SEED_001}/")
    page.locator("li.px-note--dateline .px-evidence a", has_text="dateline").click()
    assert page.url.endswith("#dateline") and page.locator("#dateline").inner_text() == "SANA’A"


def test_404_page_works_below_the_repository_path_and_print_hides_the_chrome(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("pages")
    pipeline.build(
        site_config(
            Path(__file__).parent.parent / "seeds", folder / "repo", site_url="https://example.org/repo/"
        )
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed: list[str] = []
    asked: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("request", lambda r: asked.append(r.url))
    with serve(folder) as url:
        page.goto(f"{url}repo/404.html")
        page.wait_for_load_state("networkidle")
        assert page.locator(".md-header").is_visible(), "the theme's styles load below /repo/"
        page.locator(".md-header a.md-logo").click()
        page.wait_for_url(f"{url}repo/")
        page.locator(".px-event-list a").first.click()
        page.wait_for_url("**/events/**")
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        assert (
            not page.locator(".md-header").is_visible() and not page.locator("form.px-chooser").is_visible()
        )
        assert page.locator(".px-pair").is_visible()
    context.close()
    assert failed == []
    assert asked and all(a.startswith(url) for a in asked), "nothing is fetched from another host"
