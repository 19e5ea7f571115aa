"""Real Chromium (Debian's /usr/bin/chromium) through Playwright against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from builder import pipeline
from tests.conftest import SEED_000, SEED_001, serve, site_config, write_corpus
from tests.test_site import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            "browser tests need Debian's chromium at /usr/bin/chromium: run `sh .ci/install-chromium`"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


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
    columns = page.locator("section.px-column")
    assert columns.count() == 2
    heads = columns.locator(".px-column__head").all_inner_texts()
    assert heads == [SEED_000, SEED_001]
    assert "SANA’A" in columns.nth(1).inner_text()
    assert "Atmeh" in columns.nth(0).inner_text()


def test_sentence_link_opens_its_place_on_the_article_page(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    page.locator(".px-event-list a").first.click()
    page.wait_for_url("**/events/**")
    page.locator(f"section.px-column a.px-s[id='{SEED_001}-s5']").click()
    page.wait_for_url(f"**/articles/{SEED_001}/#s5")
    assert page.locator("#s5").inner_text().startswith("Charles Lister, a senior fellow")


def test_columns_stack_on_a_phone(browser: Browser, seeds_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(seeds_url)
    phone.locator(".px-event-list a").first.click()
    phone.wait_for_url("**/events/**")
    boxes = [c.bounding_box() for c in phone.locator("section.px-column").all()]
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
    assert page.locator("article strong, article script, article b").count() == 0
    search(page, "mayor")
    assert "alert(1)" in page.locator(".md-search-result").inner_text()
    page.goto(hostile_url)
    page.locator(".px-event-list a").first.click()
    page.wait_for_url("**/events/**")
    assert "<script>alert(1)</script>" in page.locator("section.px-column").inner_text()


def test_light_dark_toggle_switches_the_scheme(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {before!r}")
    assert {before, body.get_attribute("data-md-color-scheme")} == {"default", "slate"}
