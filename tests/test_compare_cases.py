"""Golden cases for the compare stage (`fixtures/compare/cases.yml`): one per kind of row and difference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.config import Config
from builder.model import Event
from builder.pipeline import analyse
from tests.conftest import write_corpus

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "compare" / "cases.yml").read_text("utf-8"))


def _version(base: list[str], edits: dict[int, str | None], insert: dict[int, str], order: list[int]) -> str:
    sentences = [edits.get(n, s) for n, s in enumerate(base)]
    sentences = [sentences[n] for n in order] if order else sentences
    for at, text in sorted(insert.items()):  # positions in the finished text
        sentences.insert(at, text)
    return " ".join(s for s in sentences if s is not None)


def event_of(tmp_path: Path, case: dict[str, Any]) -> Event:
    base: list[str] = CASES["base"]
    files: dict[str, str | bytes] = {
        "a.txt": _version(base, case.get("a_edits", {}), {}, []),
        "b.txt": _version(base, case.get("edits", {}), case.get("insert", {}), case.get("order", [])),
    }
    if "c_insert" in case:
        files["c.txt"] = _version(base, {}, case["c_insert"], [])
    corpus = analyse(Config(seeds_dir=write_corpus(tmp_path / "seeds", files), cache_dir=None))
    assert len(corpus.events) == 1, "the versions of one text are one event"
    return corpus.events[0]


@pytest.mark.parametrize("name", sorted(CASES["cases"]))
def test_golden_case(tmp_path: Path, name: str) -> None:
    case = CASES["cases"][name]
    event = event_of(tmp_path, case)
    added = dict(event.added)
    rows = []
    for row in event.rows:
        if row.kind == "identical":
            continue
        found: list[Any] = [row.kind, {aid: list(ids) for aid, ids in row.cells}]
        if row.number in added:
            found.append(added[row.number])
        rows.append(found)
    assert rows == case["rows"]
    differences = [[d.kind, d.a.text if d.a else None, d.b.text if d.b else None] for d in event.differences]
    assert differences == case["differences"]
