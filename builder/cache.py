"""A content-addressed cache of per-event results: an event whose accounts and code are unchanged is not
computed again, so that a commit of one article recomputes only the events it touches.

An entry's key is the SHA-256 of the stage's name, the code (every file of the package, and the versions of
Python and the installed packages) and the inputs' repr (the event and its accounts as the stage receives
them): whatever changes any of them misses.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from builder.config import Config
from builder.model import Article, Event
from builder.parallel import map_events

R = TypeVar("R")
PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_version() -> str:
    """A digest of every file of the builder, Python's version and every installed package's version: a
    change to the code or an upgraded library (a new sentence splitter, say) is a new version."""
    digest = hashlib.sha256(sys.version.encode())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(installed).encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Tally:
    """Entries found and computed in this process, by stage (for tests and the benchmark)."""

    hits: dict[str, int] = field(default_factory=dict)
    misses: dict[str, int] = field(default_factory=dict)


TALLY = Tally()


def stable_inputs(event: Event, articles: Mapping[str, Article]) -> object:
    """What a per-event stage reads: the event and its accounts, less what other events change (how it
    was grouped, its topic, its slug and title), which no stage after grouping reads. The results of earlier
    stages count by the key they were computed under (the lineage), which determines them."""
    shallow = dataclasses.replace(event, membership=(), topic="", slug="", title="")
    if event.lineage:
        shallow = dataclasses.replace(
            shallow, rows=(), differences=(), added=(), pairs=(), framing=(), facts=(), table=(), notes=()
        )
    return shallow, event.lineage, [articles[i] for i in event.article_ids]


_DIGESTS: dict[int, tuple[weakref.ref[Article], str]] = {}
"""Each article's digest, by identity: the three stages read the same article objects."""


def _article_digest(article: Article) -> str:
    known = _DIGESTS.get(id(article))
    if known is not None and known[0]() is article:
        return known[1]
    digest = hashlib.sha256(repr(article).encode()).hexdigest()
    number = id(article)
    _DIGESTS[number] = (weakref.ref(article, lambda _gone: _DIGESTS.pop(number, None)), digest)
    return digest


def _canonical(inputs: object) -> str:
    """The inputs as text: repr, not pickle (a pickle also records which equal values are one object, and
    that differs between a result just computed and the same result read back); articles by digest."""
    if isinstance(inputs, (tuple, list)):
        return "(" + ", ".join(_canonical(item) for item in inputs) + ")"
    if isinstance(inputs, Article):
        return f"Article:{_article_digest(inputs)}"
    return repr(inputs)


def _key(stage: str, inputs: object) -> str:
    return hashlib.sha256(f"{stage}\0{code_version()}\0{_canonical(inputs)}".encode()).hexdigest()


def cached_events(
    stage: str,
    work: Callable[[Event], R],
    events: Sequence[Event],
    inputs: Callable[[Event], object],
    config: Config,
) -> list[tuple[R, str]]:
    """`[work(e) for e in events]` (on every core), with each result kept under the digest of its inputs;
    each result comes with its key (empty with no cache), the lineage of the event that takes it."""
    if config.cache_dir is None:
        return [(result, "") for result in map_events(work, events, config)]
    folder = config.cache_dir / "events" / stage
    keys = [_key(stage, inputs(e)) for e in events]
    found: dict[int, R] = {}
    for number, key in enumerate(keys):
        try:
            found[number] = pickle.loads((folder / key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            continue
    missing = [n for n in range(len(events)) if n not in found]
    TALLY.hits[stage] = TALLY.hits.get(stage, 0) + len(found)
    TALLY.misses[stage] = TALLY.misses.get(stage, 0) + len(missing)
    if missing:
        folder.mkdir(parents=True, exist_ok=True)
        for number, result in zip(
            missing, map_events(work, [events[n] for n in missing], config), strict=True
        ):
            found[number] = result
            _store(folder / keys[number], result)
    return [(found[n], keys[n]) for n in range(len(events))]


def _store(path: Path, value: Any) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(pickle.dumps(value, protocol=5))
    partial.replace(path)
