"""What became of every input file: nothing is lost, each file is on a page or has a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.model import Article, Corpus, Rejected

Outcome = Literal[
    "published",
    "partly published",
    "rejected",
    "not an article",
    "ignored",
    "metadata",
    "corpus file",
    "unaccounted",
]


@dataclass(frozen=True)
class FileOutcome:
    """One input file and what became of it."""

    path: str
    """The file, relative to the corpus folder's parent."""
    outcome: Outcome
    """`unaccounted` never happens; a test holds the builder to that."""
    articles: tuple[Article, ...]
    """Articles read from the file (several for JSON records)."""
    rejected: tuple[Rejected, ...]
    """Rejections of the file or of some of its records."""
    used_by: tuple[Article, ...]
    """For a metadata sidecar: the article it describes."""


def account(corpus: Corpus) -> list[FileOutcome]:
    """Return every input file with what became of it, in file order."""
    articles: dict[str, list[Article]] = {}
    companions: dict[str, list[Article]] = {}
    for article in corpus.articles:
        articles.setdefault(article.path, []).append(article)
        for companion in article.companions:
            companions.setdefault(companion, []).append(article)
    rejected: dict[str, list[Rejected]] = {}
    for reject in corpus.rejected:
        rejected.setdefault(reject.path, []).append(reject)
    corpus_file = f"{corpus.source_root}/corpus.yml"
    rows = []
    for path in corpus.files:
        found, refused, users = articles.get(path, []), rejected.get(path, []), companions.get(path, [])
        outcome: Outcome
        if found:
            outcome = "partly published" if refused else "published"
        elif refused:
            severities = {r.severity for r in refused}
            outcome = (
                "ignored"
                if severities == {"ignored"}
                else "not an article"
                if severities == {"not-an-article"}
                else "rejected"
            )
        elif users:
            outcome = "metadata"
        elif path == corpus_file:
            outcome = "corpus file"
        else:
            outcome = "unaccounted"
        rows.append(FileOutcome(path, outcome, tuple(found), tuple(refused), tuple(users)))
    return rows
