"""Errors the builder raises; the CLI turns them into exit codes at its edge."""

from __future__ import annotations


class BuilderError(Exception):
    """Base class: a build or corpus error that stops the command (exit code 1)."""


class ConfigError(BuilderError):
    """The configuration or a command-line option is not usable."""


class CorpusError(BuilderError):
    """The corpus cannot be read at all (missing folder, unreadable directory)."""


class SiteBuildError(BuilderError):
    """MkDocs failed to build the site; the previous site is left in place."""


class StrictError(BuilderError):
    """`--strict` was given and the build produced warnings."""
