"""The per-event stages give the same corpus on every core as in one process, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.run import make_corpus
from builder import parallel, pipeline
from builder.render.export import corpus_json
from tests.conftest import SEEDS, site_config

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def test_workers_give_the_same_corpus_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    make_corpus(seeds, 30, 3, sentences=8)
    for folder in (SEEDS, *(p for p in FIXTURES.iterdir() if p.is_dir())):
        for path in folder.glob("*.txt"):
            shutil.copy(path, seeds / f"{folder.name}-{path.name}")
    monkeypatch.setattr(parallel, "MIN_EVENTS", 0)  # a pool even for a small corpus
    one = pipeline.analyse(site_config(seeds, tmp_path / "site", workers=1))
    many = pipeline.analyse(site_config(seeds, tmp_path / "site", workers=3))
    assert len(one.events) > 10
    assert corpus_json(many) == corpus_json(one)


def test_worker_count_follows_the_option_else_the_cores(tmp_path: Path) -> None:
    assert parallel.worker_count(site_config(SEEDS, tmp_path, workers=5)) == 5
    assert parallel.worker_count(site_config(SEEDS, tmp_path)) >= 1


def test_a_dask_cluster_gives_the_same_corpus(tmp_path: Path) -> None:
    from distributed import LocalCluster

    seeds = tmp_path / "seeds"
    make_corpus(seeds, 24, 3, sentences=8)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    local = pipeline.analyse(site_config(seeds, tmp_path / "site", workers=1))
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster:
        remote = pipeline.analyse(site_config(seeds, tmp_path / "site", dask=cluster.scheduler_address))
    assert corpus_json(remote) == corpus_json(local)
