"""Article metadata from any format: safe YAML, known fields, checked values, warnings for the rest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from builder.model import Metadata, Problem
from builder.names import one_spelling

WEB_ADDRESS = re.compile(r"https?://\S+")
"""An http(s) address, checked whole: a `url` field, or a first line that is only an address."""
SPACED_ADDRESS = re.compile(
    r"https?\s?:\s?/\s?/\s?\w+(?:\s?-\s?\w+)*(?:\s?\.\s?\w+(?:\s?-\s?\w+)*)+(?:\s?/[^\n]*)?"
)
"""An address a tokeniser spaced out (`http: / / www. example. com / a - b`), as some corpora ship it."""


def web_address(line: str) -> str | None:
    """The address a source line gives, spaces a tokeniser put in taken out; None if it is not one."""
    line = line.strip()
    if WEB_ADDRESS.fullmatch(line):
        return line
    if SPACED_ADDRESS.fullmatch(line):
        return "".join(line.split())
    return None


FIELDS = (
    "outlet",
    "url",
    "published",
    "retrieved",
    "authors",
    "language",
    "license",
    "title",
    "event",
    "tags",
)
"""Metadata keys Parallax understands, in any format."""
TAG_KEYS = ("tags", "categories", "keywords")
"""Keys whose values are subject tags; crawlers and CMSs use all three."""
MAX_TAGS = 50
"""Tags kept from one article: a keyword dump of hundreds is not a subject."""
MAX_TAG_CHARS = 80
MAX_YAML_CHARS = 64 * 1024
"""Front matter and sidecars longer than this are refused before parsing."""
MAX_YAML_DEPTH = 20
"""Nesting deeper than this is refused: metadata is flat, and deep nesting exhausts the stack."""
MAX_NUMBER_DIGITS = 30
"""A YAML number longer than this is read as text: Python refuses to make thousands of digits a number."""
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class YamlError(ValueError):
    """YAML that cannot be used: syntax, tags, aliases, size, or not a mapping."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and deep nesting, so no alias bomb can expand and no
    nesting can exhaust the stack; impossible dates and overlong numbers stay text, to be warned about."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            raise YamlError("YAML aliases (*name) are not allowed", line)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlError(f"YAML anchors (&{anchor}) are not allowed", line)
        if self.depth >= MAX_YAML_DEPTH:
            raise YamlError(f"YAML nested more than {MAX_YAML_DEPTH} levels deep", line)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # 2024-13-45: the text, which the date check then warns about
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: Any) -> Any:
        text = self.construct_scalar(node)
        return text if len(str(text)) > MAX_NUMBER_DIGITS else super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Any) -> Any:
        text = self.construct_scalar(node)
        return text if len(str(text)) > MAX_NUMBER_DIGITS else super().construct_yaml_float(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)


def load_yaml_mapping(text: str, first_line: int = 1) -> dict[str, Any]:
    """Parse YAML that must be a mapping; raise YamlError with the file line on any fault."""
    if len(text) > MAX_YAML_CHARS:
        raise YamlError(f"YAML is {len(text):,} characters, over the {MAX_YAML_CHARS:,} limit", first_line)
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except YamlError as exc:
        raise YamlError(str(exc), (exc.line or 1) + first_line - 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        raise YamlError(f"not valid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}", first_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise YamlError(f"YAML must be a mapping of fields, not a {type(data).__name__}", first_line)
    return {str(k): v for k, v in data.items()}


MAX_FIELD_CHARS = 500
"""A text field longer than this is cut: no outlet, title or address is that long."""


def _quoted(text: str) -> str:
    """A value as a warning quotes it: in full when short, else its start."""
    return repr(text) if len(text) <= 60 else f"{text[:60]!r}… ({len(text):,} characters)"


def _date(value: Any, key: str, path: str, line: int | None, problems: list[Problem]) -> str | None:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            problems.append(Problem(path, "warning", f"'{key}' has a time but no time zone", line))
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        problems.append(
            Problem(path, "warning", f"'{key}' is not an ISO date or datetime: {_quoted(text)}", line)
        )
        return None
    if len(text) <= 10:
        return parsed.date().isoformat()
    if parsed.tzinfo is None:
        problems.append(Problem(path, "warning", f"'{key}' has a time but no time zone", line))
    return parsed.isoformat()


def _text(value: Any, key: str, path: str, line: int | None, problems: list[Problem]) -> str | None:
    if isinstance(value, (str, int, float)) and str(value).strip():
        text = str(value).strip()
        if len(text) > MAX_FIELD_CHARS:
            problems.append(
                Problem(
                    path,
                    "warning",
                    f"'{key}' is {len(text):,} characters long: cut to {MAX_FIELD_CHARS}",
                    line,
                )
            )
            text = text[:MAX_FIELD_CHARS]
        return text
    problems.append(Problem(path, "warning", f"'{key}' should be text, got {type(value).__name__}", line))
    return None


def _names(
    value: Any, key: str, split: str, path: str, line: int | None, problems: list[Problem]
) -> tuple[str, ...]:
    """A list of names, or one text of names cut at `split` (a regex)."""
    if isinstance(value, str):
        return tuple(a.strip() for a in re.split(split, value) if a.strip())
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return tuple(a.strip() for a in value if a.strip())
    problems.append(Problem(path, "warning", f"'{key}' should be a name or a list of names", line))
    return ()


def _tags(found: list[str], path: str, line: int | None, problems: list[Problem]) -> tuple[str, ...]:
    """One spelling per tag (the first), case and spacing aside; bounded in number and length."""
    spaced = [" ".join(tag.split()) for tag in found]
    for _long in (tag for tag in spaced if len(tag) > MAX_TAG_CHARS):
        problems.append(Problem(path, "warning", f"a tag over {MAX_TAG_CHARS} characters was left out", line))
    tags = one_spelling([tag for tag in spaced if tag and len(tag) <= MAX_TAG_CHARS])
    if len(tags) > MAX_TAGS:
        problems.append(
            Problem(path, "warning", f"{len(tags)} tags: only the first {MAX_TAGS} are kept", line)
        )
    return tags[:MAX_TAGS]


@dataclass(frozen=True)
class Parsed:
    """Metadata and the warnings met while reading it."""

    metadata: Metadata
    problems: tuple[Problem, ...]


def parse_metadata(
    raw: Mapping[str, Any], path: str, line: int | None = None, ignored: frozenset[str] = frozenset()
) -> Parsed:
    """Check known fields and warn about unknown keys (except those a format knows to ignore)."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    tags: list[str] = []
    for key, value in raw.items():
        if value is None or (key in ignored and key not in TAG_KEYS):
            continue
        if key in TAG_KEYS:  # a list item may hold several ("storms, coast" from a keywords meta tag)
            tags += [
                t for item in _names(value, key, r"\n", path, line, problems) for t in re.split("[,;]", item)
            ]
        elif key not in FIELDS:
            problems.append(Problem(path, "warning", f"unknown metadata key '{key}' (ignored)", line))
        elif key in ("published", "retrieved"):
            values[key] = _date(value, key, path, line, problems)
        elif key == "authors":
            values[key] = _names(value, key, r";|\n", path, line, problems)
        else:
            values[key] = _text(value, key, path, line, problems)
    if tags:
        values["tags"] = _tags(tags, path, line, problems)
    url = values.get("url")
    if url is not None and not WEB_ADDRESS.fullmatch(url):
        problems.append(Problem(path, "warning", f"'url' is not an http(s) address: {_quoted(url)}", line))
        values["url"] = None
    language = values.get("language")
    if language is not None and not _LANGUAGE.match(language):
        problems.append(
            Problem(path, "warning", f"'language' is not a language code: {_quoted(language)}", line)
        )
        values["language"] = None
    return Parsed(Metadata(**{k: v for k, v in values.items() if v is not None}), tuple(problems))
