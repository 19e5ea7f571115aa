"""Saved `.html` article pages: main text and metadata extracted with trafilatura, cached by content."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import trafilatura

from builder.ingest.document import Document, Source
from builder.ingest.metadata import parse_metadata
from builder.model import Rejected

_FIELDS = {"title": "title", "author": "authors", "date": "published", "url": "url", "sitename": "outlet",
           "language": "language", "license": "license", "tags": "tags",
           "categories": "categories"}  # fmt: skip
"""trafilatura's metadata keys and the Parallax fields they fill."""
_CACHE_VERSION = f"trafilatura-{trafilatura.__version__}-2"


def _extract(html: str) -> dict[str, Any] | None:
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else extracted
    if not result or not (result.get("text") or "").strip():
        return None
    found = {key: result.get(key) for key in (*_FIELDS, "text")}
    if not found.get("sitename"):
        found["sitename"] = result.get("hostname")
    return found


def _cached_extract(source: Source, cache: Path | None) -> dict[str, Any] | None:
    """Extract once per file content: the cache entry is named by the bytes' digest and the extractor."""
    if cache is None:
        return _extract(source.text)
    entry = cache / "html" / f"{hashlib.sha256(source.data).hexdigest()}-{_CACHE_VERSION}.json"
    try:
        cached: dict[str, Any] | None = json.loads(entry.read_text(encoding="utf-8"))
        return cached
    except (OSError, ValueError):
        pass
    found = _extract(source.text)
    entry.parent.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f".{entry.name}.{os.getpid()}")
    partial.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    partial.replace(entry)
    return found


def read_webpage(source: Source, cache: Path | None) -> list[Document | Rejected]:
    """Return the article of a saved web page; offsets refer to the extracted text."""
    found = _cached_extract(source, cache)
    if found is None:
        return [Rejected(source.shown, "no article text could be extracted from the page")]
    raw = {field: found.get(key) for key, field in _FIELDS.items()}
    parsed = parse_metadata(raw, source.shown)
    problems = source.warnings + parsed.problems
    return [Document(source.path.stem, found["text"], 0, parsed.metadata, problems, "html", "extracted")]
