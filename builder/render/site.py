"""Build the site: staging docs tree, a real `mkdocs build`, and an atomic swap into place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builder.config import Config
from builder.errors import ConfigError, SiteBuildError
from builder.mkdocs_file import settings, url_setting
from builder.model import Corpus
from builder.render.export import corpus_json, schema_text
from builder.render.pages import EVENT_LIST_MARKER, render_pages
from builder.render.policy import add_policies
from builder.render.search import PAGEFIND, engine_settings, index_site, search_engine
from builder.render.swap import clear_debris, die_with_parent, site_lock, swap_into_place, work_folder
from builder.render.tables import events_csv, facts_csv

THEME = Path(__file__).resolve().parent.parent / "theme"
"""Template overrides for MkDocs Material: Open Graph tags on every page, the Pagefind search box."""
DEFAULT_HOME = (
    f"# Parallax\n\nEvents in this corpus, each told by every outlet side by side.\n\n{EVENT_LIST_MARKER}\n"
)


def site_url(config: Config) -> str | None:
    """Where the site is published, without a trailing slash: the option, else mkdocs.yml's setting."""
    return config.site_url.rstrip("/") if config.site_url else url_setting(config.mkdocs_file, "site_url")


def stage_docs(corpus: Corpus, config: Config, docs: Path) -> None:
    """Write the full docs tree MkDocs builds from: hand-written pages, generated pages and data."""
    if config.docs_dir.is_dir():
        shutil.copytree(config.docs_dir, docs, dirs_exist_ok=True)
    home = config.docs_dir / "index.md"
    intro = home.read_text(encoding="utf-8") if home.is_file() else DEFAULT_HOME
    name = settings(config.mkdocs_file).get("site_name")
    files = render_pages(
        corpus,
        intro,
        site_url(config),
        name if isinstance(name, str) else "Parallax",
        config.source_date_epoch,
    )
    files["data/corpus.json"] = corpus_json(corpus)
    files["data/corpus.schema.json"] = schema_text()
    files["data/events.csv"] = events_csv(corpus)
    files["data/facts.csv"] = facts_csv(corpus)
    # Offsets of records and web pages refer to a text that is not the file: publish it to check against.
    for article in corpus.articles:
        if article.text_source != "file":
            files[f"data/texts/{article.slug}.txt"] = article.text
    for relative, text in sorted(files.items()):
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def run_mkdocs(config: Config, work: Path, site: Path, engine: str) -> None:
    """Run a real `mkdocs build --strict` over the staged docs into `site`, searched by `engine`."""
    if not config.mkdocs_file.is_file():
        raise ConfigError(f"MkDocs configuration '{config.mkdocs_file}' not found")
    child = work / "mkdocs.yml"
    # The theme's additions (link-preview tags) live with the builder, found whatever mkdocs.yml says.
    lines = [
        f"INHERIT: {config.mkdocs_file.resolve()}",
        "docs_dir: docs",
        f"theme:\n  custom_dir: {THEME}",
    ]
    if url := site_url(config):
        lines.append(f"site_url: {url}/")
    lines.append(engine_settings(config, engine))
    child.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(config.source_date_epoch)}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-f",
        str(child),
        "-d",
        str(site),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=False, preexec_fn=die_with_parent
    )
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        detail = "\n  ".join(output[-20:]) or f"exit code {result.returncode}"
        raise SiteBuildError(f"mkdocs build failed; the previous site is left in place:\n  {detail}")


def publish_site(corpus: Corpus, config: Config) -> None:
    """Stage the docs, build the site beside the target, then swap it in; on failure nothing changes."""
    target = config.site_dir.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with site_lock(target):
            clear_debris(target)
            _publish(corpus, config, target)
    except OSError as exc:  # a read-only or full disk, a folder that cannot be made
        where = exc.filename or target.parent
        raise SiteBuildError(
            f"cannot write the site: {exc.strerror or exc} ('{where}'); the previous site is left in place"
        ) from exc


def _publish(corpus: Corpus, config: Config, target: Path) -> None:
    new = work = None
    try:
        new, work = work_folder(target, "new"), work_folder(target, "stage")
        engine = search_engine(corpus, config)
        stage_docs(corpus, config, work / "docs")
        run_mkdocs(config, work, new, engine)
        add_policies(new)
        if engine == PAGEFIND:
            index_site(new)
        swap_into_place(new, target)
    finally:
        for folder in (new, work):
            if folder is not None and folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
