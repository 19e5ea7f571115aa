"""Where a build writes: a lock so that two builds never interleave, its work folders beside the site, an
atomic exchange of the new site for the old, and the debris of a killed build cleared by the next.

Everything a build writes besides the site is named `.<site>.<kind>-<random>` in the site's parent folder, so
that the next build (holding the lock) knows it for a dead build's and removes it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from builder.errors import SiteBuildError

WORK_KINDS = ("new", "old", "stage")
"""The new site being built, the old one being swapped out, and the staged docs tree MkDocs reads."""
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)


def work_folder(target: Path, kind: str) -> Path:
    """A fresh folder beside the site for one build's `kind` of work."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))


@contextlib.contextmanager
def site_lock(target: Path) -> Iterator[None]:
    """Hold the site's lock for one build; a second build into the same site is refused, not interleaved.

    The lock is the kernel's (flock), so a killed build holds it no longer. The lock file is removed when the
    build ends; a build that locked a file since removed tries again on the new one.
    """
    lock = target.with_name(f".{target.name}.lock")
    while True:
        handle = lock.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise SiteBuildError(
                f"another build is writing '{target}' (process {holder}): wait for it to end, then build"
            ) from None
        try:
            same = os.stat(lock).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        handle.close()
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        lock.unlink(missing_ok=True)
        handle.close()


def clear_debris(target: Path) -> list[Path]:
    """Remove what a killed build left beside the site (call with the lock held); return what was removed.

    A build killed between the two renames of a swap (where the exchange is not available) leaves the old
    site under its `.old-` name and none in place: that one is put back first.
    """
    found = sorted(p for kind in WORK_KINDS for p in target.parent.glob(f".{target.name}.{kind}-*"))
    olds = [p for p in found if p.name.startswith(f".{target.name}.old-")]
    if not target.exists() and olds:
        olds[-1].rename(target)
        found.remove(olds[-1])
    for path in found:
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return found


def swap_into_place(new: Path, target: Path) -> None:
    """Put `new` where `target` is in one step (the kernel exchanges the two), then remove the old site."""
    if not target.exists():
        new.rename(target)
        return
    if _libc.renameat2(_AT_FDCWD, bytes(new), _AT_FDCWD, bytes(target), _RENAME_EXCHANGE) == 0:
        shutil.rmtree(new)  # now the old site
        return
    if ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(target))
    old = work_folder(target, "old")
    old.rmdir()
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old)


def die_with_parent() -> None:
    """For a child process (preexec_fn): be killed when the build that started it dies, even by SIGKILL."""
    _libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
