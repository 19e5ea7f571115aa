"""One fuzz input through the real ingest stage: the first byte picks the format, the rest is the file.

Whatever the bytes, ingest must give an article or a reported reason, with offsets that hold; any exception
is a bug. Used by `make fuzz` (atheris) and replayed on every found case by tests/test_fuzz.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from builder.config import Config
from builder.ingest import ingest
from builder.model import Corpus

SUFFIXES = (".md", ".txt", ".json", ".jsonl", ".html")
_FOLDER = Path(tempfile.mkdtemp(prefix="parallax-fuzz-"))


def run(data: bytes) -> None:
    """Ingest `data` as one file; raise AssertionError when the outcome breaks a promise."""
    if not data:
        return
    for old in _FOLDER.iterdir():
        old.unlink()
    (_FOLDER / f"x{SUFFIXES[data[0] % len(SUFFIXES)]}").write_bytes(data[1:])
    corpus = ingest(Corpus(), Config(seeds_dir=_FOLDER, cache_dir=None))
    assert corpus.articles or corpus.rejected, "a file neither published nor reported"
    for article in corpus.articles:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text, "a sentence off its offsets"
