"""Shared fixtures: the real builder, a real mkdocs build, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from builder import pipeline
from builder.config import Config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = "000_23a385800a3f30d7"
SEED_001 = "001_094ad0709c558499"


def site_config(seeds: Path, site: Path, **overrides: object) -> Config:
    """Return a config that builds `seeds` into `site` with the project's docs and mkdocs.yml."""
    settings: dict[str, object] = {
        "seeds_dir": seeds,
        "site_dir": site,
        "docs_dir": ROOT / "docs",
        "mkdocs_file": ROOT / "mkdocs.yml",
        "cache_dir": None,  # each test computes what it checks; tests of the cache give it a folder
        **overrides,
    }
    return Config(**settings).validated()  # type: ignore[arg-type]


def write_corpus(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write a small corpus: {relative path: text or bytes}."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into a site once for the whole session."""
    site = tmp_path_factory.mktemp("seeds") / "site"
    pipeline.build(site_config(SEEDS, site))
    return site


@functools.cache
def _handler(directory: str) -> type[SimpleHTTPRequestHandler]:
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Quiet


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port); yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def seeds_url(seeds_site: Path) -> Iterator[str]:
    """The seeds site served on 127.0.0.1."""
    with serve(seeds_site) as url:
        yield url


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            "browser tests need Debian's chromium at /usr/bin/chromium: run `sh .ci/install-chromium`"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The hostile corpus's tally, when its tests ran."""
    from tests.test_hostile import TALLY

    if TALLY:
        terminalreporter.write_line(
            "hostile corpus: {payloads} payloads tried, {executed} executed, {crashes} crashes, "
            "{lost} files lost".format(**TALLY)
        )


def wait_until(page: Page, expression: str, timeout: float = 10.0) -> None:
    """Wait for a JavaScript expression to be true. Playwright's wait_for_function evaluates its predicate
    with eval, which the site's Content-Security-Policy forbids; page.evaluate is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        page.wait_for_timeout(50)
