"""Live preview: build, serve the site on 127.0.0.1, rebuild when the corpus or the docs change."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from builder.config import Config
from builder.errors import BuilderError


def _fingerprint(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    def entries() -> Iterator[tuple[str, int, int]]:
        for root in paths:
            files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
            for file in files:
                stat = file.stat()
                yield str(file), stat.st_mtime_ns, stat.st_size

    return tuple(entries())


def serve(
    config: Config, build: Callable[[Config], object], host: str, port: int, interval: float = 1.0
) -> None:
    """Build once, serve the site, and rebuild whenever a watched file changes (until interrupted)."""
    build(config)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(config.site_dir.resolve()))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {config.site_dir} on http://{host}:{port}/")
    print(f"Watching {config.seeds_dir}, {config.docs_dir} and {config.mkdocs_file}; Ctrl-C to stop")
    watched = [config.seeds_dir, config.docs_dir, config.mkdocs_file]
    seen = _fingerprint(watched)
    try:
        while True:
            time.sleep(interval)
            now = _fingerprint(watched)
            if now == seen:
                continue
            seen = now
            print("Change seen: rebuilding...")
            try:
                build(config)
                print("Rebuilt.")
            except BuilderError as exc:
                print(f"Build failed, still serving the previous site: {exc}")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
