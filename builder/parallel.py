"""Per-event work on every core: forked worker processes, results in the order of the events, the same as
one process gives (a test holds it to that).

Workers are forked after the stage has everything it reads in memory (the articles, the gazetteer), so that
only an event's index goes to a worker and only its result comes back.
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


def map_events(work: Callable[[Event], R], events: Sequence[Event], config: Config) -> list[R]:
    """`[work(e) for e in events]`, spread over the machine's cores when there are enough events."""
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
