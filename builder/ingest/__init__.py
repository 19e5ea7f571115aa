"""The ingest stage: the only reader of the corpus folder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from builder.config import Config
from builder.errors import CorpusError
from builder.ingest.decode import Decoded, decode
from builder.ingest.plaintext import read_plaintext
from builder.ingest.sentences import SentenceSplitter
from builder.model import Article, Corpus, Problem, Rejected

Reader = Callable[[str, str, bytes, str, SentenceSplitter, tuple[Problem, ...]], Article]

READERS: dict[str, Reader] = {".txt": read_plaintext}
"""Input formats by file extension; a new format is one more entry."""


def _discover(root: Path) -> list[Path]:
    try:
        return sorted(
            (p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix()
        )
    except OSError as exc:
        raise CorpusError(f"cannot list the corpus folder '{root}': {exc.strerror}") from exc


def _read(path: Path, shown: str, config: Config) -> bytes | Rejected:
    try:
        size = path.stat().st_size
        if size > config.max_file_bytes:
            return Rejected(shown, f"file is {size:,} bytes, over the {config.max_file_bytes:,}-byte limit")
        return path.read_bytes()
    except OSError as exc:
        return Rejected(shown, f"cannot read the file: {exc.strerror}")


def ingest(corpus: Corpus, config: Config) -> Corpus:
    """Read every file under the seeds folder into an article or a rejection with its reason."""
    root = config.seeds_dir
    splitter = SentenceSplitter()
    articles: list[Article] = []
    rejected: list[Rejected] = []
    owners: dict[str, str] = {}
    files = _discover(root)
    for path in files:
        relative = path.relative_to(root)
        shown = f"{root.name}/{relative.as_posix()}"
        outcome = _ingest_file(path, shown, relative, config, splitter, owners)
        if isinstance(outcome, Article):
            articles.append(outcome)
        else:
            rejected.append(outcome)
    return dataclasses.replace(
        corpus,
        articles=tuple(articles),
        rejected=tuple(rejected),
        source_root=root.name,
        files=tuple(f"{root.name}/{p.relative_to(root).as_posix()}" for p in files),
    )


def _ingest_file(
    path: Path, shown: str, relative: Path, config: Config, splitter: SentenceSplitter, owners: dict[str, str]
) -> Article | Rejected:
    if any(part.startswith(".") for part in relative.parts):
        return Rejected(shown, "hidden file: not an article", severity="ignored")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        return Rejected(shown, f"unsupported format '{path.suffix or '(none)'}': Parallax reads {known}")
    article_id = path.stem
    if article_id in owners:
        return Rejected(shown, f"duplicate article id '{article_id}': '{owners[article_id]}' already has it")
    data = _read(path, shown, config)
    if isinstance(data, Rejected):
        return data
    decoded = decode(data, shown)
    if not isinstance(decoded, Decoded):
        return Rejected(shown, decoded.message, decoded.line)
    article = reader(article_id, shown, data, decoded.text, splitter, decoded.warnings)
    if not article.sentences:
        return Rejected(shown, "no article text: only a headline or captions were found")
    owners[article_id] = shown
    return article
