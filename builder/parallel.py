"""Per-event work on every core, or on a Dask cluster: results in the order of the events, the same as one
process gives (tests hold both to that).

Local workers are forked after the stage has everything it reads in memory (the articles, the gazetteer), so
that only an event's index goes to a worker and only its result comes back. On a cluster (`--dask ADDRESS`)
the function that does the work (with the articles it reads) goes once to each worker, then chunks of events.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from builder.config import Config
from builder.model import Event

R = TypeVar("R")
MIN_EVENTS = 40
"""Fewer events than this are done in the build's own process: starting workers would cost more."""
_TASK: tuple[Callable[[Event], Any], Sequence[Event]] | None = None
"""The work and its events, set before the workers are forked (they inherit it; nothing is pickled)."""


def worker_count(config: Config) -> int:
    """Processes to use: `--workers`, else one per core this process may run on."""
    return config.workers or len(os.sched_getaffinity(0))


CHUNKS_PER_WORKER = 4
"""Chunks of events per cluster worker: enough to even out the load, few enough to ship little."""


def map_events(work: Callable[[Event], R], events: Sequence[Event], config: Config) -> list[R]:
    """`[work(e) for e in events]`, spread over the machine's cores (or the cluster) when there are enough."""
    if config.dask and events:
        return _on_cluster(work, events, config.dask)
    count = min(worker_count(config), len(events))
    if count <= 1 or len(events) < MIN_EVENTS or "fork" not in multiprocessing.get_all_start_methods():
        return [work(e) for e in events]
    global _TASK
    _TASK = (work, events)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            chunk = max(1, len(events) // (count * 8))
            return list(pool.map(_run, range(len(events)), chunksize=chunk))
    finally:
        _TASK = None


def _run(index: int) -> Any:
    assert _TASK is not None, "a worker started without its task"
    work, events = _TASK
    return work(events[index])


def _chunk(work: Callable[[Event], R], events: Sequence[Event]) -> list[R]:
    return [work(e) for e in events]


def _on_cluster(work: Callable[[Event], R], events: Sequence[Event], address: str) -> list[R]:
    """Run the work on the Dask cluster at `address`, in chunks of events, results in order."""
    from distributed import Client  # only a cluster run needs it

    with Client(address, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, -(-len(events) // (workers * CHUNKS_PER_WORKER)))
        chunks = [list(events[n : n + size]) for n in range(0, len(events), size)]
        shipped = client.scatter(work, broadcast=True, hash=False)  # the articles go once to each worker
        futures = client.map(_chunk, [shipped] * len(chunks), chunks, pure=False)
        return [result for done in client.gather(futures) for result in done]
