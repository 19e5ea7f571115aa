"""Jinja filters that make untrusted text safe in each place a page puts it."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse every run of white space (line breaks included) to one space."""
    return _SPACE.sub(" ", text).strip()


def yaml_title(text: str) -> Markup:
    """Return a front-matter title: HTML-escaped (the theme prints it raw), then quoted for YAML."""
    return Markup(json.dumps(html.escape(one_line(text)), ensure_ascii=False))
