"""The per-event cache: a second run computes nothing and gives the same corpus; after one article changes,
only its event is computed again, and the result is what a run with no cache gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.run import make_corpus
from builder import pipeline
from builder.cache import TALLY
from builder.render.export import corpus_json
from tests.conftest import SEEDS, site_config

STAGES = ("compare", "facts", "provenance")


def _run(seeds: Path, cache: Path | None) -> tuple[str, dict[str, tuple[int, int]]]:
    before = {s: (TALLY.hits.get(s, 0), TALLY.misses.get(s, 0)) for s in STAGES}
    corpus = pipeline.analyse(site_config(seeds, seeds.parent / "site", cache_dir=cache, workers=1))
    counts = {s: (TALLY.hits.get(s, 0) - before[s][0], TALLY.misses.get(s, 0) - before[s][1]) for s in STAGES}
    return corpus_json(corpus), counts


def test_only_the_changed_event_is_computed_again(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    make_corpus(seeds, 24, 3, sentences=8)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    cache = tmp_path / "cache"
    first, counts = _run(seeds, cache)
    events = counts["compare"][1]
    assert events >= 8 and all(counts[s] == (0, events) for s in STAGES)
    second, counts = _run(seeds, cache)
    assert second == first and all(counts[s] == (events, 0) for s in STAGES), counts
    seed = next(SEEDS.glob("*.txt"))
    edited = seeds / seed.name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOfficials said six more were hurt.\n")
    third, counts = _run(seeds, cache)
    assert all(counts[s] == (events - 1, 1) for s in STAGES), counts
    assert third == _run(seeds, None)[0] and third != first
