"""`parallax serve`: the live preview serves the site and rebuilds when a seed changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, write_corpus


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, deadline: float) -> str:
    """Return the page once it is served; fail when the deadline passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_rebuilds_when_a_seed_is_added(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"a.txt": "Storm hits coast\n\nThe storm hit on Monday."})
    port = free_port()
    command = [
        sys.executable, "-m", "builder", "serve", "--seeds", str(seeds), "--site-dir", str(tmp_path / "site"),
        "--docs-dir", str(ROOT / "docs"), "--config-file", str(ROOT / "mkdocs.yml"), "--port", str(port),
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert "Storm hits coast" in fetch(base, time.monotonic() + 60)
        (seeds / "b.txt").write_text("Fire destroys market\n\nA fire destroyed the market.", encoding="utf-8")
        assert "Fire destroys market" in fetch(f"{base}articles/b/", time.monotonic() + 60)
        assert "Fire destroys market" in fetch(base, time.monotonic() + 10)
    finally:
        server.terminate()
        server.wait(timeout=10)
