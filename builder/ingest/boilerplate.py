"""Lines that are not the story: site boilerplate and production credits."""

from __future__ import annotations

import re

_BOILERPLATE = re.compile(
    r"""^(?:
        read\s+(?:more|also|next)\b
      | (?:related|recommended|more)\s*(?:articles?|stories|coverage|content|news)?\s*:
      | see\s+also\b | more\s+(?:on|from)\s+this\b | (?:copyright|©|\(c\))\s
      | sign\s+up\b | subscribe\b | follow\s+us\b | click\s+here\b | share\s+(?:this|on|via)\b
      | advertisement\s*$ | download\s+(?:our|the)\s+app\b
      | (?:this\s+)?(?:article|story|content)\s+(?:is\s+)?(?:continues|continued)\s+below\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_LINE = re.compile(
    r"""^\(?\s*(?:
        (?:additional\s+)?(?:reporting|writing|editing|compiled|research|contributing)(?:\s+and\s+\w+)?\s+by\b[^\n]*
      | [-—–]+\s*(?:AFP|AP|Reuters|Xinhua|dpa|EFE|ANSA|Kyodo|Yonhap|TASS|Bernama)\s*
      | (?:AFP|AP|Reuters|Xinhua|dpa|EFE|ANSA|Kyodo|Yonhap|TASS|Bernama)\s*
    )\)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SIGN_UP = re.compile(r"\b(?:sign|subscribe|inbox|delivered)\b")
_LINK_LIKE_WORDS = 15
_LONGEST = 400
"""Boilerplate and credit lines are short: longer units are story text, and are not searched."""


def is_boilerplate(unit: str) -> bool:
    """Tell whether a line is site furniture: related links, copyright, sign-up prompts."""
    if len(unit) > _LONGEST:
        return False
    if _BOILERPLATE.match(unit):
        return True
    lowered = unit.lower()
    return "all rights reserved" in lowered or (
        "newsletter" in lowered and _SIGN_UP.search(lowered) is not None
    )


def is_credit_line(unit: str) -> bool:
    """Tell whether a line credits the production: `Reporting by ...`, `-- AFP`, `(Reuters)`."""
    return len(unit) <= _LONGEST and _CREDIT_LINE.match(unit) is not None


def trailing_start(units: list[str]) -> int:
    """Return the index from which every unit is trailing boilerplate, credits, or links listed under them."""
    confirmed = len(units)
    index = len(units)
    while index > 0:
        unit = units[index - 1]
        if is_boilerplate(unit) or is_credit_line(unit):
            index -= 1
            confirmed = index
        elif len(unit.split()) <= _LINK_LIKE_WORDS and unit.rstrip()[-1:] not in ".!?\"”'’":
            index -= 1  # a list of links counts only when a boilerplate header stands above it
        else:
            break
    return confirmed
