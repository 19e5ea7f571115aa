"""Ingest: article structure, sentence offsets, and bad input that never stops the build."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.config import Config
from builder.dates import date_line
from builder.ingest import ingest
from builder.ingest.normalize import comparison_key
from builder.ingest.sentences import SentenceSplitter
from builder.ingest.structure import find_structure
from builder.model import Corpus
from tests.conftest import write_corpus

BODY = "The storm hit the coast on Monday. Officials said 3 people died.\n\nRoads were closed."


def read(tmp_path: Path, files: dict[str, str | bytes], **config: object) -> Corpus:
    folder = write_corpus(tmp_path / "seeds", files)
    return ingest(Corpus(), Config(seeds_dir=folder, **config))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("SANA’A: ", "SANA’A"),
        ("BEIRUT (Reuters) - ", "BEIRUT (Reuters)"),
        ("Washington, Nov 21 (AFP) – ", "Washington, Nov 21 (AFP)"),
        ("NEW YORK, Nov. 3 — ", "NEW YORK, Nov. 3"),
        ("KABUL, Afghanistan -- ", "KABUL, Afghanistan"),
        ("SÃO PAULO, Brazil: ", "SÃO PAULO, Brazil"),
        ("BOGOTÁ (AP) — ", "BOGOTÁ (AP)"),
    ],
)
def test_dateline_shapes(opening: str, dateline: str) -> None:
    text = f"Storm batters the coast\n\n{opening}{BODY}"
    found = find_structure(text)
    assert found.dateline is not None
    assert found.dateline.text == dateline
    assert text[found.dateline.start : found.dateline.end] == dateline
    assert text[found.paragraphs[0][0] :].startswith("The storm hit")


@pytest.mark.parametrize(
    "opening",
    [
        "A US-led raid on Thursday killed 12. ",
        "Officials: the storm is over. ",
        "US officials said - again - ",
    ],
)
def test_ordinary_openings_are_not_datelines(opening: str) -> None:
    assert find_structure(f"{opening}{BODY}").dateline is None


def test_headline_byline_and_captions() -> None:
    text = (
        "Storm batters the coast\n"
        "By Jane Doe and John Roe\n"
        "Waves hit the pier in Brighton on Monday. (Reuters/John Doe)\n\n"
        f"{BODY}\n\nA flooded street. Photo: Jane Doe\n"
    )
    found = find_structure(text)
    assert found.headline is not None and found.headline.text == "Storm batters the coast"
    assert found.byline is not None and found.byline.text == "By Jane Doe and John Roe"
    assert [c.text for c in found.captions] == [
        "Waves hit the pier in Brighton on Monday. (Reuters/John Doe)",
        "A flooded street. Photo: Jane Doe",
    ]
    assert len(found.paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Friday, June 7, 2013", "2013-06-07"),
        ("December 15th, 2008, 7:35 am", "2008-12-15"),
        ("Posted Oct 26, 2011 8:57 AM CDT", "2011-10-26"),
        ("Updated: 2013-06-07 19:38 EDT", "2013-06-07"),
        ("12 January 2010 @ 09:29 pm", "2010-01-12"),
        ("Updated 8 June 2013 | Published 7 June 2013", "2013-06-07"),  # the earliest is the posting
        ("On June 7, 2013 the storm hit the coast.", None),  # a sentence that opens with a date
        ("June 7", None),  # no year: not a full date
        ("Monday", None),
        ("March 2010", None),
        ("Storm batters the coast", None),
    ],
)
def test_date_lines(line: str, day: str | None) -> None:
    assert date_line(line) == day


def test_source_and_date_lines_open_the_text_and_headline_follows() -> None:
    text = f"https://news.example/storm\nStorm batters the coast\nMonday, March 4, 2024\n\n{BODY}"
    found = find_structure(text)
    assert found.source is not None and found.source.text == "https://news.example/storm"
    assert found.headline is not None and found.headline.text == "Storm batters the coast"
    assert found.date is not None and found.date.text == "Monday, March 4, 2024"
    assert text[found.paragraphs[0][0] :].startswith("The storm hit")


def test_addresses_and_dates_inside_the_story_stay_body() -> None:
    later = "https://news.example/storm\n\nMonday, March 4, 2024\n\nThe end."
    text = f"Storm batters the coast\n\n{BODY}\n\n{later}"
    found = find_structure(text)
    assert found.source is None and found.date is None
    assert len(found.paragraphs) == 5
    assert find_structure(f"Read more at https://news.example/storm\n\n{BODY}").source is None


def test_a_lone_sentence_line_is_not_a_headline() -> None:
    found = find_structure("The storm hit the coast on Monday.\n\nRoads were closed.")
    assert found.headline is None


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    text = (
        "The storm hit the coast on Monday and officials\n"
        "said that three people died in the floods that\n"
        "followed.\n\nRoads were closed."
    )
    found = find_structure(text)
    assert len(found.paragraphs) == 2
    splitter = SentenceSplitter()
    start, end = found.paragraphs[0]
    assert len(splitter.split(text, start, end)) == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.txt", " \n\t\n ", "empty file"),
        ("binary.txt", b"GIF89a\x00\x01\x02\x00\x00", "binary content"),
        ("image.txt", bytes(range(1, 32)) * 20, "binary content"),
        ("notes.pdf", "%PDF-1.4", "unsupported format '.pdf'"),
        ("README", "no extension", "unsupported format '(none)'"),
        ("caption-only.txt", "A caption alone. (AP Photo)", "no article text"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(
    tmp_path: Path, name: str, content: str | bytes, reason: str
) -> None:
    corpus = read(tmp_path, {name: content, "good.txt": BODY})
    assert [a.id for a in corpus.articles] == ["good"]
    [rejected] = corpus.rejected
    assert rejected.path == f"seeds/{name}"
    assert reason in rejected.reason
    assert rejected.severity == "error"


def test_binary_reports_the_line_of_the_first_nul(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"bad.txt": b"line one\nline two\nbro\x00ken"})
    assert corpus.rejected[0].line == 3


def test_oversize_file_is_rejected_by_the_configured_limit(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"big.txt": BODY * 20, "small.txt": BODY}, max_file_bytes=len(BODY) + 10)
    assert [a.id for a in corpus.articles] == ["small"]
    assert "over the" in corpus.rejected[0].reason and "byte limit" in corpus.rejected[0].reason


def test_hidden_files_are_listed_as_ignored(tmp_path: Path) -> None:
    corpus = read(tmp_path, {".gitkeep": "", "a.txt": BODY})
    assert corpus.rejected[0].severity == "ignored"
    assert corpus.files == ("seeds/.gitkeep", "seeds/a.txt")


def test_duplicate_ids_in_subfolders_are_rejected(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"a.txt": BODY, "more/a.txt": BODY})
    assert corpus.articles == ()
    assert [r.path for r in corpus.rejected] == ["seeds/a.txt", "seeds/more/a.txt"]


def test_windows_1252_is_read_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"cp.txt": "First line.\n\nThe caf\xe9 was closed.".encode("cp1252")})
    [article] = corpus.articles
    assert "café" in article.text
    [problem] = article.problems
    assert problem.severity == "warning" and problem.line == 3 and "Windows-1252" in problem.message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    corpus = read(tmp_path, {"bom.txt": BODY.encode(encoding)})
    [article] = corpus.articles
    assert article.text == BODY
    assert article.sentences[0].start == 0


def test_crlf_offsets_stay_exact(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"crlf.txt": "Storm batters the coast\r\n\r\n" + BODY.replace("\n", "\r\n")})
    [article] = corpus.articles
    assert article.title == "Storm batters the coast"
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_utf16_without_bom_is_not_misread() -> None:
    assert codecs.BOM_UTF16_LE not in BODY.encode("utf-16-le")


def test_symlinks_out_of_the_corpus_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n\nThis must not be published.")
    seeds = write_corpus(tmp_path / "seeds", {"a.txt": BODY})
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (seeds / "inside.txt").symlink_to(seeds / "a.txt")
    corpus = ingest(Corpus(), Config(seeds_dir=seeds))
    reasons = {r.path: r.reason for r in corpus.rejected}
    assert "leaves the corpus folder" in reasons["seeds/link.txt"]
    assert "broken symbolic link" in reasons["seeds/broken.txt"]
    assert "duplicate" not in reasons.get("seeds/inside.txt", "")
    assert all("Secret" not in a.text for a in corpus.articles)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"a.txt": BODY, "locked.txt": BODY})
    (seeds / "locked.txt").chmod(0)
    corpus = ingest(Corpus(), Config(seeds_dir=seeds))
    assert "cannot read the file" in corpus.rejected[0].reason


def test_two_formats_claiming_one_id(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"a.txt": BODY, "a.md": BODY, "b.txt": BODY})
    assert [a.path for a in corpus.articles] == ["seeds/b.txt"]
    assert sorted(r.path for r in corpus.rejected) == ["seeds/a.md", "seeds/a.txt"]
    assert all("duplicate article id 'a'" in r.reason for r in corpus.rejected)


def test_cr_only_line_endings(tmp_path: Path) -> None:
    corpus = read(tmp_path, {"mac.txt": ("Storm batters the coast\r\r" + BODY.replace("\n", "\r")).encode()})
    [article] = corpus.articles
    assert article.title == "Storm batters the coast"
    assert [s.text for s in article.sentences][-1] == "Roads were closed."


FIELD_VALUES = st.one_of(
    st.none(), st.text(max_size=40), st.integers(), st.lists(st.text(max_size=10), max_size=3)
)
RECORDS = st.dictionaries(
    st.sampled_from(["title", "text", "maintext", "url", "date", "date_publish", "authors", "author", "x"]),
    FIELD_VALUES,
).map(lambda record: json.dumps(record).encode())
FRONT_MATTER = st.text(max_size=200).map(lambda meta: f"---\n{meta}\n---\nThe body. It has text.\n".encode())


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl", ".html"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode) | FRONT_MATTER | RECORDS)
def test_any_bytes_give_an_article_or_a_reason(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / f"x{suffix}").write_bytes(data)
    corpus = ingest(Corpus(), Config(seeds_dir=folder, cache_dir=None))
    assert corpus.articles or corpus.rejected
    for article in corpus.articles:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
        for caption in article.captions:
            assert article.text[caption.start : caption.end] == caption.text
    for rejected in corpus.rejected:
        assert rejected.reason


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=600))
def test_sentences_cover_every_word_of_the_body_exactly_once(text: str) -> None:
    structure = find_structure(text)
    splitter = SentenceSplitter()
    for start, end in structure.paragraphs:
        spans = splitter.split(text, start, end)
        covered: set[int] = set()
        last = start
        for s_start, s_end in spans:
            assert last <= s_start < s_end <= end
            assert text[s_start:s_end] == text[s_start:s_end].strip()
            covered.update(range(s_start, s_end))
            last = s_end
        words = {i for i in range(start, end) if not text[i].isspace()}
        assert words <= covered


@given(st.text())
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = comparison_key(text)
    assert comparison_key(once) == once


def test_comparison_key_folds_typography_only() -> None:
    assert comparison_key("“Clearly,” he said — at 12\u00a0a.m.") == comparison_key(
        '"clearly," he said - at 12 a.m.'
    )
    assert comparison_key("militant") != comparison_key("terrorist")


def test_accounts_are_named_as_readers_know_them(tmp_path: Path) -> None:
    body = "The council met on Monday to discuss the new bridge over the river, officials said."
    files: dict[str, str | bytes] = {
        # A spaced-out source line, as ECB+ ships its texts: the web address names the outlet.
        "a.txt": f"http: / / www. latimes. com / local / bridge - vote\nBridge vote delayed\n\n{body}",
        "b.txt": f"https://uk.eonline.com/news/1\n\n{body}",
        "c.txt": f"https://smalltown.example/news/2\n\n{body}",
        "d.txt": f"Council delays vote on the bridge again\n\n{body}",
        "e.txt": f"Council delays vote on the new bridge plan\n\n{body}",
        "f.md": f"---\noutlet: Reuters\npublished: 2024-03-01\n---\n{body}",
        "g.md": f"---\noutlet: Reuters\npublished: 2024-03-02\n---\n{body}",
    }
    corpus = ingest(Corpus(), Config(seeds_dir=write_corpus(tmp_path / "seeds", files), cache_dir=None))
    names = {a.id: a.label for a in corpus.articles}
    assert names["a"] == "Los Angeles Times" and corpus.articles[0].url == (
        "http://www.latimes.com/local/bridge-vote"
    )
    assert names["b"] == "E! Online"  # a subdomain takes its parent's name
    assert names["c"] == "smalltown.example"  # an unknown outlet is named by its domain
    # Headline words, as many as tell two accounts apart.
    assert names["d"] == "“Council delays vote on the bridge…”"
    assert names["e"] == "“Council delays vote on the new…”"
    # One outlet's two accounts: the date tells them apart.
    assert names["f"] == "Reuters, 1 March 2024" and names["g"] == "Reuters, 2 March 2024"


def test_tags_from_any_key_are_cut_at_commas_and_kept_in_one_spelling() -> None:
    from builder.ingest.metadata import MAX_TAG_CHARS, MAX_TAGS, parse_metadata

    found = parse_metadata(
        {"tags": "Floods; weather, ", "categories": ["Nigeria", "floods"], "keywords": ["Lagos,  State"]},
        "a.md",
    )
    assert found.metadata.tags == ("Floods", "weather", "Nigeria", "Lagos", "State")
    assert found.problems == ()
    long = parse_metadata({"tags": ["x" * (MAX_TAG_CHARS + 1), "ok"]}, "a.md", 3)
    assert long.metadata.tags == ("ok",)
    assert [p.line for p in long.problems] == [3]
    many = parse_metadata({"tags": [f"t{n}" for n in range(MAX_TAGS + 5)]}, "a.md")
    assert len(many.metadata.tags) == MAX_TAGS and "only the first" in many.problems[0].message
    wrong = parse_metadata({"tags": {"a": 1}}, "a.md", 2)
    assert wrong.metadata.tags == () and "'tags' should be" in wrong.problems[0].message
