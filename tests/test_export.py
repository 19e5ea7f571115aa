"""`export`: the corpus JSON through the real CLI, validated against the committed schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from builder.render.export import schema_text
from tests.conftest import ROOT, SEED_000, SEED_001, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seeds.corpus.json"


def export(seeds: Path, out: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "export", "--seeds", str(seeds), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return export(SEEDS, tmp_path_factory.mktemp("export") / "corpus.json")


def test_export_validates_against_the_schema(seeds_export: dict[str, Any]) -> None:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(seeds_export, schema, cls=jsonschema.Draft202012Validator)


def test_every_offset_slices_the_file(seeds_export: dict[str, Any]) -> None:
    for article in seeds_export["articles"]:
        text = (ROOT / article["path"]).read_bytes().decode("utf-8-sig")
        for item in [*article["sentences"], *article["parts"], *article["captions"]]:
            assert text[item["start"] : item["end"]] == item["text"]
        for paragraph in article["paragraphs"]:
            assert text[paragraph["start"] : paragraph["end"]].strip()


def test_export_lists_the_seeds_and_one_event(seeds_export: dict[str, Any]) -> None:
    articles = {a["id"]: a for a in seeds_export["articles"]}
    assert set(articles) == {SEED_000, SEED_001}
    assert (
        articles[SEED_000]["title"] == "Civilians killed after US-led coalition strikes in Syria near Turkey"
    )
    assert articles[SEED_000]["captions"][0]["text"].endswith("(AP File Photo)")
    assert articles[SEED_001]["dateline"] == "SANA’A"
    [event] = seeds_export["events"]
    assert event["articles"] == [SEED_000, SEED_001]
    assert seeds_export["rejected"] == []


def without_history(document: dict[str, Any]) -> dict[str, Any]:
    """The export with each file's git history left out: it changes with every commit, not with the corpus."""
    articles = [{**a, "history": None} for a in document["articles"]]
    return {**document, "articles": articles}


def test_export_matches_the_committed_expectation(seeds_export: dict[str, Any]) -> None:
    # Update deliberately: PARALLAX_UPDATE_GOLDEN=1 pytest tests/test_export.py, then review the diff.
    expected = without_history(seeds_export)
    if os.environ.get("PARALLAX_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert expected == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_rejected_files_are_in_the_export(tmp_path: Path) -> None:
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    (seeds / "good.txt").write_text("Storm batters coast\n\nThe storm hit on Monday.", encoding="utf-8")
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    document = export(seeds, tmp_path / "out.json")
    jsonschema.validate(document, json.loads(schema_text()), cls=jsonschema.Draft202012Validator)
    assert [r["path"] for r in document["rejected"]] == ["corpus/empty.txt"]
    assert [a["path"] for a in document["articles"]] == ["corpus/good.txt"]


def test_every_schema_field_is_documented() -> None:
    page = (ROOT / "docs" / "data-and-schema.md").read_text(encoding="utf-8")
    schema = json.loads(schema_text())

    def names(node: object) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    found.update(value)
                found |= names(value)
        elif isinstance(node, list):
            for item in node:
                found |= names(item)
        return found

    missing = sorted(name for name in names(schema) if f"`{name}`" not in page)
    assert not missing, f"fields missing from docs/data-and-schema.md: {missing}"


@pytest.mark.parametrize(
    ("case", "article_id", "expected"),
    [
        ("sidecar", "story", {"outlet": "Example Times", "published": "2024-03-05T09:30:00+01:00",
                              "authors": ["Ana Lima", "Ben Ode"], "license": "CC BY 4.0", "language": "en",
                              "retrieved": "2024-03-06", "companions": ["sidecar/story.yml"]}),
        ("markdown", "report", {"title": "Council approves budget", "event": "city-budget-2024",
                                "outlet": "City Paper", "published": "2024-02-01", "format": "md"}),
        ("records", "newsplease-1f707203", {"authors": ["Sam Reed"], "url": "https://example.org/fire",
                                            "format": "json", "record": 1, "text_source": "record"}),
        ("records", "feed-a7e8928d", {"outlet": "Example News", "authors": ["Ana Lima", "Ben Ode"],
                                      "format": "jsonl", "published": "2024-05-06"}),
        ("webpage", "page", {"url": "https://daily.example.com/storm", "authors": ["Jane Doe"],
                             "published": "2024-03-02", "text_source": "extracted", "format": "html"}),
        ("corpus_file", "001_b", {"outlet": "Arab News"}),
    ],
)  # fmt: skip
def test_every_format_round_trips_its_metadata(
    tmp_path: Path, case: str, article_id: str, expected: dict[str, Any]
) -> None:
    document = export(ROOT / "tests" / "fixtures" / "ingest" / case, tmp_path / "out.json")
    jsonschema.validate(document, json.loads(schema_text()), cls=jsonschema.Draft202012Validator)
    [article] = [a for a in document["articles"] if a["id"] == article_id]
    assert {key: article[key] for key in expected} == expected
    if article["text"] is not None:
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
