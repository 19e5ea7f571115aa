"""One frozen configuration object, validated once, with every default in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.errors import ConfigError

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
DEFAULT_PAGEFIND_FROM = 300


@dataclass(frozen=True)
class Config:
    """Settings for one run of the builder."""

    seeds_dir: Path = Path("seeds")
    """Folder holding the corpus: the only place ingest reads articles from."""
    site_dir: Path = Path("site")
    """Where the finished static site is swapped into place."""
    docs_dir: Path = Path("docs")
    """Hand-written pages, merged into the generated ones."""
    mkdocs_file: Path = Path("mkdocs.yml")
    """The MkDocs configuration the site is built with."""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    """Files larger than this are rejected, not read."""
    strict: bool = False
    """Turn warnings into a failed build (exit code 1)."""
    cache_dir: Path | None = Path(".parallax-cache")
    """Where extracted web-page text is kept between builds; None keeps nothing."""
    source_date_epoch: int = 0
    """Timestamp MkDocs writes into the sitemap: fixed so that builds are byte-identical."""
    site_url: str | None = None
    """Where the site is published (`https://user.github.io/repo/`); wins over mkdocs.yml's `site_url`.
    With it, the 404 page works below the repository path and link previews carry full addresses."""
    pagefind_from: int = DEFAULT_PAGEFIND_FROM
    """From this many events on, the site searches with Pagefind instead of Material's single index."""
    workers: int = 0
    """Processes for the per-event stages: 0 is one per core, 1 keeps everything in the build's process."""
    dask: str | None = None
    """Address of a Dask scheduler (`tcp://host:8786`): the per-event stages run on its cluster."""

    def validated(self) -> Config:
        """Return self after checking the settings that can be checked before a run."""
        if self.max_file_bytes <= 0:
            raise ConfigError(f"max file size must be positive, got {self.max_file_bytes}")
        if self.workers < 0:
            raise ConfigError(f"--workers must be 0 or more, got {self.workers}")
        if self.pagefind_from < 0:
            raise ConfigError(f"--pagefind-from must be 0 or more, got {self.pagefind_from}")
        if self.site_url is not None and not self.site_url.startswith(("https://", "http://")):
            raise ConfigError(f"site URL must be an http(s) address, got {self.site_url!r}")
        if not self.seeds_dir.is_dir():
            raise ConfigError(f"seeds folder '{self.seeds_dir}' does not exist or is not a folder")
        return self
