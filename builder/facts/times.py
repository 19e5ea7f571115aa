"""Times, dates, durations and distances, with dates resolved against the publication date when known."""

from __future__ import annotations

import re

from builder.background import is_background_date, latest_year
from builder.dates import DATE, LEAD, MORE, NUMBER, TIME, resolve
from builder.facts.span import Value, fact
from builder.model import Article, Fact

DURATION = re.compile(
    rf"\b(?:{MORE})?{NUMBER}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
    r"(?!\s+(?:old|ago|earlier|later|after|before))(?!-)",
    re.IGNORECASE,
)
"""Durations: "more than two hours"; ages ("17 years old") and offsets ("two days ago", "a week after") are
not durations."""
DISTANCE = re.compile(
    rf"\b(?:{MORE})?{NUMBER}\s+(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|yards?|feet|foot)\b",
    re.IGNORECASE,
)
"""Distances: "less than a kilometer", "3 miles"."""
_TIME_LEAD = re.compile(
    r"^(around|about|at|shortly before|shortly after|just before|just after|before|after|by|until)\s+",
    re.IGNORECASE,
)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def extract(article: Article) -> list[Fact]:
    """Return the times, dates, durations and distances each sentence states."""
    found: list[Fact] = []
    latest = latest_year("\n".join(s.text for s in article.sentences))
    for sentence in article.sentences:
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int, taken: list[tuple[int, int]] = taken) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        for kind, pattern in (("duration", DURATION), ("distance", DISTANCE)):
            for match in pattern.finditer(sentence.text):
                if free(*match.span()):
                    taken.append(match.span())
                    amount: Value = (("amount", _normal(match[0])),)
                    found.append(
                        fact(
                            article,
                            sentence,
                            *match.span(),
                            kind=kind,
                            key=kind,
                            value=amount,
                            extractor="times",
                        )
                    )
        for match in DATE.finditer(sentence.text):
            if not free(*match.span()):
                continue
            taken.append(match.span())
            resolved, relative = resolve(match[0], article.published)
            expression = _normal(LEAD.sub("", match[0]))
            value: Value = (("resolved", resolved), ("relative", relative), ("expression", expression))
            key = f"date:{resolved or expression}"
            published = article.published
            if is_background_date(sentence.text, match.start(), match[0], resolved, published, latest):
                value, key = (*value, ("background", True)), f"background:{key}"
            found.append(
                fact(article, sentence, *match.span(), kind="date", key=key, value=value, extractor="times")
            )
        for match in TIME.finditer(sentence.text):
            if not free(*match.span()) or not match[0].strip():
                continue
            lead = _TIME_LEAD.match(match[0])
            core = _normal(match[0][lead.end() :] if lead else match[0])
            value = (("qualifier", lead[1].lower() if lead else None), ("time", core))
            found.append(
                fact(
                    article,
                    sentence,
                    *match.span(),
                    kind="time",
                    key=f"time:{core}",
                    value=value,
                    extractor="times",
                )
            )
    return found
