"""The corpus's git history: the commit that last changed each file, and a link to it on the host."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import quote

from builder.model import History


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


def histories(folder: Path, host: str | None) -> dict[str, History]:
    """Return {path relative to `folder`: History} for every committed file under it.

    One `git log` walks the history once, newest first: a file's first appearance is its last change.
    In a shallow clone the oldest commit present stands in for the ones cut off.
    """
    prefix = _git(folder, "rev-parse", "--show-prefix")
    log = _git(folder, "log", "--no-renames", "--format=%x00%H %cI", "--name-only", "--relative", "--", ".")
    if prefix is None or log is None:
        return {}
    prefix = prefix.strip()
    found: dict[str, History] = {}
    commit = date = ""
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, date = line[1:].split(" ", 1)
        elif line and line not in found:
            in_repo = f"{prefix}{line}"
            link = f"{host}/blob/{commit}/{quote(in_repo)}" if host else None
            found[line] = History(commit, date, in_repo, False, link)
    for path in _changed(folder, prefix):
        if path in found:
            old = found[path]
            found[path] = History(old.commit, old.date, old.path, True, old.link)
    return found


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
