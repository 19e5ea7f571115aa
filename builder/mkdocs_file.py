"""Settings the builder reads from mkdocs.yml itself: `repo_url` (file links) and `site_url` (JSON-LD)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its Python tags (`!!python/name:...`): they become None."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore)


def url_setting(mkdocs_file: Path, key: str) -> str | None:
    """An http(s) URL setting of the MkDocs configuration, without a trailing slash; None when unset."""
    try:
        settings: Any = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = settings.get(key) if isinstance(settings, dict) else None
    return url.rstrip("/") if isinstance(url, str) and url.startswith(("https://", "http://")) else None
