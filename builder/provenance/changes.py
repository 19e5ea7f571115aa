"""What each commit of the corpus history did to this build's events: new events, new and revised accounts.

Events are as this build groups them: history says when each file arrived or changed, and an event is new at
the commit that brought its first account. The page so keeps to the grouping every other page shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from builder.model import Change, Commit, Corpus, EventChange

Kind = Literal["new", "grown", "revised"]
KINDS: tuple[Kind, ...] = ("new", "grown", "revised")


class _Ledger:
    """Walks the history oldest first, remembering which events already had an account."""

    def __init__(self, corpus: Corpus) -> None:
        root = f"{corpus.source_root}/"
        self.articles: dict[str, list[str]] = {}
        for article in corpus.articles:
            self.articles.setdefault(article.path.removeprefix(root), []).append(article.id)
        self.event_of = {aid: e.id for e in corpus.events for aid in e.article_ids}
        self.order = {e.id: n for n, e in enumerate(corpus.events)}
        self.rejected = {r.path.removeprefix(root) for r in corpus.rejected if r.severity != "ignored"}
        self.files = {f.removeprefix(root) for f in corpus.files}
        self.seen: set[str] = set()

    def change(
        self, commit: Commit | None, arrived: Iterable[str], revised: Iterable[str], removed: Iterable[str]
    ) -> Change:
        """The entry for one commit (None: the working tree) given the paths it added, changed and removed."""
        found: dict[tuple[str, Kind], list[str]] = {}
        unpublished: list[str] = []
        other: list[str] = []
        new_here: set[str] = set()
        todo: list[tuple[str, Kind]] = [*((p, "grown") for p in arrived), *((p, "revised") for p in revised)]
        for path, kind in todo:
            ids = self.articles.get(path)
            if not ids:
                if path in self.rejected:
                    unpublished.append(path)
                elif path in self.files:
                    other.append(path)
                continue
            for aid in ids:
                event = self.event_of.get(aid)
                if event is None:
                    continue
                if event not in self.seen or event in new_here:
                    self.seen.add(event)
                    new_here.add(event)
                    found.setdefault((event, "new"), []).append(aid)
                else:
                    found.setdefault((event, kind), []).append(aid)
        events = sorted(
            (EventChange(event, kind, tuple(sorted(set(ids)))) for (event, kind), ids in found.items()),
            key=lambda c: (KINDS.index(c.kind), self.order[c.event]),
        )
        gone = sorted(p for p in removed if p not in self.files)
        commit = commit or Commit("", "", "", ())
        return Change(
            commit.commit,
            commit.date,
            commit.subject,
            commit.link,
            tuple(events),
            tuple(sorted(set(unpublished))),
            tuple(gone),
            tuple(sorted(set(other))),
        )


def _today(log: list[Commit]) -> list[dict[str, str | None]]:
    """For each commit, the name each of its files has today (None: removed since), following renames back."""
    name: dict[str, str | None] = {}
    found = []
    for commit in log:  # newest first: a file's later renames are known before its earlier commits
        found.append({f.path: name.get(f.path, f.path) for f in commit.files})
        for f in commit.files:
            if f.status == "removed":
                name[f.path] = None
            elif f.status == "renamed" and f.old_path:
                name[f.old_path] = name.get(f.path, f.path)
    return found


def _named(commit: Commit, today: dict[str, str | None], status: str, same: bool | None = None) -> list[str]:
    """Today's names of the files the commit gave `status` (renames: with or without a change of text)."""
    return [
        name
        for f in commit.files
        if f.status == status
        and (same is None or f.same_text is same)
        and (name := today[f.path]) is not None
    ]


def changes(corpus: Corpus, log: list[Commit], uncommitted: set[str]) -> tuple[Change, ...]:
    """One entry per commit, newest first; the working tree's changes, if any, before them all."""
    if not log and not uncommitted:
        return ()
    ledger = _Ledger(corpus)
    found = []
    for commit, today in reversed(list(zip(log, _today(log), strict=True))):
        arrived = _named(commit, today, "added")
        revised = _named(commit, today, "modified") + _named(commit, today, "renamed", same=False)
        removed = [f.path for f in commit.files if f.status == "removed"]
        found.append(ledger.change(commit, arrived, revised, removed))
    committed = {f.path for c in log for f in c.files if f.status != "removed"}
    pending = sorted(uncommitted)
    work = ledger.change(
        None, [p for p in pending if p not in committed], [p for p in pending if p in committed], []
    )
    if work.events or work.unpublished or work.other:
        found.append(work)
    return tuple(reversed(found))
