"""Calendar words and dates as news text writes them, resolved against a publication date when relative.

Shared by ingest (a line that gives the publication date), facts (dates stated) and provenance (captions).
"""

from __future__ import annotations

import datetime as dt
import re

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
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
QUALIFIER = (
    r"(?:(?:around|about|at|shortly before|shortly after|just before|just after|before|after|by|until)\s+)?"
)
NUMBER = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few)"
)
MORE = r"(?:(?:more|less|fewer) than|at least|about|around|nearly|almost|over|some|up to)\s+"

TIME = re.compile(
    QUALIFIER
    + r"(?:\b(?:midnight|noon|midday|dawn|dusk|daybreak|nightfall|overnight)\b"
    + r"|\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    + r"|\b(?:(?:early|late|last|this|mid-?)\s*)?(?:morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)
"""Times of day: "around midnight", "at 3 p.m."; in "Monday night" the night is a time, Monday a date."""
DATE = re.compile(
    r"\b(?:(?:on|last|this|next|since|until|by)\s+)?(?:"
    + rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # Nov. 21, 2016
    + rf"|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?"  # 21 November 2016
    + r"|\d{4}-\d{2}-\d{2}"
    + r"|(?:"
    + "|".join(WEEKDAYS)
    + r")"
    + r"|yesterday|today|tomorrow"
    + rf"|{NUMBER}\s+(?:days?|weeks?|months?|years?)\s+ago"
    + rf"|(?:in|since|until|by)\s+(?:{MONTH}\s+)?(?:19|20)\d{{2}}"
    + r")\b",
    re.IGNORECASE,
)
"""Dates: absolute ("Nov. 21, 2016", "in 2019") and relative ("on Thursday", "yesterday")."""
LEAD = re.compile(r"^(?:on|last|this|next|since|until|by|in)\s+", re.IGNORECASE)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _iso(day: dt.date) -> str:
    return day.isoformat()


def resolve(expression: str, published: str | None) -> tuple[str | None, bool]:
    """Return (ISO date or year, whether the text gives it only relative to the publication date).

    "Thursday" is the Thursday on or before the publication day; "Nov. 21" takes the publication year.
    Without a publication date a relative expression stays unresolved.
    """
    text = LEAD.sub("", expression.strip()).lower().replace(",", "").replace(".", "")
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


_STAMP = re.compile(
    r"\b(?:(?:first|last)\s+)?(?:posted|published|updated|modified)\b:?"
    r"|\b(?:on|at|date|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
    r"|\b\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|HKT|AE[SD]T|IST)\b",
    re.IGNORECASE,
)
"""What else a line stating when an article was posted holds: labels, weekdays, times and time zones."""
_STAMP_MAX = 80
"""Characters: a longer line is a sentence that happens to open with a date."""


def date_line(line: str) -> str | None:
    """Return the ISO day a line gives when the line is only a date stamp, else None.

    `Friday, June 7, 2013`, `December 15th, 2008, 7:35 am`, `Posted Oct 26, 2011 8:57 AM CDT`:
    a full date with its year, and nothing left but labels, times and punctuation.
    """
    text = line.strip()
    if len(text) > _STAMP_MAX:
        return None
    days = [resolve(m[0], None)[0] for m in DATE.finditer(text)]
    full = [d for d in days if d and len(d) == 10]
    if not full:
        return None
    rest = _STAMP.sub(" ", DATE.sub(" ", text))
    # The earliest: a line may give when it was posted and when it was updated.
    return min(full) if not re.sub(r"[\s,;|@()\[\]/·•–—-]+", "", rest) else None


def reader_date(iso: str | None) -> str:
    """An ISO date or datetime as readers write it (`3 May 2013`); a bare year or a bad value as given."""
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"
