"""The ingest stage: the only reader of the corpus folder."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from pathlib import Path

from builder.config import Config
from builder.errors import CorpusError
from builder.guard import INPUT_FAULTS, plainly
from builder.ingest.article import build_article
from builder.ingest.corpus_file import NAME as CORPUS_FILE
from builder.ingest.corpus_file import CorpusFile, read_corpus_file, resolve_outlet
from builder.ingest.decode import Decoded, decode
from builder.ingest.document import Document, Source
from builder.ingest.labels import account_names
from builder.ingest.markdown import read_markdown
from builder.ingest.metadata import YamlError, load_yaml_mapping, parse_metadata
from builder.ingest.plaintext import read_plaintext
from builder.ingest.records import read_records
from builder.ingest.sentences import SentenceSplitter
from builder.ingest.webpage import read_webpage
from builder.model import Article, Corpus, Metadata, Problem, Rejected

Reader = Callable[[Source, Config], list[Document | Rejected]]

READERS: dict[str, Reader] = {
    ".txt": lambda source, config: read_plaintext(source),
    ".md": lambda source, config: read_markdown(source),
    ".json": lambda source, config: read_records(source),
    ".jsonl": lambda source, config: read_records(source),
    ".html": lambda source, config: read_webpage(source, config.cache_dir),
    ".htm": lambda source, config: read_webpage(source, config.cache_dir),
}
"""Input formats by file extension; a new format is one more entry."""
SIDECARS = (".yml", ".yaml")
"""Extensions of metadata sidecars: `NAME.yml` beside `NAME.txt`."""


def _discover(root: Path) -> list[Path]:
    try:
        found = [p for p in root.rglob("*") if p.is_file() or p.is_symlink()]
    except OSError as exc:
        raise CorpusError(f"cannot list the corpus folder '{root}': {exc.strerror}") from exc
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _load(path: Path, root: Path, shown: str, config: Config) -> Source | Rejected:
    """Read and decode a file, refusing links out of the corpus, oversize and unreadable files."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Rejected(shown, "broken symbolic link")
    if not real.is_relative_to(root.resolve()):
        return Rejected(shown, "symbolic link that leaves the corpus folder: not read")
    try:
        size = real.stat().st_size
        if size > config.max_file_bytes:
            return Rejected(shown, f"file is {size:,} bytes, over the {config.max_file_bytes:,}-byte limit")
        data = real.read_bytes()
    except OSError as exc:
        return Rejected(shown, f"cannot read the file: {exc.strerror}")
    decoded = decode(data, shown)
    if not isinstance(decoded, Decoded):
        return Rejected(shown, decoded.message, decoded.line)
    return Source(path, shown, data, decoded.text, decoded.warnings)


class _Ingest:
    """One pass over the corpus folder; holds what files learn about each other (sidecars, ids)."""

    def __init__(self, config: Config, files: list[Path]) -> None:
        self.config = config
        self.root = config.seeds_dir
        self.splitter = SentenceSplitter()
        self.articles: list[Article] = []
        self.rejected: list[Rejected] = []
        self.corpus_file = CorpusFile()
        stems = {(p.parent, p.stem) for p in files if p.suffix.lower() in READERS}
        self.sidecars = {p for p in files if p.suffix.lower() in SIDECARS and (p.parent, p.stem) in stems}

    def shown(self, path: Path) -> str:
        return f"{self.root.name}/{path.relative_to(self.root).as_posix()}"

    def read_corpus_file(self, path: Path) -> None:
        source = _load(path, self.root, self.shown(path), self.config)
        outcome = source if isinstance(source, Rejected) else read_corpus_file(source.text, source.shown)
        if isinstance(outcome, Rejected):
            self.rejected.append(outcome)
        else:
            self.corpus_file = outcome

    def sidecar_for(self, path: Path) -> tuple[Metadata, tuple[Problem, ...], tuple[str, ...]]:
        """Return the metadata of the file's sidecar; a broken sidecar is rejected on its own."""
        for suffix in SIDECARS:
            sidecar = path.with_suffix(suffix)
            if sidecar not in self.sidecars:
                continue
            shown = self.shown(sidecar)
            source = _load(sidecar, self.root, shown, self.config)
            if isinstance(source, Rejected):
                self.rejected.append(source)
                return Metadata(), (), ()
            try:
                parsed = parse_metadata(load_yaml_mapping(source.text), shown)
            except YamlError as exc:
                self.rejected.append(Rejected(shown, f"metadata sidecar: {exc}", exc.line))
                warning = Problem(
                    self.shown(path), "warning", f"metadata sidecar '{shown}' was not used: {exc}"
                )
                return Metadata(), (warning,), ()
            return parsed.metadata, parsed.problems, (shown,)
        return Metadata(), (), ()

    def guarded(self, path: Path) -> None:
        """Read one file; whatever its content makes a reader raise rejects that file alone, and
        the articles it had given so far with it."""
        kept = len(self.articles), len(self.rejected)
        try:
            self.read(path)
        except INPUT_FAULTS as exc:
            del self.articles[kept[0] :], self.rejected[kept[1] :]
            self.rejected.append(Rejected(self.shown(path), f"could not be read: {plainly(exc)}"))

    def read(self, path: Path) -> None:
        shown = self.shown(path)
        if any(part.startswith(".") for part in path.relative_to(self.root).parts):
            self.rejected.append(Rejected(shown, "hidden file: not an article", severity="ignored"))
            return
        if path in self.sidecars or (path.parent == self.root and path.name == CORPUS_FILE):
            return
        suffix = path.suffix.lower()
        if suffix in SIDECARS:
            self.rejected.append(Rejected(shown, "metadata sidecar with no article file of the same name"))
            return
        reader = READERS.get(suffix)
        if reader is None:
            known = ", ".join(sorted(READERS))
            self.rejected.append(
                Rejected(shown, f"unsupported format '{path.suffix or '(none)'}': reads {known}")
            )
            return
        source = _load(path, self.root, shown, self.config)
        if isinstance(source, Rejected):
            self.rejected.append(source)
            return
        side_meta, side_problems, companions = self.sidecar_for(path)
        for document in reader(source, self.config):
            if isinstance(document, Rejected):
                self.rejected.append(document)
            else:
                self.add(document, source, side_meta, side_problems, companions)

    def add(
        self,
        document: Document,
        source: Source,
        side_meta: Metadata,
        side_problems: tuple[Problem, ...],
        companions: tuple[str, ...],
    ) -> None:
        meta = _merged(side_meta, document.meta)
        document = dataclasses.replace(document, meta=meta, problems=side_problems + document.problems)
        article = build_article(document, source, self.splitter, companions)
        # After the article is read: a source line at its top can give the URL that names the outlet.
        meta = resolve_outlet(article.meta, source.path.name, self.corpus_file.outlets)
        article = dataclasses.replace(article, meta=meta)
        if not article.sentences:
            self.rejected.append(
                Rejected(source.shown, "no article text: only a headline, captions or boilerplate")
            )
            return
        self.articles.append(article)

    def refuse_shared_ids(self) -> None:
        """Reject every file that claims an id another file claims too: neither is the article meant."""
        claims: dict[str, list[Article]] = {}
        for article in self.articles:
            claims.setdefault(article.id, []).append(article)
        for article_id, claimants in claims.items():
            if len(claimants) > 1:
                paths = ", ".join(f"'{a.path}'" for a in claimants)
                for article in claimants:
                    reason = f"duplicate article id '{article_id}': {paths} all claim it; rename all but one"
                    self.rejected.append(Rejected(article.path, reason))
        self.articles = [a for a in self.articles if len(claims[a.id]) == 1]


def _merged(base: Metadata, override: Metadata) -> Metadata:
    """Fields set in the file itself win over its sidecar's."""
    changes = {
        f.name: getattr(override, f.name) for f in dataclasses.fields(Metadata) if getattr(override, f.name)
    }
    return dataclasses.replace(base, **changes)


FREEZE_EVERY = 500
"""Files read between two garbage-collector freezes."""


def ingest(corpus: Corpus, config: Config) -> Corpus:
    """Read every file under the seeds folder into articles, or rejections with their reasons."""
    files = _discover(config.seeds_dir)
    run = _Ingest(config, files)
    corpus_file = config.seeds_dir / CORPUS_FILE
    if corpus_file in files:
        run.read_corpus_file(corpus_file)
    for number, path in enumerate(files, 1):
        run.guarded(path)
        if number % FREEZE_EVERY == 0:
            # Articles read so far stay for the whole build: freezing them spares the garbage
            # collector rescanning them all while the rest are read (a fifth of ingest time).
            gc.freeze()
    run.refuse_shared_ids()
    return dataclasses.replace(
        corpus,
        articles=tuple(account_names(run.articles)),
        rejected=tuple(run.rejected),
        source_root=config.seeds_dir.name,
        files=tuple(run.shown(p) for p in files),
        outlets=run.corpus_file.outlets,
        notices=run.corpus_file.warnings,
        event_rules=run.corpus_file.event_rules,
    )
