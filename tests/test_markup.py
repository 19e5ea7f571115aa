"""Filters that put untrusted text into pages: YAML front matter and visible control characters."""

from __future__ import annotations

import html

import yaml
from hypothesis import given
from hypothesis import strategies as st

from builder.render.markup import one_line, visible, yaml_title
from builder.render.pages import environment


@given(st.text())
def test_yaml_title_round_trips_as_escaped_text(text: str) -> None:
    loaded = yaml.safe_load(f"title: {yaml_title(text)}\n")
    assert loaded["title"] == html.escape(str(visible(one_line(text))))


@given(st.text())
def test_templates_escape_and_show_every_character(text: str) -> None:
    rendered = environment().from_string("<p>{{ value }}</p>").render(value=text)
    body = rendered[3:-4]
    assert "<" not in body and ">" not in body
    assert html.unescape(body) == visible(text)


def test_control_characters_become_visible() -> None:
    assert visible("a\x02b\x03c\x07") == "a\ufffdb\ufffdc\ufffd"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
