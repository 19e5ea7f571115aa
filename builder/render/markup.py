"""Make untrusted text safe in each place a page puts it."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

_SPACE = re.compile(r"\s+")
# Control characters other than white space: invisible, unsafe in YAML, and Python-Markdown uses
# \x02 and \x03 to mark its own placeholders. Pages show them as U+FFFD so that nothing is hidden.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def visible(value: object) -> object:
    """Replace control characters in text bound for a page; leave other values alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("\ufffd", value)
    return value


def one_line(text: str) -> str:
    """Collapse every run of white space (line breaks included) to one space."""
    return _SPACE.sub(" ", text).strip()


def yaml_title(text: str) -> Markup:
    """Return a front-matter title: HTML-escaped (the theme prints it raw), then quoted for YAML."""
    shown = visible(one_line(text))
    assert isinstance(shown, str)
    return Markup(json.dumps(html.escape(shown), ensure_ascii=False))
