"""Settings the builder reads from mkdocs.yml itself: `repo_url`, `site_url` and the plugins it keeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its Python tags (`!!python/name:...`): they become None."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore)


def settings(mkdocs_file: Path) -> dict[str, Any]:
    """The MkDocs configuration as plain data; empty when it cannot be read."""
    try:
        loaded: Any = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def url_setting(mkdocs_file: Path, key: str) -> str | None:
    """An http(s) URL setting of the MkDocs configuration, without a trailing slash; None when unset."""
    url = settings(mkdocs_file).get(key)
    return url.rstrip("/") if isinstance(url, str) and url.startswith(("https://", "http://")) else None
