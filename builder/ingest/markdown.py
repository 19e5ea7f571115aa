"""`.md` articles: YAML front matter between `---` lines, then the article text."""

from __future__ import annotations

import re

from builder.ingest.document import Document, Source
from builder.ingest.metadata import YamlError, load_yaml_mapping, parse_metadata
from builder.model import Metadata, Rejected

_OPENING = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.MULTILINE)


def read_markdown(source: Source) -> list[Document | Rejected]:
    """Return the article in a Markdown file, with the metadata of its front matter."""
    text = source.text
    opening = _OPENING.match(text)
    if opening is None:
        return [Document(source.path.stem, text, 0, Metadata(), source.warnings, "md")]
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return [Rejected(source.shown, "front matter opened with '---' on line 1 is never closed", 1)]
    try:
        raw = load_yaml_mapping(text[opening.end() : closing.start()], first_line=2)
    except YamlError as exc:
        return [Rejected(source.shown, f"front matter: {exc}", exc.line)]
    parsed = parse_metadata(raw, source.shown, line=1)
    problems = source.warnings + parsed.problems
    return [Document(source.path.stem, text, closing.end(), parsed.metadata, problems, "md")]
