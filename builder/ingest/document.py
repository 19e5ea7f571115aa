"""What format readers take and give: a decoded input file in, article documents out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from builder.model import Metadata, Problem


@dataclass(frozen=True)
class Source:
    """An input file as read from disk."""

    path: Path
    """Where the file is."""
    shown: str
    """The path as pages and messages show it (`seeds/x.txt`)."""
    data: bytes
    """The file's bytes."""
    text: str
    """The decoded text."""
    warnings: tuple[Problem, ...]
    """Problems met while decoding."""


@dataclass(frozen=True)
class Document:
    """One article's text and metadata as a format reader found them, before structure and sentences."""

    article_id: str
    """Id of the article: the file name without extension, plus a record key for JSON."""
    text: str
    """The text every offset of the article will refer to."""
    body_start: int
    """Where the article text starts in `text` (after front matter)."""
    meta: Metadata
    """Metadata from the file or record (before the sidecar and corpus file are applied)."""
    problems: tuple[Problem, ...]
    """Warnings to publish with the article."""
    format: str
    """Input format: `txt`, `md`, `json`, `jsonl` or `html`."""
    text_source: Literal["file", "record", "extracted"] = "file"
    """What `text` is: the decoded file, a JSON record's text field, or text extracted from HTML."""
    record: int | None = None
    """For JSON: the record's number (1-based) in its file."""
