"""Read counts as written: digits, number words, vague amounts, qualifiers and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FIXED = {"a dozen": 12, "half a dozen": 6, "a couple of": 2, "a pair of": 2, "both": 2, "a score of": 20}
"""Phrases that name an exact number."""
VAGUE = {
    "a few": 2, "a handful of": 2, "several": 3, "some": 2, "many": 2, "numerous": 2, "multiple": 2,
    "a number of": 2, "dozens of": 24, "dozens": 24, "scores of": 40, "hundreds of": 200, "hundreds": 200,
    "thousands of": 2_000, "thousands": 2_000, "tens of thousands of": 20_000, "tens of thousands": 20_000,
    "hundreds of thousands of": 200_000, "hundreds of thousands": 200_000, "millions of": 2_000_000,
    "millions": 2_000_000,
}  # fmt: skip
"""Vague amounts and the least each can mean ("dozens" is at least two dozen); they give no maximum."""
QUALIFIERS = {
    "at least": "at least", "a minimum of": "at least", "no fewer than": "at least",
    "no less than": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "an estimated": "about", "close to": "about",
    "an approximate": "about",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}  # fmt: skip
"""Words before a number and the qualifier they make."""

_WORD = "|".join(sorted([*UNITS.keys() - {"no"}, *SCALES], key=len, reverse=True))
_JOIN = r"(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))(?:\s*,\s*|\s+and\s+|\s*&\s*))"
_WORDS = rf"(?:(?:a|one)\s+(?:{'|'.join(SCALES)})|{_WORD})(?:{_JOIN}(?:{_WORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+"
_ONE = rf"(?:{_DIGITS}|{_WORDS})"
_AFTER = (
    r"(?![\w.]*\d|\s?-\s?(?:year|month|week|day|hour|minute|foot|inch|mile|yard|meter|metre)"
    r"|\s+years?[- ]old\b|:\d|[.,]\d|%|\w)"
)
NUMBER = rf"(?<![\w.$£€,:/#-])(?:{_ONE})(?:\s*(?:-|–|to|or)\s*(?:{_ONE}))?{_AFTER}"
"""A number in digits or words, or a range (`10 to 12`, `two or three`, `10-12`); not an age or a time."""
_PHRASES = "|".join(re.escape(p) for p in sorted([*FIXED, *VAGUE], key=len, reverse=True))
_QUALIFIER = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
AMOUNT = re.compile(
    rf"\b(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<between>between\s+(?P<low>{_ONE})\s+and\s+(?P<high>{_ONE}))"
    rf"{_AFTER}|(?P<number>{NUMBER})|(?P<phrase>(?:{_PHRASES}))\b)",
    re.IGNORECASE,
)
"""A count as written: an optional qualifier, then a number, a range or a vague amount."""


@dataclass(frozen=True)
class Amount:
    """A count found in a text: its words, offsets and what it says."""

    text: str
    """The words as written, qualifier included."""
    start: int
    """Offset of the first character in the searched text."""
    end: int
    """Offset just past the last character."""
    min: int | None
    """The least it can mean; None when it states only a maximum."""
    max: int | None
    """The most it can mean; None when it states only a minimum."""
    qualifier: str | None
    """`at least`, `more than`, `up to`, `about`, `fewer than`, `range`, `vague`; None for an exact count."""


def word_value(words: str) -> int | None:
    """Return the value of a number in words or digits (`twenty-one`, `a hundred and two`, `1,500`)."""
    text = words.strip().lower()
    if re.fullmatch(_DIGITS, text):
        return int(text.replace(",", ""))
    total = current = 0
    tokens = re.findall(r"[a-z]+", text)
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total, current = total + (current or 1) * SCALES[token], 0
        elif token not in {"a", "and"}:
            return None
    return total + current if any(t in UNITS or t in SCALES for t in tokens) else None


def _range(text: str) -> tuple[int, int] | None:
    parts = re.split(r"\s*(?:–|\bto\b|\bor\b)\s*|(?<=\d)-(?=\d)|(?<=[a-z])\s*-\s*(?=\w)", text, maxsplit=1)
    if len(parts) != 2:
        return None
    low, high = word_value(parts[0]), word_value(parts[1])
    if low is None or high is None or low >= high:
        return None
    return low, high


def _bounds(value: int, qualifier: str | None) -> tuple[int | None, int | None]:
    if qualifier == "at least":
        return value, None
    if qualifier == "more than":
        return value + 1, None
    if qualifier == "up to":
        return None, value
    if qualifier == "fewer than":
        return None, max(value - 1, 0)
    return value, value


def amount(match: re.Match[str], offset: int = 0) -> Amount | None:
    """Return the count an `AMOUNT` match states, or None when its words are not a count."""
    said = match.group("qualifier")
    qualifier = QUALIFIERS[said.lower()] if said else None
    start, end = match.start() + offset, match.end() + offset
    if match.group("between"):
        low, high = word_value(match.group("low")), word_value(match.group("high"))
        if low is None or high is None:
            return None
        return Amount(match.group(), start, end, low, high, "range")
    phrase = match.group("phrase")
    if phrase:
        key = phrase.lower()
        if key in VAGUE:
            if said:  # "some" is both a qualifier and a vague amount: "about several" means "several"
                return None
            return Amount(match.group(), start, end, VAGUE[key], None, "vague")
        low_high = _bounds(FIXED[key], qualifier)
        return Amount(match.group(), start, end, low_high[0], low_high[1], qualifier)
    number = match.group("number")
    found = _range(number)
    if found is not None:
        return Amount(match.group(), start, end, found[0], found[1], "range")
    value = word_value(number)
    if value is None:
        return None
    low, high = _bounds(value, qualifier)
    return Amount(match.group(), start, end, low, high, qualifier)


def amounts(text: str) -> list[Amount]:
    """Return every count written in the text, in order."""
    found = (amount(m) for m in AMOUNT.finditer(text))
    return [a for a in found if a is not None]
