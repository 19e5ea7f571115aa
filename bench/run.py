"""Benchmark: synthetic corpora through the real pipeline; prints a table (never part of the tests)."""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench.compare import measure_collatex, measure_event
from bench.news import make_news
from bench.search import measure_search
from builder import pipeline
from builder.compare import compare_events
from builder.config import Config
from builder.events import group_events
from builder.facts import extract_facts
from builder.ingest import ingest
from builder.model import Corpus
from builder.parallel import worker_count
from builder.provenance import check_provenance
from builder.render.export import corpus_json

ROOT = Path(__file__).resolve().parent.parent
COMMON = (
    "officials said the storm flooded roads near river town council police army rebels minister hospital "
    "people killed injured residents witnesses reported attack market border province capital night morning"
)
T = TypeVar("T")


def make_corpus(folder: Path, articles: int, per_event: int, sentences: int = 20, seed: int = 7) -> None:
    """Write `articles` files: events of `per_event` rewrites of one base text of `sentences` sentences.

    Words follow a Zipf-like law over a 20,000-word vocabulary, as news text roughly does.
    """
    rng = random.Random(seed)
    vocabulary = COMMON.split() + [f"w{n}" for n in range(20_000)]
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1)))
    folder.mkdir(parents=True)

    def draw(k: int) -> list[str]:
        return rng.choices(vocabulary, cum_weights=cumulative, k=k)

    for event in range(0, articles, per_event):
        base = [draw(rng.randint(12, 30)) for _ in range(sentences)]
        for member in range(min(per_event, articles - event)):
            lines = [f"Event {event} report {member} headline words here"]
            for words in base:
                edited = [draw(1)[0] if rng.random() < 0.15 else w for w in words]
                lines.append(" ".join(edited).capitalize() + ".")
            (folder / f"{event:05d}_{member}.txt").write_text("\n\n".join(lines), encoding="utf-8")


def timed(rows: list[tuple[str, int, str]], label: str, size: int, action: Callable[[], T]) -> T:
    """Run an action, add its wall time to the table, and return its result."""
    start = time.perf_counter()
    result = action()
    rows.append((label, size, f"{time.perf_counter() - start:.2f} s"))
    return result


def measure(size: int, tmp: Path, build: bool, rows: list[tuple[str, int, str]]) -> None:
    """Time each stage on one synthetic news corpus of `size` articles (events of 2 to 30 accounts)."""
    seeds = tmp / f"seeds{size}"
    expected = make_news(seeds, size)
    config = Config(
        seeds_dir=seeds,
        site_dir=tmp / f"site{size}",
        docs_dir=ROOT / "docs",
        mkdocs_file=ROOT / "mkdocs.yml",
        cache_dir=None,
    )
    started = time.perf_counter()
    corpus = timed(rows, "ingest", size, lambda: pipeline.run_stage(ingest, Corpus(), config))
    grouped = timed(rows, "events", size, lambda: pipeline.run_stage(group_events, corpus, config))
    rows.append(("events found/expected", size, f"{len(grouped.events)}/{expected}"))
    compared = timed(rows, "compare", size, lambda: pipeline.run_stage(compare_events, grouped, config))
    stated = timed(rows, "facts", size, lambda: pipeline.run_stage(extract_facts, compared, config))
    checked = timed(rows, "provenance", size, lambda: pipeline.run_stage(check_provenance, stated, config))
    timed(rows, "export JSON", size, lambda: corpus_json(checked))
    whole = time.perf_counter() - started
    target = ("met" if whole <= 30 else "NOT met") if size >= 10_000 else "(target at 10,000)"
    rows.append((f"whole export, ≤ 30 s: {target}", size, f"{whole:.2f} s"))
    if build:
        timed(rows, "full build (mkdocs)", size, lambda: pipeline.build(config))


def measure_workers(size: int, tmp: Path, rows: list[tuple[str, int, str]]) -> None:
    """The whole analysis in one process and on every core, on the corpus `measure` wrote; same output."""
    seeds = tmp / f"seeds{size}"
    results = []
    for workers in (1, 0):
        config = Config(seeds_dir=seeds, cache_dir=None, workers=workers)
        label = f"analysis, {worker_count(config)} process{'es' if worker_count(config) > 1 else ''}"
        results.append(corpus_json(timed(rows, label, size, lambda: pipeline.analyse(config))))  # noqa: B023
    rows.append(("same output on every core", size, "yes" if results[0] == results[1] else "NO"))


def measure_incremental(size: int, tmp: Path, rows: list[tuple[str, int, str]]) -> None:
    """The whole export with a fresh cache, again, and after one article changes (target: 3 s at 10,000)."""
    seeds = tmp / f"incremental{size}"
    make_news(seeds, size)
    config = Config(seeds_dir=seeds, cache_dir=tmp / f"cache{size}")

    def export() -> str:
        return corpus_json(pipeline.analyse(config))

    timed(rows, "export, empty cache", size, export)
    timed(rows, "export, nothing changed", size, export)
    changed = sorted(seeds.iterdir())[size // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOfficials said six more were hurt.\n")
    found = timed(rows, "export, one article changed", size, export)
    seconds = float(rows[-1][2].split()[0])
    rows.append(
        ("  ≤ 3 s at 10,000", size, ("met" if seconds <= 3 else "NOT met") if size >= 10_000 else "-")
    )
    same = found == corpus_json(pipeline.analyse(dataclasses.replace(config, cache_dir=None)))
    rows.append(("  same as with no cache", size, "yes" if same else "NO"))


def measure_ingest(count: int, tmp: Path, rows: list[tuple[str, int, str]]) -> None:
    """Time ingest alone on `count` articles of about 5 kB each (the target: 10,000 in 10 s)."""
    seeds = tmp / f"ingest{count}"
    make_corpus(seeds, count, per_event=3, sentences=40)
    megabytes = sum(p.stat().st_size for p in seeds.iterdir()) / 1e6
    config = Config(seeds_dir=seeds, cache_dir=None)
    corpus = timed(
        rows,
        f"ingest ({megabytes / count * 1000:.1f} kB each)",
        count,
        lambda: pipeline.run_stage(ingest, Corpus(), config),
    )
    seconds = float(rows[-1][2].split()[0])
    rows.append(("ingest throughput", count, f"{megabytes / seconds:.1f} MB/s"))
    rows.append(("ingest sentences", count, str(sum(len(a.sentences) for a in corpus.articles))))
    grouped = timed(
        rows, "events (target 15 s)", count, lambda: pipeline.run_stage(group_events, corpus, config)
    )
    rows.append(("events found/expected", count, f"{len(grouped.events)}/{-(-count // 3)}"))


def measure_page(
    tmp: Path, rows: list[tuple[str, int, str]], accounts: int = 20, sentences: int = 40
) -> None:
    """Build one event of `accounts` rewrites of `sentences` sentences; its page must stay under 600 kB."""
    seeds = tmp / "page"
    make_corpus(seeds, accounts, per_event=accounts, sentences=sentences)
    site = tmp / "page-site"
    config = Config(seeds_dir=seeds, site_dir=site, docs_dir=ROOT / "docs", mkdocs_file=ROOT / "mkdocs.yml")
    timed(rows, f"site, one event of {accounts}x{sentences}", accounts, lambda: pipeline.build(config))
    [page] = (site / "events").glob("*/index.html")
    size = page.stat().st_size
    met = "met" if size < 600_000 else "NOT met"
    rows.append((f"event page HTML (< 600 kB: {met})", accounts, f"{size / 1000:.0f} kB"))
    pairs = list(page.parent.glob("pairs/*.html"))
    rows.append(("pair pages, largest", accounts, f"{max(p.stat().st_size for p in pairs) / 1000:.0f} kB"))
    rows.append(("pair pages, all", accounts, f"{sum(p.stat().st_size for p in pairs) / 1e6:.1f} MB"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--build-max", type=int, default=1000, help="largest size given a full site build")
    parser.add_argument(
        "--ingest", type=int, default=10_000, help="articles of ~5 kB for the ingest-only row"
    )
    parser.add_argument("--no-compare", action="store_true", help="skip the compare-stage rows")
    parser.add_argument(
        "--search", default="1000,5000", help="event counts for the Pagefind search rows ('' for none)"
    )
    args = parser.parse_args()
    rows: list[tuple[str, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(size, Path(tmp), size <= args.build_max, rows)
        measure_workers(max(int(s) for s in args.sizes.split(",")), Path(tmp), rows)
        measure_incremental(max(int(s) for s in args.sizes.split(",")), Path(tmp), rows)
        if not args.no_compare:
            measure_event(Path(tmp) / "event", make_corpus, rows)
            measure_collatex(Path(tmp) / "collatex", make_corpus, rows)
        measure_page(Path(tmp), rows)
        if args.search:
            measure_search(Path(tmp), rows, tuple(int(n) for n in args.search.split(",")))
        if args.ingest:
            measure_ingest(args.ingest, Path(tmp), rows)
    width = max(30, *(len(label) for label, _size, _value in rows))
    print(f"| {'measure':<{width}} | {'articles':>8} | {'value':>10} |")
    print(f"| {'-' * width} | {'-' * 8}:| {'-' * 10}:|")
    for label, size, value in rows:
        print(f"| {label:<{width}} | {size:>8} | {value:>10} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak memory: builder {peak:.0f} MiB, mkdocs subprocess {children:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
