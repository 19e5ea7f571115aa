"""The command line: parse options, call the library, turn BuilderError into an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from builder import __version__, pipeline
from builder.config import DEFAULT_MAX_FILE_BYTES, DEFAULT_PAGEFIND_FROM, Config
from builder.errors import BuilderError
from builder.progress import Progress, plural

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _corpus_options(parser: argparse.ArgumentParser, *, seeds_required: bool = False) -> None:
    parser.add_argument(
        "--seeds",
        type=Path,
        default=None if seeds_required else Path("seeds"),
        required=seeds_required,
        metavar="DIR",
        help="folder holding the corpus articles (default: seeds)",
    )
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=DEFAULT_MAX_FILE_BYTES,
        metavar="N",
        help=f"reject input files larger than N bytes (default: {DEFAULT_MAX_FILE_BYTES})",
    )
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on any warning or rejected file")
    parser.add_argument("--quiet", action="store_true", help="print only problems: no progress, no summary")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="processes for per-event work (default: 0, one per core)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run the per-event work on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)",
    )


_SITE_OPTIONS: list[tuple[str, type, object, str, str]] = [
    ("--site-dir", Path, Path("site"), "DIR", "where the built site is put (default: site)"),
    ("--docs-dir", Path, Path("docs"), "DIR", "hand-written pages merged into the site (default: docs)"),
    ("--config-file", Path, Path("mkdocs.yml"), "FILE", "MkDocs configuration (default: mkdocs.yml)"),
    ("--source-date-epoch", int, 0, "SECONDS", "timestamp written into the sitemap (default: 0)"),
    ("--site-url", str, None, "URL", "where the site is published (default: mkdocs.yml's site_url)"),
    (
        "--pagefind-from",
        int,
        DEFAULT_PAGEFIND_FROM,
        "EVENTS",
        f"search with Pagefind from this many events on (default: {DEFAULT_PAGEFIND_FROM}; 0: always)",
    ),
]


def _site_options(parser: argparse.ArgumentParser) -> None:
    for flag, kind, default, metavar, help_text in _SITE_OPTIONS:
        parser.add_argument(flag, type=kind, default=default, metavar=metavar, help=help_text)


def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Publish a corpus of news articles as a static site: one page per event, "
        "every outlet's account side by side.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="analyse the corpus and build the site",
        description="Analyse the corpus, render the pages, run the MkDocs build and "
        "swap the new site into place; a failed build leaves the previous site.",
    )
    _corpus_options(build)
    _site_options(build)

    export = commands.add_parser(
        "export",
        help="write the corpus JSON (no site)",
        description="Run the analysis pipeline only and write the corpus JSON.",
    )
    _corpus_options(export, seeds_required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to write the JSON")

    check = commands.add_parser(
        "check",
        help="validate the corpus without building",
        description="Read the corpus and list every problem; build nothing.",
    )
    _corpus_options(check)

    serve = commands.add_parser(
        "serve",
        help="live preview that rebuilds when a seed changes",
        description="Build the site, serve it and rebuild whenever seeds/ or docs/ change.",
    )
    _corpus_options(serve)
    _site_options(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to serve on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000)")
    return parser


def _config(args: argparse.Namespace) -> Config:
    return Config(
        seeds_dir=args.seeds,
        site_dir=getattr(args, "site_dir", Path("site")),
        docs_dir=getattr(args, "docs_dir", Path("docs")),
        mkdocs_file=getattr(args, "config_file", Path("mkdocs.yml")),
        max_file_bytes=args.max_file_bytes,
        strict=args.strict,
        source_date_epoch=getattr(args, "source_date_epoch", 0),
        site_url=getattr(args, "site_url", None),
        pagefind_from=getattr(args, "pagefind_from", DEFAULT_PAGEFIND_FROM),
        workers=args.workers,
        dask=args.dask,
    ).validated()


def _report(outcome: pipeline.Outcome, quiet: bool) -> None:
    for message in outcome.messages:
        print(message, file=sys.stderr)
    corpus = outcome.corpus
    if not quiet:
        print(
            f"{plural(len(corpus.files), 'file')}: {plural(len(corpus.articles), 'article')} in "
            f"{plural(len(corpus.events), 'event')}, {outcome.errors:,} rejected, "
            f"{plural(outcome.warnings, 'warning')}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = make_parser().parse_args(argv)
    try:
        config = _config(args)
        quiet = args.quiet
        # Progress goes to stderr, so that stdout carries the summary alone.
        watcher = None if quiet else Progress(sys.stderr)
        if args.command == "build":
            outcome = pipeline.build(config, watcher)
            _report(outcome, quiet)
            if not quiet:
                print(f"Site written to {config.site_dir}/")
        elif args.command == "export":
            outcome = pipeline.export(config, args.out, watcher)
            _report(outcome, quiet)
            if not quiet:
                print(f"Corpus JSON written to {args.out}")
        elif args.command == "check":
            outcome = pipeline.check(config, watcher)
            _report(outcome, quiet)
            return EXIT_ERROR if outcome.errors else EXIT_OK
        else:
            from builder.serve import serve

            serve(config, pipeline.build, args.host, args.port)
    except BuilderError as exc:
        print(f"parallax: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
