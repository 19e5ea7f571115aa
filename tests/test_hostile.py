"""The hostile corpus (tests/hostile.py) builds, loses no file, and shows every payload as literal text that
never runs: checked in the built HTML and in Chromium. `make test` prints the tally."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Dialog

from builder import pipeline
from builder.accounting import account
from builder.model import Corpus
from tests import hostile
from tests.conftest import serve, site_config

TALLY: dict[str, int] = {}
"""Payloads tried, executed, crashes and files lost: printed at the end of `make test` (conftest)."""


class _Page(HTMLParser):
    """What of a page could run: inline script bodies, event-handler attributes, script URLs, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runnable: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []
        self.policy = ""
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values.get("content") or ""
        if tag in ("iframe", "object", "embed", "frame"):
            self.runnable.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on"):
                self.runnable.append(f"{name}={value}")
            if name in ("href", "src", "action", "formaction") and value.lower().startswith(
                ("javascript:", "data:text")
            ):
                self.runnable.append(f"{name}={value}")
            if name in ("src", "href") and urlsplit(value).hostname not in (None, "127.0.0.1") and tag != "a":
                self.external.append(value)
        self._script = tag == "script" and "src" not in values and "json" not in (values.get("type") or "")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        (self.runnable if self._script else self.text).append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Corpus, list[hostile.Payload]]]:
    folder = tmp_path_factory.mktemp("hostile")
    payloads = hostile.write_hostile(folder / "seeds")
    TALLY.update(payloads=len(payloads), executed=0, crashes=1, lost=0)
    outcome = pipeline.build(site_config(folder / "seeds", folder / "site"))
    TALLY["crashes"] = 0
    yield folder, outcome.corpus, payloads


def _pages(site: Path) -> dict[str, _Page]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        found[path.relative_to(site).as_posix()] = page
    return found


def test_the_hostile_corpus_builds_loses_nothing_and_runs_nothing(
    built: tuple[Path, Corpus, list[hostile.Payload]],
) -> None:
    folder, corpus, payloads = built
    rows = account(corpus)
    lost = set(corpus.files) - {r.path for r in rows} | {r.path for r in rows if r.outcome == "unaccounted"}
    TALLY["lost"] = len(lost)
    assert lost == set()
    pages = _pages(folder / "site")
    ran = {
        (name, p.token)
        for name, page in pages.items()
        for p in payloads
        for piece in page.runnable
        if p.token in piece
    }
    TALLY["executed"] = len({token for _name, token in ran})
    assert ran == set()
    assert all(page.policy and "script-src 'self'" in page.policy for page in pages.values())
    assert {u for page in pages.values() for u in page.external} == set()
    # Every payload is on a page as text, or its file is on the report with the reason it was not read.
    text = {name: " ".join(page.text) for name, page in pages.items()}
    report = text["report/index.html"]
    seeds = folder / "seeds"
    for payload in payloads:
        if any(payload.token in t for t in text.values()):
            continue
        [holder] = [p for p in seeds.iterdir() if payload.token in p.name or payload.token in _read(p)]
        assert holder.name in report, (payload, holder)
    # Nothing was written outside the site and the corpus.
    assert sorted(p.name for p in folder.iterdir()) == ["seeds", "site"]


def _read(path: Path) -> str:
    if path.is_symlink():
        return ""
    data = path.read_bytes()
    return data.decode("utf-16-le") if b"\0" in data else data.decode("utf-8", "replace")


@pytest.mark.browser
def test_no_payload_runs_in_chromium(
    built: tuple[Path, Corpus, list[hostile.Payload]], browser: Browser
) -> None:
    folder, corpus, _payloads = built
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []

    def dialog(d: Dialog) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            problems.append(f"request: {r.url}")
            if urlsplit(r.url).hostname not in ("127.0.0.1", None)
            else None
        ),
    )
    with serve(folder / "site") as base:
        paths = ["", "report/", *(f"articles/{a.slug}/" for a in corpus.articles)]
        paths += [f"events/{e.slug}/" for e in corpus.events]
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.mouse.move(400, 400)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        shown = page.goto(base + "articles/headline/")
        assert shown is not None and shown.ok
        assert "<script>window.__pwned='PX10'" in page.locator("h1").inner_text()
    context.close()
    assert problems == []
