"""A build killed at any point leaves the previous site whole; the next build succeeds and clears what the
killed one left; its MkDocs and Pagefind children die with it; two builds into one site are refused; a full or
read-only disk gives a clear error and the old site."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.run import make_corpus
from builder import pipeline
from builder.errors import SiteBuildError
from builder.render.swap import clear_debris, site_lock
from tests.conftest import ROOT, SEEDS, site_config
from tests.test_site import tree_digest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixty generated articles in twenty events, beside the seeds: a build of a few seconds."""
    folder = tmp_path_factory.mktemp("crash") / "seeds"
    make_corpus(folder, 60, 3, sentences=12)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    return folder


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(n) for n in text.split()]


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _debris(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


POINTS = {
    "staging": lambda kids, site: any(site.parent.glob(f".{site.name}.stage-*/docs/events")),
    "mkdocs": lambda kids, site: any(" mkdocs build" in _command_line(c) for c in kids),
    "pagefind": lambda kids, site: any(" pagefind " in _command_line(c) for c in kids),
}


@pytest.mark.parametrize("point", list(POINTS))
def test_a_build_killed_midway_leaves_the_old_site_and_the_next_clears_up(
    corpus: Path, tmp_path: Path, point: str
) -> None:
    site = tmp_path / "site"
    pipeline.build(site_config(corpus, site))
    before = tree_digest(site)
    command = [sys.executable, "-m", "builder", "build", "--quiet", "--seeds", str(corpus)]
    command += ["--site-dir", str(site), "--pagefind-from", "0", "--docs-dir", str(ROOT / "docs")]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not POINTS[point](children := _children(build.pid), site):
            assert build.poll() is None, f"the build ended before reaching {point}"
            assert time.monotonic() < deadline, f"the build never reached {point}"
            time.sleep(0.005)
        build.send_signal(signal.SIGKILL)
        assert build.wait() == -signal.SIGKILL
    finally:
        if build.poll() is None:
            build.kill()
    assert children or point == "staging"
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(c) for c in children), "a child of the killed build is still running"
    assert tree_digest(site) == before
    assert _debris(site), "the kill left its work folders (else this test killed nothing)"
    pipeline.build(site_config(corpus, site))
    assert _debris(site) == []
    assert (site / "index.html").is_file()


def test_a_site_lost_between_two_renames_is_put_back(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".site.old-x1").mkdir()
    (tmp_path / ".site.old-x1" / "index.html").write_text("old site")
    (tmp_path / ".site.new-x2").mkdir()
    (tmp_path / ".site.stage-x3").mkdir()
    removed = clear_debris(site)
    assert (site / "index.html").read_text() == "old site"
    assert [p.name for p in removed] == [".site.new-x2", ".site.stage-x3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_into_one_site_are_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(site_config(SEEDS, site))
    before = tree_digest(site)
    with (
        site_lock(site),
        pytest.raises(SiteBuildError, match=rf"another build is writing .* \(process {os.getpid()}\)"),
    ):
        pipeline.build(site_config(SEEDS, site))
    assert tree_digest(site) == before
    pipeline.build(site_config(SEEDS, site))  # the lock is free again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("needs root and mount to make a real small disk")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_gives_a_clear_error_and_the_old_site(tmp_path: Path) -> None:
    with _small_disk(tmp_path / "disk", "12m") as disk:
        site = disk / "site"
        pipeline.build(site_config(SEEDS, site))
        before = tree_digest(site)
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 200_000))
        with pytest.raises(SiteBuildError, match=r"No space left on device.*previous site is left in place"):
            pipeline.build(site_config(SEEDS, site))
        assert tree_digest(site) == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "site"]


def test_a_read_only_disk_gives_a_clear_error_and_the_old_site(tmp_path: Path) -> None:
    with _small_disk(tmp_path / "disk", "12m") as disk:
        site = disk / "site"
        pipeline.build(site_config(SEEDS, site))
        before = tree_digest(site)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(SiteBuildError, match=r"Read-only file system.*previous site is left in place"):
            pipeline.build(site_config(SEEDS, site))
        assert tree_digest(site) == before
