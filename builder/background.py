"""Background: counts a sentence states about an earlier event or a running total, not the reported event.

"Islamic State leader Abu Bakr al-Baghdadi died in a raid in 2019", "the shooting comes two weeks after a
gunman killed three", "19 officers have been killed nationwide this year": each states deaths, but not the
deaths of the event the article reports, so they must not become the article's count. The cues are
written words only: a past year, a relative past ("last year", "two months ago"), an earlier event
("a previous attack"), or a cumulative total ("so far this year", "since the war began").
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = re.compile(r"(?<![\w$£€.,(#-])(?P<year>1[89]\d\d|20\d\d)(?![\w%-]|['’]s|,\d|\s+block|\s+[A-Z])")
"""A year; not a house number ("the 1800 block", "2500 Long Beach Boulevard") or a phone number."""
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*,?\s*$")
"""A day of the month just before a year: "Feb. 11, 2016" dates the event itself, not an earlier one."""
_NOT_PAST_BEFORE = re.compile(
    r"(?:\bof|\b(?:deadliest|worst|largest|biggest|first|highest|most \w+)\b(?:\s+[\w'’-]+){0,5}?\s+since)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
"""Words before a year that date the reported event ("the first homicide of 2016") or compare it with the
past ("the deadliest attack since 2019"), rather than report a past event."""
_PAST = re.compile(
    rf"\b(?:last|this past)\s+(?:year|month|summer|spring|fall|autumn|winter|{_MONTH}\b)"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|\d+)\s+"
    r"(?:weeks?|months?|years?|decades?)\s+(?:ago|back|earlier|before that)\b"
    r"|\ba\s+year\s+(?:ago|earlier)\b"
    r"|\b(?:previous|earlier|prior|past|similar|separate|unrelated)\s+(?:\w+\s+)?"
    r"(?:attacks?|shootings?|raids?|strikes?|bombings?|massacres?|incidents?|killings?|murders?|homicides?)\b"
    rf"|(?-i:\bIn\s+{_MONTH}\b)(?!\.?\s+\d)",
    re.IGNORECASE,
)
"""A past the reported event is not part of: "last year", "two months ago", "a previous attack", "In
October," (a month with no day)."""
_TOTAL = re.compile(
    r"\b(?:so far this year|(?:so far )?this year(?! alone)|to date|year to date|nationwide|statewide"
    r"|across the (?:country|nation|state|region)|every year|each year|a year(?![\w-])|per year|annually"
    r"|since the (?:war|conflict|uprising|fighting|crisis|revolution|invasion) (?:began|started|broke out)"
    r"|since the (?:start|beginning|outbreak) of"
    rf"|since (?:{_MONTH}\b|the start|the beginning|records began)"
    r"|in the (?:past|last) (?:\w+ )?(?:years?|decades?|months)|over the (?:past|last) (?:\w+ )?"
    r"(?:years?|decades?|months))",
    re.IGNORECASE,
)
"""Running totals: "so far this year", "nationwide", "since the war began", "in the past four years"."""
_AFTER_EARLIER = re.compile(
    r"\b(?:comes?|came|follows?|followed)\s+(?:(?:[\w'’-]+\s+){0,6}?(?:days?|weeks?|months?|years?)\s+"
    r"|(?:just\s+|shortly\s+)?)(?:after|on the heels of)\b",
    re.IGNORECASE,
)
"""The reported event set after an earlier one: "the shooting comes less than a week after ..."; counts
after these words belong to the earlier event."""


_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|\w+th|\d+(?:st|nd|rd|th))\b(?:\s+[\w'’-]+){0,5}?\s*$",
    re.IGNORECASE,
)
"""An ordinal before a running total makes it the reported event's rank: "the first homicide this year"."""


def _running_total(sentence: str) -> bool:
    return any(not _ORDINAL_BEFORE.search(sentence[: m.start()]) for m in _TOTAL.finditer(sentence))


def latest_year(text: str) -> int | None:
    """The latest year a text mentions: without a publication date, the year the article was written in."""
    return max((int(m.group("year")) for m in _YEAR.finditer(text)), default=None)


def _past_year(sentence: str, published: int | None, latest: int | None) -> bool:
    """Whether the sentence dates something before the publication year.

    Without a publication date, a year before the latest one the article mentions is past, and so is a
    year without a day ("in 2019", "in March 2013"): the reported event is dated by its day.
    """
    for match in _YEAR.finditer(sentence):
        year = int(match.group("year"))
        if published is not None:
            if year < published:
                return True
            continue
        before = sentence[: match.start()]
        if (latest is not None and year < latest) or not (
            _DAY_BEFORE.search(before) or _NOT_PAST_BEFORE.search(before)
        ):
            return True
    return False


def is_background(sentence: str, start: int, published: int | None, latest: int | None) -> bool:
    """Whether the count starting at `start` in the sentence is about an earlier event or a running total.

    `published` is the article's publication year when known, `latest` the latest year its text mentions.
    """
    if _past_year(sentence, published, latest) or _PAST.search(sentence) or _running_total(sentence):
        return True
    after = _AFTER_EARLIER.search(sentence)
    return after is not None and after.end() <= start


_PERIOD_BEFORE = re.compile(
    r"\b(?:born|founded|established|formed|created|elected|since|until|till|from|between|before"
    r"|as of|as early as|as late as|in the years?|ago)\b(?:\s+(?:on|in|at|the|of|early|late|mid))*\s*$",
    re.IGNORECASE,
)
"""Words that put a date on a life, a period or something earlier: "born on", "until 2016", "since 2011"."""
FAR_DAYS = 30
"""A full date more than this many days before publication dates something else."""


def is_background_date(
    sentence: str, start: int, said: str, resolved: str | None, published: str | None, latest: int | None
) -> bool:
    """Whether the date `said` at `start` in the sentence dates something other than the reported event.

    A life or a period ("born on", "until 2016"), or a day after words that set the event after an earlier
    one; a year or month with no day ("in 2019"), since a news event is dated by its day, unless it is the
    publication year; a full date more than FAR_DAYS before publication (or, undated, in an earlier year than
    the latest the text mentions).
    """
    before = sentence[max(0, start - 40) : start]
    if re.match(r"(?:since|until)\b", said, re.I) or _PERIOD_BEFORE.search(before):
        return True
    after = _AFTER_EARLIER.search(sentence)
    if after is not None and after.end() <= start:
        return True
    if not resolved or not resolved[:4].isdigit():
        return False
    year = int(resolved[:4])
    if resolved.count("-") < 2:
        return year < int(published[:4]) if published else True
    if published:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(resolved)).days > FAR_DAYS
    return latest is not None and year < latest
