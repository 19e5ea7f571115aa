"""Word lists that several stages share, kept as data files here and read once.

One home, so that ingest, events, facts and provenance use one vocabulary: a title that facts strip off a
speaker's name is the title that unifying sources across accounts strips too.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml


@functools.cache
def words(name: str) -> frozenset[str]:
    """The words of `<name>.txt`: one per line, lower case, `#` comments and blank lines skipped."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


@functools.cache
def spellings(name: str) -> dict[str, tuple[str, ...]]:
    """A `<name>.yml` mapping of comparison name -> the ways it is written (lower case)."""
    text = resources.files(__package__).joinpath(f"{name}.yml").read_text(encoding="utf-8")
    return {str(key): tuple(str(v) for v in values) for key, values in yaml.safe_load(text).items()}


@functools.cache
def table(name: str) -> dict[str, object]:
    """A `<name>.yml` mapping as read (lists of words are one space-separated string each)."""
    text = resources.files(__package__).joinpath(f"{name}.yml").read_text(encoding="utf-8")
    found: dict[str, object] = yaml.safe_load(text)
    return found


STOPWORDS = words("stopwords")
"""Function words and reporting verbs: they tell no event apart and are never a term of framing."""
CALENDAR = words("calendar")
"""Month and day names."""
TITLES = words("titles")
"""Words before a person's name that give a role and are not part of it."""
AGENCIES = spellings("agencies")
"""News agencies: comparison name -> spellings."""
OUTLET_DOMAINS = {str(k): str(v) for k, v in table("outlets").items()}
"""Web domains of news outlets -> their names."""
