"""Whom an article credits: agencies and organisations on its credit lines and as sources it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

from builder.facts.cues import agency_name
from builder.model import Article, Credit, Fact
from builder.names import fold

CREDITED_TYPES = ("agency", "organization", "government")
"""Source types that count as credited bodies; people and anonymous sources are on the facts table."""
_PHOTO = re.compile(r"\b(?:photos?|photograph|images?|pictures?|file|pool|credit)\b", re.IGNORECASE)
_REPORTING = re.compile(
    r"^(?:reporting|writing|editing|additional reporting)(?:\s+by)?\s*:?\s*", re.IGNORECASE
)


def credit_lines(article: Article) -> list[Credit]:
    """Names on the article's credit lines: `(AP File Photo)` is a photo credit to AP."""
    found = []
    for span in article.credits:
        photo = bool(_PHOTO.search(span.text))
        bare = _REPORTING.sub("", span.text.strip("() "))
        bare = _PHOTO.sub(" ", bare).replace(":", " ")
        for part in re.split(r"\s*(?:/|;|,|\band\b)\s*", bare):
            name = " ".join(part.split())
            if not name or not name[0].isupper():
                continue
            kind = "agency" if agency_name(name) else ("person" if " " in name else "organization")
            found.append(Credit(name, kind, "photo credit" if photo else "credit line"))
    return found


def credited(article: Article, facts: Iterable[Fact]) -> tuple[Credit, ...]:
    """Credit lines first, then each agency, organisation or government cited as a source, once."""
    found = credit_lines(article)
    for fact in facts:
        source = fact.attribution
        name = re.sub(r"^the\s+", "", fact.text, flags=re.IGNORECASE)
        # A named body only: "the opposition official" is a source, not a credit.
        if (
            fact.kind == "source"
            and source is not None
            and source.type in CREDITED_TYPES
            and name[:1].isupper()
        ):
            found.append(Credit(name, source.type, "cited"))
    seen: set[tuple[str, str]] = set()
    unique = []
    for credit in found:
        key = (agency_name(credit.name) or fold(credit.name), credit.how)
        if key not in seen:
            seen.add(key)
            unique.append(credit)
    return tuple(unique)
