"""Event pages of 2, 6 and 20 accounts in real Chromium at 1280 and 390 px: the overview, the pair chooser and
its URLs, the list of pairs without script, keyboard reach, axe-core, no sideways scroll. Screenshots are kept
in `build/screenshots/` as test artifacts."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page

from builder import pipeline
from tests.conftest import ROOT, SEEDS, serve, site_config, wait_until

FIXTURES = Path(__file__).parent / "fixtures" / "events"
CORPORA = {"two": SEEDS, "six": FIXTURES / "six", "twenty": FIXTURES / "twenty"}
ACCOUNTS = {"two": 2, "six": 6, "twenty": 20}
WIDTHS = (1280, 390)
SHOTS = ROOT / "build" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Each corpus built once and served; yields {corpus: URL of its one event page}."""
    urls: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        for name, seeds in CORPORA.items():
            site = tmp_path_factory.mktemp(name) / "site"
            pipeline.build(site_config(seeds, site))
            [event] = [p.name for p in (site / "events").iterdir() if p.is_dir()]
            base = stack.enter_context(serve(site))
            urls[name] = f"{base}events/{event}/"
        yield urls


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def _open(browser: Browser, url: str, width: int, script: bool = True) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
    page.on(  # the site loads nothing from any other host
        "request",
        lambda r: (
            errors.append(f"request: {r.url}")
            if urlsplit(r.url).hostname not in ("127.0.0.1", None)
            else None
        ),
    )
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    page.wait_for_load_state("networkidle")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def _heads(page: Page) -> list[str]:
    """The accounts the side-by-side view shows, by slug, in column order."""
    found: list[str] = page.locator(".px-pair .px-prow--head .px-pcell").evaluate_all(
        "all => all.map(e => e.dataset.slug)"
    )
    return found


def _no_sideways_scroll(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_overview_reads_at_every_width(
    browser: Browser, sites: dict[str, str], corpus: str, width: int
) -> None:
    page = _open(browser, sites[corpus], width)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"event-{corpus}-{width}.png"), full_page=False)
    n = ACCOUNTS[corpus]
    cards = page.locator(".px-card")
    assert cards.count() == n
    names = cards.locator(".px-card__name").all_text_contents()
    assert len(set(names)) == n, "every account has a name of its own"
    text = page.locator("article").inner_text()
    assert not any(c.startswith(("13_", "37_", "000_", "001_")) for c in text.split()), "no file ids on show"
    # Rows by how many carry them, "k of N", and a coverage picture whose cells lead to the rows.
    counts = [int(t.split(" of ")[0]) for t in page.locator(".px-cov .px-count").all_text_contents()]
    assert counts and all(
        t.endswith(f"of {n} accounts") for t in page.locator(".px-count").all_text_contents()
    )
    top = [c for c in counts if c > 1]
    assert top == sorted(top, reverse=True), "rows carried by more accounts come first"
    cells = page.locator("svg.px-coverage__svg a")
    assert cells.count() == page.locator(".px-cov").count()
    href = cells.first.get_attribute("href")
    assert href and page.locator(href).count() == 1
    _no_sideways_scroll(page, width)
    for details in page.locator("details").all()[:40]:
        if details.is_visible():
            details.locator("summary").click()
    _no_sideways_scroll(page, width)
    assert page.errors == []  # type: ignore[attr-defined]
    page.context.close()


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_no_serious_accessibility_violation(
    browser: Browser, sites: dict[str, str], corpus: str, width: int
) -> None:
    page = _open(browser, sites[corpus], width)
    found = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    page.context.close()
    assert serious == []


@pytest.mark.parametrize("corpus", ["six", "twenty"])
def test_pair_chooser_keeps_the_choice_in_the_url(
    browser: Browser, sites: dict[str, str], corpus: str, width: int
) -> None:
    page = _open(browser, sites[corpus], width)
    form = page.locator("form.px-chooser")
    assert form.is_visible()
    options = form.locator("select[name=a] option")
    slugs = [options.nth(i).get_attribute("value") for i in range(options.count())]
    # The default pair is the most complete account and the one that differs most from it.
    heads = _heads(page)
    assert heads[0] == slugs[0] and heads[1] != heads[0]
    # Choose two others: the URL says which, and the view shows them.
    form.locator("select[name=a]").select_option(slugs[2])
    form.locator("select[name=b]").select_option(slugs[1])
    form.locator("button").click()
    wait_until(page, f"location.hash === '#compare={slugs[2]}~{slugs[1]}'")
    wait_until(
        page, f"document.querySelector('.px-pair .px-prow--head .px-pcell').dataset.slug === '{slugs[2]}'"
    )
    assert _heads(page) == [slugs[2], slugs[1]]
    # The URL alone brings the choice back, three accounts included.
    url = f"{sites[corpus]}#compare={slugs[0]}~{slugs[3]}~{slugs[4]}"
    again = _open(browser, url, width)
    wait_until(again, "document.querySelectorAll('.px-pair .px-prow--head .px-pcell').length === 3")
    assert _heads(again) == [slugs[0], slugs[3], slugs[4]]
    rows = again.locator(".px-pair .px-prow[data-row]")
    assert all(r.locator(".px-pcell").count() == 3 for r in rows.all()[:30])
    _no_sideways_scroll(again, width)
    again.screenshot(path=str(SHOTS / f"pair-{corpus}-{width}.png"), full_page=False)
    assert page.errors == [] and again.errors == []  # type: ignore[attr-defined]
    page.context.close()
    again.context.close()


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_pair_without_script(browser: Browser, sites: dict[str, str], corpus: str) -> None:
    page = _open(browser, sites[corpus], 390, script=False)
    assert not page.locator("form.px-chooser").is_visible()
    n = ACCOUNTS[corpus]
    links = page.locator("details.px-pairs a")
    assert links.count() == math.comb(n, 2)
    page.locator("details.px-pairs summary").click()
    last = links.nth(links.count() - 1)
    name = last.inner_text()
    last.click()
    page.wait_for_url("**/pairs/*.html")
    heads = page.locator(".px-prow--head .px-pcell").evaluate_all(
        "all => all.map(e => e.firstChild.textContent.trim())"
    )
    assert " and ".join(heads) == name
    assert page.locator(".px-prow[data-row]").count() > 0
    _no_sideways_scroll(page, 390)
    page.locator("a", has_text="Back to the event").click()
    page.wait_for_url(sites[corpus])
    page.context.close()


def test_every_control_is_in_reach_of_the_keyboard(browser: Browser, sites: dict[str, str]) -> None:
    page = _open(browser, sites["six"], 1280)
    page.locator("form.px-chooser select[name=a]").focus()
    reached = []
    for _ in range(5):
        reached.append(
            page.evaluate("document.activeElement.getAttribute('name') || document.activeElement.tagName")
        )
        page.keyboard.press("Tab")
    assert reached[:4] == ["a", "b", "c", "BUTTON"]
    # Choosing by keyboard alone: a third account, then Enter on the button.
    third = page.locator("form.px-chooser select[name=c]")
    third.focus()
    taken = page.evaluate(
        "[...document.querySelectorAll('form.px-chooser select')].slice(0, 2).map(s => s.value)"
    )
    page.keyboard.press("ArrowDown")
    while third.input_value() in taken:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelectorAll('.px-pair .px-prow--head .px-pcell').length === 3")
    controls = "summary, select, button, input, [tabindex='0'], .px-named__item"
    unreachable = (
        page.locator("article")
        .locator(controls)
        .evaluate_all(
            "all => all.filter(e => e.tabIndex < 0 || e.closest('[inert]'))"
            ".map(e => e.outerHTML.slice(0, 80))"
        )
    )
    assert unreachable == []
    named = page.locator(".px-named__item").first
    named.focus()
    assert named.locator(".px-named__kind").is_visible(), "the kind of difference is spelt out on focus"
    page.context.close()


@pytest.mark.parametrize("query", ["HTS", "Charles Lister", "Atmeh"])
def test_the_event_outranks_help_pages_for_its_names(
    browser: Browser, sites: dict[str, str], query: str
) -> None:
    page = _open(browser, sites["two"], 1280)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert "/events/" in (first.get_attribute("href") or "")
    # The entry is the event's summary, not its tables flattened.
    assert len(page.locator(".md-search-result__item").first.inner_text()) < 600
    page.context.close()


def test_pair_headers_stay_in_view_while_scrolling(browser: Browser, sites: dict[str, str]) -> None:
    page = _open(browser, sites["two"], 1280)
    rows = page.locator(".px-pair .px-prow[data-row]")
    rows.nth(rows.count() // 2).scroll_into_view_if_needed()
    head = page.locator(".px-pair .px-prow--head").bounding_box()
    assert head is not None and 0 <= head["y"] <= 80, "the account names stay at the top of the window"
    page.context.close()


INDEXES = ["", "dates/", "places/", "tags/", "articles/", "outlets/", "changes/", "report/", "lexicon/"]


@pytest.mark.parametrize("path", [*INDEXES, "an article", "an outlet", "a tag"])
def test_home_and_index_pages_read_at_every_width(
    browser: Browser, sites: dict[str, str], path: str, width: int
) -> None:
    """Every kind of page but the event's (tested above) reads at both widths; axe finds nothing serious."""
    base = sites["six"].split("events/")[0]
    url = base + path
    if path.startswith(("an ", "a ")):
        index, link = {
            "an article": ("articles/", "article li > a:first-child"),
            "an outlet": ("outlets/", "article td a"),
            "a tag": ("tags/", "article .px-groups a"),
        }[path]
        found = _open(browser, base + index, width)
        url = str(found.locator(link).first.evaluate("a => a.href"))
        found.context.close()
    page = _open(browser, url, width)
    assert page.locator("article a").count() > 0
    _no_sideways_scroll(page, width)
    found = Axe().run(page).response["violations"]
    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []
    if path == "":
        page.locator(".px-event-list a").first.click()
        page.wait_for_url("**/events/**")
    assert page.errors == []  # type: ignore[attr-defined]
    page.context.close()
