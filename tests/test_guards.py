"""One bad file is that file's problem: what input makes a parser or an extractor raise becomes a
rejection or a warning naming the file, and the rest publish; the builder's own errors still stop it."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import pipeline
from builder.accounting import account
from builder.facts import stage as facts_stage
from builder.ingest import READERS
from builder.model import Article, Corpus, Event
from tests.conftest import site_config, write_corpus

GOOD = "Flood in Lagos\n\nA flood hit Lagos on Monday, officials said. Four people were killed.\n"
BODY = "Headline\n\nA storm hit the coast on Monday, officials said.\n"
CRASHERS: dict[str, str | bytes] = {
    # Each of these crashed `export` and `build` with a traceback before (issue 16).
    "nested.md": "---\nx: " + "[" * 3000 + "]" * 3000 + "\n---\n" + BODY,
    "digits.md": "---\noutlet: " + "9" * 5000 + "\n---\n" + BODY,
    "digit-date.md": "---\npublished: " + "9" * 5000 + "\n---\n" + BODY,
    "month.md": "---\npublished: 2024-13-45\n---\n" + BODY,
    "minute.md": "---\npublished: 2024-01-01 10:75:00\n---\n" + BODY,
    "leap.yml": "published: 2023-02-29\n",
    "leap.txt": BODY,
    "nested.json": '{"text": "A story, officials said.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "nested.jsonl": '{"text": "A story, officials said."}\n{"x": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
}


def _analyse(tmp_path: Path, files: dict[str, str | bytes]) -> Corpus:
    seeds = write_corpus(tmp_path / "seeds", {"good.txt": GOOD, **files})
    return pipeline.analyse(site_config(seeds, tmp_path / "site"))


def test_files_that_crashed_the_build_are_each_their_own_problem(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"good.txt": GOOD, **CRASHERS})
    outcome = pipeline.build(site_config(seeds, tmp_path / "site"))
    corpus = outcome.corpus
    rejected = {r.path: r for r in corpus.rejected}
    assert "nested more than 20 levels deep" in rejected["seeds/nested.md"].reason
    assert rejected["seeds/nested.md"].line == 2
    assert "nested too deeply" in rejected["seeds/nested.json"].reason
    assert "record 2: JSON nested too deeply" in rejected["seeds/nested.jsonl"].reason
    warnings = {(p.path, p.message) for p in corpus.problems if p.severity == "warning"}
    for name, value in [("month", "2024-13-45"), ("minute", "10:75:00"), ("leap", "2023-02-29")]:
        assert any(path.startswith(f"seeds/{name}.") and value in m for path, m in warnings), name
    assert any("'outlet' is 5,000 characters long" in m for _p, m in warnings)
    assert any("(5,000 characters)" in m for _p, m in warnings)  # the value quoted, not all of it
    published = {a.path for a in corpus.articles}
    assert {"seeds/good.txt", "seeds/digits.md", "seeds/month.md", "seeds/leap.txt"} <= published
    # Nothing lost: every file is published, used as metadata, or on the report.
    rows = account(corpus)
    assert {row.path for row in rows} == set(corpus.files)
    assert "unaccounted" not in {row.outcome for row in rows}
    report = (tmp_path / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert "seeds/nested.md" in report and "nested more than 20 levels deep" in report


def test_an_input_fault_in_a_reader_rejects_that_file_and_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def overflowing(*_args: object) -> list[object]:
        raise OverflowError("Python int too large to convert to C int")

    monkeypatch.setitem(READERS, ".md", overflowing)
    corpus = _analyse(tmp_path, {"odd.md": BODY})
    [rejected] = corpus.rejected
    assert rejected.path == "seeds/odd.md"
    assert rejected.reason == "could not be read: OverflowError: Python int too large to convert to C int"
    assert [a.path for a in corpus.articles] == ["seeds/good.txt"]


def test_a_builder_bug_in_a_reader_still_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(*_args: object) -> list[object]:
        return None.text  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setitem(READERS, ".md", buggy)
    with pytest.raises(AttributeError):
        _analyse(tmp_path, {"odd.md": BODY})


def test_an_extractor_the_text_breaks_gives_a_warning_and_the_other_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deep(article: object, _gazetteer: object) -> list[object]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(facts_stage, "EXTRACTORS", [*facts_stage.EXTRACTORS, ("deep", deep)])
    corpus = _analyse(tmp_path, {})
    [article] = corpus.articles
    assert [p.message for p in article.problems] == [
        "no deep facts could be read from this text: nested too deeply to read"
    ]
    assert any(f.kind == "killed" for f in corpus.events[0].facts)


def test_a_builder_bug_in_an_extractor_still_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(article: object, _gazetteer: object) -> list[object]:
        found: dict[str, list[object]] = {}
        return found["missing"]

    monkeypatch.setattr(facts_stage, "EXTRACTORS", [*facts_stage.EXTRACTORS, ("buggy", buggy)])
    with pytest.raises(KeyError):
        _analyse(tmp_path, {})


def test_an_event_whose_texts_break_the_comparison_or_a_check_still_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builder.compare import stage as compare_stage
    from builder.provenance import stage as provenance_stage

    real = compare_stage.comparison

    def fragile(members: list[Article]) -> compare_stage.Comparison:
        if any("Lima" in a.title for a in members):
            raise RecursionError("maximum recursion depth exceeded")
        return real(members)

    def failing(event: Event, articles: object) -> list[object]:
        raise ValueError("a date out of range")

    monkeypatch.setattr(compare_stage, "comparison", fragile)
    monkeypatch.setattr(provenance_stage, "CHECKS", [*provenance_stage.CHECKS, ("odd", failing)])
    lima = "Fire in Lima\n\nA fire hit Lima on Monday, officials said. Two people were killed.\n"
    seeds = write_corpus(
        tmp_path / "seeds", {"a.txt": GOOD, "b.txt": GOOD + "More.\n", "c.txt": lima, "d.txt": lima}
    )
    outcome = pipeline.build(site_config(seeds, tmp_path / "site"))
    messages: dict[str, list[str]] = {}
    for p in outcome.corpus.problems:
        messages.setdefault(p.path, []).append(p.message)
    assert (
        "the accounts of its event could not be compared: nested too deeply to read"
        in messages["seeds/c.txt"]
    )
    assert (
        "the odd check could not be run on its event: ValueError: a date out of range"
        in messages["seeds/a.txt"]
    )
    assert not any("compared" in m for m in messages["seeds/a.txt"])
    assert len(list((tmp_path / "site" / "events").glob("*/index.html"))) == 2
