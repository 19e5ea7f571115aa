"""A Content-Security-Policy on every page: scripts only from the site, and inline scripts only those the
build wrote (each allowed by its SHA-256 hash), so that no text from a corpus file can ever run as a script.

The policy is a `<meta>` element (GitHub Pages sets no headers), placed right after the charset so that it
governs every script that follows.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
BASE_POLICY = (
    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)
"""Everything from the site itself. Styles may be inline (the theme sets some); scripts may not."""


def inline_hashes(html: str) -> list[str]:
    """The CSP source of each inline script the page runs (JSON data blocks do not run), in page order."""
    found = []
    for match in _SCRIPT.finditer(html):
        if "src=" in match["attrs"] or _DATA.search(match["attrs"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(found))


def policy(html: str) -> str:
    # Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_hashes(html)])
    return f"{BASE_POLICY}; script-src {scripts}"


def add_policies(site: Path) -> int:
    """Put the policy into every HTML page of the built site; return how many pages have one."""
    count = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        charset = _CHARSET.search(html)
        if charset is None:
            continue
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
        page.write_text(f"{html[: charset.end()]}\n{meta}{html[charset.end() :]}", encoding="utf-8")
        count += 1
    return count
