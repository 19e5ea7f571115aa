"""Properties over random articles: any structured article, however odd its text and metadata, is either
published or reported, never an exception; and the pages made of it are HTML whose only elements and
attributes are the templates' own, with the article's words as text."""

from __future__ import annotations

import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import pipeline
from builder.accounting import account
from builder.render.pages import render_pages
from builder.render.site import DEFAULT_HOME
from tests.conftest import site_config

EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "md_in_html"]
"""The Markdown extensions mkdocs.yml turns on: the page text goes through the same ones."""
NASTY = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{: onclick=alert(1) }", "!!! note",
    "--8<-- \"/etc/passwd\"", "<!--", "{{ x }}", "{% raw %}", "[a](javascript:alert(1))", "\u202e", "\u200b",
    "<div markdown=\"1\">", "&amp;", "</textarea>", "\\", "`", "***", "| a | b |", "# Heading", "    code",
]  # fmt: skip
WORDS = st.sampled_from(
    ["Flood", "in", "Lagos", "killed", "12", "people", "said", "officials", "Monday", ","]
)
TEXT = st.lists(st.one_of(WORDS, st.sampled_from(NASTY), st.text(max_size=12)), max_size=30).map(" ".join)
VALUE = st.one_of(
    TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(), st.lists(TEXT, max_size=3),
    st.dictionaries(st.text(max_size=5), TEXT, max_size=2), st.sampled_from(["2024-13-45", "2024-02-3T25"]),
)  # fmt: skip
META = st.dictionaries(
    st.sampled_from(["outlet", "title", "url", "published", "authors", "tags", "event", "language", "x"]),
    VALUE,
    max_size=6,
)
ARTICLE = st.tuples(META, TEXT, st.lists(TEXT, min_size=1, max_size=4))
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("type") == "application/ld+json":
            return  # the build's linked data (its text escaped: builder/render/linked_data.py)
        self.found.append((tag, [name for name, _value in attrs]))


def _template_tags() -> set[str]:
    """Every element name the templates can write."""
    folder = Path(__file__).resolve().parent.parent / "builder" / "templates"
    names = {m[1].lower() for p in folder.rglob("*.j2") for m in TAG.finditer(p.read_text(encoding="utf-8"))}
    return names | {"p", "h1", "h2", "h3", "h4", "a", "ul", "li", "code", "pre", "em", "strong", "hr"}


ALLOWED = _template_tags()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=3))
def test_random_articles_publish_or_are_reported_and_render_as_text(
    articles: list[tuple[dict[str, object], str, list[str]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for number, (meta, headline, paragraphs) in enumerate(articles):
            front = f"---\n{json.dumps(meta, default=str)}\n---\n" if meta else ""
            body = "\n\n".join([headline, *paragraphs])
            (seeds / f"a{number}.md").write_text(front + body, encoding="utf-8")
        corpus = pipeline.analyse(site_config(seeds, Path(tmp) / "site"))
        assert "unaccounted" not in {row.outcome for row in account(corpus)}
        assert len(account(corpus)) == len(articles)
        for name, text in render_pages(corpus, DEFAULT_HOME).items():
            if not name.endswith(".md"):
                continue
            body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
            parser = _Tags()
            parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
            parser.close()
            for tag, attributes in parser.found:
                assert tag in ALLOWED, (name, tag)
                assert not [a for a in attributes if a.startswith("on")], (name, tag, attributes)


CASES = Path(__file__).parent / "fixtures" / "fuzz"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.name != "README.md"))
def test_every_case_the_fuzzer_kept_is_read_or_reported(case: str) -> None:
    from fuzz.target import run

    run((CASES / case).read_bytes())
