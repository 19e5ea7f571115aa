"""Search at scale: Pagefind over N event pages, timed in Chromium from the last keystroke to the results.

The pages are the seeds' event page with its words replaced, N times over: as heavy as real pages, without
the minutes a full build of thousands of events takes (the build is timed by the other rows).
"""

from __future__ import annotations

import random
import re
import shutil
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from builder import pipeline
from builder.config import Config
from builder.render.search import BUNDLE, index_site
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"(?<=>)([^<>]+)(?=<)")


def make_site(folder: Path, events: int, seed: int = 11) -> Path:
    """A real Pagefind site of the seeds, with `events` synthetic event pages added and indexed."""
    site = folder / "site"
    config = Config(
        seeds_dir=ROOT / "seeds",
        site_dir=site,
        docs_dir=ROOT / "docs",
        mkdocs_file=ROOT / "mkdocs.yml",
        pagefind_from=0,
    )
    pipeline.build(config)
    [template] = (site / "events").glob("*/index.html")
    html = template.read_text(encoding="utf-8")
    body_start = html.index("data-pagefind-body")
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(30_000)]

    def words(match: re.Match[str]) -> str:
        text = match.group(1)
        return " ".join(rng.choice(vocabulary) for _ in text.split()) if text.strip() else text

    for n in range(events):
        page = html[:body_start] + WORD.sub(words, html[body_start:])
        target = site / "events" / f"synthetic-{n:05d}" / "index.html"
        target.parent.mkdir(parents=True)
        target.write_text(page.replace("<h1>", f"<h1>Synthetic event {n} ", 1), encoding="utf-8")
    shutil.rmtree(site / BUNDLE)
    index_site(site)
    return site


def measure_search(
    tmp: Path, rows: list[tuple[str, int, str]], sizes: tuple[int, ...] = (1000, 5000)
) -> None:
    """Rows: index size, bytes fetched by one query on a fresh page, and time from typing to results."""
    for events in sizes:
        start = time.perf_counter()
        site = make_site(tmp / f"search{events}", events)
        rows.append((f"Pagefind site of {events} events", events, f"{time.perf_counter() - start:.1f} s"))
        bundle = sum(p.stat().st_size for p in (site / BUNDLE).rglob("*") if p.is_file())
        rows.append(("Pagefind bundle on disk", events, f"{bundle / 1e6:.1f} MB"))
        fetched, seconds = _one_query(site, "Atmeh")
        rows.append(("search: bytes for one query", events, f"{fetched / 1000:.0f} kB"))
        rows.append(("search: typing to results", events, f"{seconds:.2f} s"))


def _one_query(site: Path, query: str) -> tuple[int, float]:
    """Bytes of the search bundle fetched for one query typed on a fresh page, and its time to results."""
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url)
        sizes: list[int] = []

        def count(response: object) -> None:
            if f"/{BUNDLE}/" in response.url:  # type: ignore[attr-defined]
                sizes.append(len(response.body()))  # type: ignore[attr-defined]

        page.on("response", count)
        box = page.locator("#px-search-input")
        box.press_sequentially(query[:-1], delay=40)
        start = time.perf_counter()
        box.press_sequentially(query[-1])
        page.locator("[data-px-search][data-state=done] .px-hit").first.wait_for()
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(sizes), seconds
