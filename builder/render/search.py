"""Which search engine a site gets, and the Pagefind index for large ones.

Material's own search ships one index of every page to every reader: fine for a few hundred events, tens of
megabytes and seconds per keystroke beyond. Pagefind splits its index into chunks a query fetches on demand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from builder.config import Config
from builder.errors import SiteBuildError
from builder.mkdocs_file import settings
from builder.model import Corpus
from builder.render.swap import die_with_parent

MATERIAL = "material"
PAGEFIND = "pagefind"
BUNDLE = "pagefind"
"""The folder of the site the Pagefind bundle is written to."""
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces: the site has its own result cards (docs/assets/search.js)."""


def search_engine(corpus: Corpus, config: Config) -> str:
    """Pagefind from `config.pagefind_from` events on, Material's search below."""
    return PAGEFIND if len(corpus.events) >= config.pagefind_from else MATERIAL


def _without_material_search(plugins: Any) -> list[Any]:
    """The configured plugins with Material's search switched off: the header then has no box of its own."""
    kept: list[Any] = [{"search": {"enabled": False}}]
    for plugin in plugins if isinstance(plugins, list) else ["search"]:
        name = next(iter(plugin), None) if isinstance(plugin, dict) else plugin
        if name not in ("search", "material/search"):
            kept.append(plugin)
    return kept


def engine_settings(config: Config, engine: str) -> str:
    """Lines for the child mkdocs.yml: the engine named for the theme, and the plugin list it needs."""
    lines = {"extra": {"parallax_search": engine}}
    if engine == PAGEFIND:
        parent = settings(config.mkdocs_file)
        return yaml.safe_dump({**lines, "plugins": _without_material_search(parent.get("plugins"))})
    return yaml.safe_dump(lines)


def index_site(site: Path) -> None:
    """Write the Pagefind bundle into the built site: pages marked `data-pagefind-body` only."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--silent"]
    command += ["--exclude-selectors", ".headerlink"]  # the pilcrow of each heading's permalink
    result = subprocess.run(command, capture_output=True, text=True, check=False, preexec_fn=die_with_parent)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:] or f"exit code {result.returncode}"
        raise SiteBuildError(f"pagefind failed; the previous site is left in place:\n  {detail}")
    for pattern in UNUSED:
        for path in (site / BUNDLE).glob(pattern):
            path.unlink()
