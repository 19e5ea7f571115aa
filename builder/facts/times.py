"""Times, dates, durations and distances, with dates resolved against the publication date when known."""

from __future__ import annotations

import datetime as dt
import re

from builder.facts.span import Value, fact
from builder.model import Article, Fact

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_QUALIFIER = (
    r"(?:(?:around|about|at|shortly before|shortly after|just before|just after|before|after|by|until)\s+)?"
)
_NUMBER = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few)"
)
_MORE = r"(?:(?:more|less|fewer) than|at least|about|around|nearly|almost|over|some|up to)\s+"

TIME = re.compile(
    _QUALIFIER
    + r"(?:\b(?:midnight|noon|midday|dawn|dusk|daybreak|nightfall|overnight)\b"
    + r"|\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    + r"|\b(?:(?:early|late|last|this|mid-?)\s*)?(?:morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)
"""Times of day: "around midnight", "at 3 p.m."; in "Monday night" the night is a time, Monday a date."""
DATE = re.compile(
    r"\b(?:(?:on|last|this|next|since|until|by)\s+)?(?:"
    + rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # Nov. 21, 2016
    + rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"  # 21 November 2016
    + r"|\d{4}-\d{2}-\d{2}"
    + r"|(?:"
    + "|".join(WEEKDAYS)
    + r")"
    + r"|yesterday|today|tomorrow"
    + rf"|{_NUMBER}\s+(?:days?|weeks?|months?|years?)\s+ago"
    + rf"|(?:in|since|until|by)\s+(?:{_MONTH}\s+)?(?:19|20)\d{{2}}"
    + r")\b",
    re.IGNORECASE,
)
"""Dates: absolute ("Nov. 21, 2016", "in 2019") and relative ("on Thursday", "yesterday")."""
DURATION = re.compile(
    rf"\b(?:{_MORE})?{_NUMBER}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
    r"(?!\s+(?:old|ago|earlier|later))(?!-)",
    re.IGNORECASE,
)
"""Durations: "more than two hours"; ages ("17 years old") and offsets ("two days ago") are not durations."""
DISTANCE = re.compile(
    rf"\b(?:{_MORE})?{_NUMBER}\s+(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|yards?|feet|foot)\b",
    re.IGNORECASE,
)
"""Distances: "less than a kilometer", "3 miles"."""
_LEAD = re.compile(r"^(?:on|last|this|next|since|until|by|in)\s+", re.IGNORECASE)
_TIME_LEAD = re.compile(
    r"^(around|about|at|shortly before|shortly after|just before|just after|before|after|by|until)\s+",
    re.IGNORECASE,
)


_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _iso(day: dt.date) -> str:
    return day.isoformat()


def resolve(expression: str, published: str | None) -> tuple[str | None, bool]:
    """Return (ISO date or year, whether the text gives it only relative to the publication date).

    "Thursday" is the Thursday on or before the publication day; "Nov. 21" takes the publication year.
    Without a publication date a relative expression stays unresolved.
    """
    text = _LEAD.sub("", expression.strip()).lower().replace(",", "").replace(".", "")
    anchor = dt.date.fromisoformat(published[:10]) if published else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, False
    words = text.split()
    if words and words[-1].isdigit() and len(words[-1]) == 4 and len(words) <= 2 and words[0] not in MONTHS:
        return words[-1], False  # "in 2019"
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    numbers = [int(w.rstrip("stndrh")) for w in words if w.rstrip("stndrh").isdigit()]
    if month:
        year = next((n for n in numbers if n > 31), None)
        day = next((n for n in numbers if n <= 31), None)
        if day is None:
            return (f"{year}-{month:02d}" if year else None), year is None
        if year is None:
            if anchor is None:
                return None, True
            year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        try:
            return _iso(dt.date(year, month, day)), False
        except ValueError:
            return None, False
    if anchor is None:
        return None, True
    if text in WEEKDAYS:
        back = (anchor.weekday() - WEEKDAYS.index(text)) % 7
        return _iso(anchor - dt.timedelta(days=back)), True
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(text)
    if shift is not None:
        return _iso(anchor + dt.timedelta(days=shift)), True
    ago = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven) (day|week)s? ago", text)
    if ago:
        count = int(ago[1]) if ago[1].isdigit() else _SMALL[ago[1]]
        return _iso(anchor - dt.timedelta(days=count * (7 if ago[2] == "week" else 1))), True
    return None, True


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def extract(article: Article) -> list[Fact]:
    """Return the times, dates, durations and distances each sentence states."""
    found: list[Fact] = []
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
            expression = _normal(_LEAD.sub("", match[0]))
            value: Value = (("resolved", resolved), ("relative", relative), ("expression", expression))
            key = f"date:{resolved or expression}"
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
