"""`.json` and `.jsonl` records as news-please and trafilatura write them: one article per record."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from builder.ingest.document import Document, Source
from builder.ingest.metadata import parse_metadata
from builder.model import Rejected

TEXT_KEYS = ("maintext", "text", "raw_text")
"""Where crawlers put the article text, in order of preference."""
RENAMED = {
    "date_publish": "published",
    "date": "published",
    "date_download": "retrieved",
    "source_domain": "outlet",
    "sitename": "outlet",
    "hostname": "outlet",
    "author": "authors",
    "source": "url",
}
"""Crawler keys that mean one of Parallax's metadata fields."""
CRAWLER_KEYS = frozenset(
    "description excerpt date_modify date_download filename image_url localpath title_page title_rss "
    "fingerprint id image pagetype comments source-hostname raw_text maintext text "
    "filedate body commentsbody".split()
)
"""Keys crawlers write that Parallax does not use: no warning for them."""


def _records(source: Source) -> Iterator[tuple[int, int, Any] | Rejected]:
    """Yield (record number, line, value) for each record, or a rejection for a broken one."""
    if source.path.suffix.lower() == ".jsonl":
        number = 0
        for line_number, line in enumerate(source.text.splitlines(), 1):
            if not line.strip():
                continue
            number += 1
            try:
                yield number, line_number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejected(source.shown, f"record {number}: not valid JSON: {exc.msg}", line_number)
            except RecursionError:
                yield Rejected(source.shown, f"record {number}: JSON nested too deeply to read", line_number)
        return
    try:
        document = json.loads(source.text)
    except json.JSONDecodeError as exc:
        yield Rejected(source.shown, f"not valid JSON: {exc.msg}", exc.lineno)
        return
    except RecursionError:
        yield Rejected(source.shown, "JSON nested too deeply to read")
        return
    for number, value in enumerate(document if isinstance(document, list) else [document], 1):
        yield number, 1, value


def _record_id(stem: str, record: dict[str, Any], number: int, taken: set[str]) -> str:
    url = record.get("url")
    key = hashlib.sha1(url.encode()).hexdigest()[:8] if isinstance(url, str) and url else f"r{number}"
    article_id = f"{stem}-{key}"
    if article_id in taken:
        article_id = f"{stem}-{key}-r{number}"
    taken.add(article_id)
    return article_id


def read_records(source: Source) -> list[Document | Rejected]:
    """Return one article per record with a text field; a record without one is rejected on its own."""
    fmt = source.path.suffix.lower().lstrip(".")
    found: list[Document | Rejected] = []
    taken: set[str] = set()
    for item in _records(source):
        if isinstance(item, Rejected):
            found.append(item)
            continue
        number, line, record = item
        if not isinstance(record, dict):
            found.append(Rejected(source.shown, f"record {number} is not a JSON object", line))
            continue
        text = next(
            (record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None
        )
        if text is None:
            found.append(
                Rejected(source.shown, f"record {number} has no text ({', '.join(TEXT_KEYS)})", line)
            )
            continue
        raw: dict[str, Any] = {
            RENAMED.get(str(k), str(k)): v for k, v in record.items() if k not in TEXT_KEYS
        }
        if "outlet" in raw and "sitename" in record:
            raw["outlet"] = record["sitename"]
        parsed = parse_metadata(raw, source.shown, line, ignored=CRAWLER_KEYS)
        article_id = _record_id(source.path.stem, record, number, taken)
        problems = source.warnings + parsed.problems
        found.append(Document(article_id, text, 0, parsed.metadata, problems, fmt, "record", number))
    if not found:
        found.append(Rejected(source.shown, "no records: the file holds no JSON object"))
    return found
