"""Raw `.txt` articles as they arrive: headline line, captions, dateline, no metadata."""

from __future__ import annotations

from builder.ingest.document import Document, Source
from builder.model import Metadata, Rejected


def read_plaintext(source: Source) -> list[Document | Rejected]:
    """Return the one article a raw text file holds; its metadata can only come from a sidecar."""
    return [Document(source.path.stem, source.text, 0, Metadata(), source.warnings, "txt")]
