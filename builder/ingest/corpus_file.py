"""`seeds/corpus.yml`: what the corpus maintainer says about the corpus as a whole (outlets)."""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from builder.ingest.metadata import YamlError, load_yaml_mapping
from builder.model import EventRule, Metadata, Outlet, Problem, Rejected
from builder.vocabulary import OUTLET_DOMAINS

NAME = "corpus.yml"
"""The corpus file, at the top of the corpus folder."""
_OUTLET_KEYS = {"name", "domain", "country", "files"}
_EVENT_KEYS = {"articles", "split", "name", "title"}


@dataclass(frozen=True)
class CorpusFile:
    """The corpus file's settings and the warnings met reading it."""

    outlets: tuple[Outlet, ...] = ()
    event_rules: tuple[EventRule, ...] = ()
    warnings: tuple[Problem, ...] = ()


def _ids(value: Any) -> tuple[str, ...]:
    values = [value] if isinstance(value, (str, int)) else value if isinstance(value, list) else []
    return tuple(str(v) for v in values)


def _event_rule(entry: Any, number: int, path: str, warnings: list[Problem]) -> EventRule | None:
    if not isinstance(entry, dict):
        warnings.append(Problem(path, "warning", f"event rule {number} must be a mapping (ignored)"))
        return None
    for key in sorted(set(entry) - _EVENT_KEYS):
        warnings.append(Problem(path, "warning", f"event rule {number}: unknown key '{key}' (ignored)"))
    rule = EventRule(
        articles=_ids(entry.get("articles")),
        split=_ids(entry.get("split")),
        name=str(entry["name"]) if entry.get("name") else None,
        title=str(entry["title"]) if entry.get("title") else None,
    )
    if not (rule.articles or rule.split or rule.name):
        warnings.append(
            Problem(path, "warning", f"event rule {number} names no articles, split or name (ignored)")
        )
        return None
    return rule


def _outlet(entry: Any, number: int, path: str, warnings: list[Problem]) -> Outlet | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        warnings.append(Problem(path, "warning", f"outlet {number} needs a 'name' (ignored)"))
        return None
    for key in sorted(set(entry) - _OUTLET_KEYS):
        warnings.append(Problem(path, "warning", f"outlet '{entry['name']}': unknown key '{key}' (ignored)"))
    files = entry.get("files") or []
    files = [files] if isinstance(files, str) else files
    domain = entry.get("domain")
    return Outlet(
        name=entry["name"],
        domain=_bare(str(domain)) if domain else None,
        country=str(entry["country"]) if entry.get("country") else None,
        files=tuple(str(f) for f in files),
    )


def read_corpus_file(text: str, path: str) -> CorpusFile | Rejected:
    """Parse the corpus file; a broken one is rejected whole, unknown keys only warned about."""
    try:
        raw = load_yaml_mapping(text)
    except YamlError as exc:
        return Rejected(path, f"corpus file: {exc}", exc.line)
    known = {"outlets", "events"}
    warnings = [
        Problem(path, "warning", f"unknown key '{key}' (ignored)") for key in sorted(set(raw) - known)
    ]
    entries, rules = raw.get("outlets") or [], raw.get("events") or []
    if not isinstance(entries, list) or not isinstance(rules, list):
        return Rejected(path, "corpus file: 'outlets' and 'events' must be lists")
    outlets = [_outlet(entry, n, path, warnings) for n, entry in enumerate(entries, 1)]
    event_rules = [_event_rule(entry, n, path, warnings) for n, entry in enumerate(rules, 1)]
    return CorpusFile(
        tuple(o for o in outlets if o is not None),
        tuple(r for r in event_rules if r is not None),
        tuple(warnings),
    )


def _bare(domain: str) -> str:
    domain = domain.strip().lower()
    return domain[4:] if domain.startswith("www.") else domain


def resolve_outlet(meta: Metadata, file_name: str, outlets: tuple[Outlet, ...]) -> Metadata:
    """Name the article's outlet: as given (matched to the corpus file), by URL domain, or by file pattern."""
    given = (meta.outlet or "").strip()
    for outlet in outlets:
        if given and (given.casefold() == outlet.name.casefold() or _bare(given) == outlet.domain):
            return dataclasses.replace(meta, outlet=outlet.name)
    if given:
        return meta
    host = _bare(urlsplit(meta.url).hostname or "") if meta.url else ""
    for outlet in outlets:
        if host and outlet.domain and (host == outlet.domain or host.endswith(f".{outlet.domain}")):
            return dataclasses.replace(meta, outlet=outlet.name)
    for outlet in outlets:
        if any(fnmatch.fnmatchcase(file_name, pattern) for pattern in outlet.files):
            return dataclasses.replace(meta, outlet=outlet.name)
    return dataclasses.replace(meta, outlet=known_outlet(host) or host) if host else meta


def known_outlet(host: str) -> str | None:
    """The outlet a web host belongs to, when the vocabulary knows it (`uk.eonline.com`: E! Online)."""
    parts = host.split(".")
    for first in range(len(parts) - 1):
        if name := OUTLET_DOMAINS.get(".".join(parts[first:])):
            return name
    return None
