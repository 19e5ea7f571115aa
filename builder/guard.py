"""Which errors a file's content can cause, and how to say them: one bad file is that file's problem.

A parser or an extractor fed hostile input fails with a value out of range, nesting too deep for the stack,
or a number too large. Those become a rejection or a warning naming the file. Any other exception (a
TypeError, a KeyError, an AttributeError) is the builder's own fault: it is not caught, and the build fails.
"""

from __future__ import annotations

import dataclasses

from builder.model import Article, Problem

INPUT_FAULTS: tuple[type[Exception], ...] = (ValueError, RecursionError, OverflowError, MemoryError)
"""Exceptions input can raise in code that is right (UnicodeError and JSON's errors are ValueErrors)."""


def plainly(exc: BaseException) -> str:
    """The error in a few words, for the report: its kind and the start of its message."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to hold in memory"
    message = " ".join(str(exc).split())
    message = f"{message[:160]}…" if len(message) > 160 else message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def with_warnings(articles: tuple[Article, ...], found: dict[str, list[Problem]]) -> tuple[Article, ...]:
    """The articles, each with the warnings `found` for it (by article id) added to its problems."""
    return tuple(
        dataclasses.replace(a, problems=a.problems + tuple(found[a.id])) if found.get(a.id) else a
        for a in articles
    )
