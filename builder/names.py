"""Names as comparison sees them: Arabic articles dropped, case and punctuation folded, initials."""

from __future__ import annotations

import re

ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ad|as|ar|ash)[-\s]+")
"""Arabic article prefixes that transliterations keep or drop (al-Assad / Assad, al Qaeda / al-Qaida)."""


def fold(name: str) -> str:
    """Comparison key of a name: articles dropped, case and punctuation folded (al-Assad -> assad)."""
    name = ARABIC_ARTICLE.sub("", name.lower())
    return re.sub(r"[^a-z0-9 ]", "", name.replace("-", " ")).strip()


def initials(name: str) -> str:
    """Initials of the capitalised words, Arabic articles left out: Hayat Tahrir al-Sham -> hts."""
    parts = re.split(r"[\s-]+", ARABIC_ARTICLE.sub("", name))
    return "".join(part[0] for part in parts if part[:1].isupper()).lower()


def one_spelling(names: list[str]) -> tuple[str, ...]:
    """Names in order, each once whatever its case: the first spelling wins (`Floods`, `floods`: `Floods`)."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
