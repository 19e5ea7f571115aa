"""The corpus's git history: every commit and what it did to each file, the commit that last changed each
file, and links to them on the host."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import quote

from builder.model import Commit, FileChange, History

_RECORD = "%x1e%H%x1f%cI%x1f%s"
"""One log record: a separator no subject holds, then hash, date and subject."""


def _git(folder: Path, *args: str) -> str | None:
    """Run git in `folder`; None when git is missing or the folder is not in a checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotePath=false", *args],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def commits(folder: Path, host: str | None) -> list[Commit]:
    """Every commit that touched files under `folder`, newest first, with what it did to each file.

    One `git log` walks the history once; renames are followed (`-M`), so a moved file keeps its past.
    In a shallow clone the oldest commit present stands in for the ones cut off (its files read as added).
    """
    log = _git(folder, "log", "-z", "-M", "--name-status", "--relative", f"--format={_RECORD}", "--", ".")
    if log is None:
        return []
    found = []
    for record in log.split("\x1e")[1:]:
        header, *tokens = record.split("\x00")
        commit, date, subject = [*header.split("\x1f", 2), "", ""][:3]
        files: list[FileChange] = []
        names = iter(t.lstrip("\n") for t in tokens)
        for code in names:
            if not code:
                continue
            path = next(names, "")
            if code[0] in "RC":
                new = next(names, "")
                if code[0] == "C":  # a copy is a new file whose text came from another
                    files.append(FileChange("added", new))
                else:
                    files.append(FileChange("renamed", new, path, same_text=code[1:] == "100"))
            elif code[0] == "D":
                files.append(FileChange("removed", path))
            elif code[0] == "A":
                files.append(FileChange("added", path))
            else:
                files.append(FileChange("modified", path))
        link = f"{host}/commit/{commit}" if host else None
        found.append(Commit(commit, date, subject, tuple(files), link))
    return found


def histories(folder: Path, host: str | None, log: list[Commit]) -> dict[str, History]:
    """Return {path relative to `folder`: History} for every committed file under it, from its log.

    Newest first, a file's first appearance is its last change.
    """
    prefix = _git(folder, "rev-parse", "--show-prefix")
    if prefix is None or not log:
        return {}
    prefix = prefix.strip()
    found: dict[str, History] = {}
    for entry in log:
        for change in entry.files:
            if change.status == "removed" or change.path in found:
                continue
            in_repo = f"{prefix}{change.path}"
            link = f"{host}/blob/{entry.commit}/{quote(in_repo)}" if host else None
            found[change.path] = History(entry.commit, entry.date, in_repo, False, link)
    for path in _changed(folder, prefix):
        if path in found:
            old = found[path]
            found[path] = History(old.commit, old.date, old.path, True, old.link)
    return found


def uncommitted(folder: Path) -> set[str]:
    """Files under the folder that are new or changed since the last commit, relative to it."""
    prefix = _git(folder, "rev-parse", "--show-prefix")
    if prefix is None:
        return set()
    prefix = prefix.strip()
    new = _git(folder, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
    paths = {p for p in (new or "").split("\x00") if p}
    return paths | _changed(folder, prefix)


def _changed(folder: Path, prefix: str) -> set[str]:
    """Files under the folder with uncommitted changes, relative to it."""
    status = _git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", ".")
    if not status:
        return set()
    changed = set()
    entries = iter(status.split("\x00"))
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":
            next(entries, None)  # a rename is followed by its old path
        path = entry[3:]
        if path.startswith(prefix):
            changed.add(path[len(prefix) :])
    return changed
