"""Comparison keys: text normalised for matching only; pages always show the original."""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")


def comparison_key(text: str) -> str:
    """Return the key two texts share when they differ only in typography, case or spacing."""
    if text.isascii():  # nothing to fold but case and spacing
        return _SPACE.sub(" ", text.lower()).strip()
    folded = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    # casefold can produce characters NFKC would change again (e.g. 'ǰ'); settle them.
    folded = unicodedata.normalize("NFKC", folded).translate(_TRANSLATE)
    return _SPACE.sub(" ", folded).strip()
