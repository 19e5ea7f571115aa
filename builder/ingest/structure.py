"""Find the parts of a raw-text article: source line, headline, date line, captions, byline, dateline and body
paragraphs."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from builder.dates import date_line
from builder.ingest.boilerplate import is_boilerplate, is_credit_line, trailing_start
from builder.ingest.metadata import web_address
from builder.model import Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'.\-]+"
"""A word in capitals, accented ones included: `SÃO PAULO`, `BOGOTÁ`."""
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z .&/-]{1,30})\)"
_DATE_TEXT = rf"{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
_DATE = rf"(?:,\s*(?P<date>{_DATE_TEXT}))"
_SEP = r"\s*(?::|--|[-–—])\s+"
# `SANA’A:`, `NEW YORK, Nov. 3 -`, `BEIRUT (Reuters) -`: the place in capitals.
_CAPS_DATELINE = re.compile(
    rf"(?P<head>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    rf"{_DATE}?(?:\s*{_AGENCY})?){_SEP}"
)
# `Washington, Nov 21 (AFP) –`: a place in ordinary case needs a date or an agency to count.
_MIXED_DATELINE = re.compile(
    rf"(?P<head>[A-Z][a-z’'.\-]+(?:\s[A-Z][a-z’'.\-]+){{0,2}}(?=,\s*{_DATE_TEXT}|\s*\()"
    rf"(?:{_DATE})?(?:\s*{_AGENCY})?){_SEP}"
)
_AGENCIES = r"(?:AP|AFP|Reuters|EPA|Getty Images|Getty|Anadolu(?: Agency)?|Xinhua|Bloomberg|dpa|PA|UPI)"
# A caption ends with its credit: `(AP File Photo)`, `(Reuters/John Doe)`, `Photo: Jane Doe`.
_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?i:photo(?:graph)?s?|images?|pictures?|file|pool)\b[^()]*"
    rf"|{_AGENCIES}(?:\s*/\s*[^()]+)?)\)"
    r"|\b(?i:photo(?:graph)?|image|picture)(?:\s+credit)?\s*:\s*[A-Z][^.:]{1,60}"
    rf"|\b{_AGENCIES}\s*/\s*[A-Z][\w.\- ]{{2,40}})\s*$"
)
_BYLINE = re.compile(r"By\s+[A-Z][\w.’'\-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.’'\-]+){0,8}\s*$")
_END_PUNCT = ".:;,"
# A headline does not end on a word that needs a continuation; a hard-wrapped line often does.
_CONTINUING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "that",
    ]
)
_HEADLINE_MAX_WORDS = 30
_CREDIT_TAIL = 120
_SENTENCE_END = frozenset(".!?\"”’'")
_STANDFIRST_MAX_WORDS = 60


@dataclass(frozen=True)
class Structure:
    """The parts found in one article's text, each with its offsets."""

    headline: Span | None
    byline: Span | None
    dateline: Span | None
    captions: tuple[Span, ...]
    paragraphs: tuple[tuple[int, int], ...]
    """Body paragraphs as (start, end) offsets; the first starts after the dateline."""
    standfirst: Span | None = None
    credits: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    source: Span | None = None
    """A first line that is only a web address."""
    date: Span | None = None
    """A line before the body that only gives a date (and time): when the article was posted."""


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_HEADING = re.compile(r"#{1,6}[ \t]+")


def _blocks(text: str, begin: int) -> list[list[tuple[int, int]]]:
    """Split text from `begin` into runs of non-blank lines, each line as stripped (start, end) offsets."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _LINE.finditer(text, begin):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(current)
                current = []
            if match.end() >= len(text):
                break
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        current.append((start, start + len(stripped)))
    if current:
        blocks.append(current)
    return blocks


def _units(text: str, begin: int) -> list[tuple[int, int]]:
    """Return paragraph-like units: hard-wrapped lines are joined, other lines stand alone."""
    units: list[tuple[int, int]] = []
    for first, block in enumerate(_blocks(text, begin)):
        lengths = [end - start for start, end in block]
        longest = max(lengths)
        wrapped = len(block) > 1 and longest <= 100 and all(n >= 0.6 * longest for n in lengths[:-1])
        start, end = block[0]
        for number, (line_start, line_end) in enumerate(block[1:], 1):
            previous = text[block[number - 1][0] : block[number - 1][1]]
            line = text[line_start:line_end]
            continues = (
                line[0].islower()
                or _dangles(previous)
                or (wrapped and not _stands_alone(previous, line, number == 1))
            ) and not (first == 0 and _opening_line(previous, line))
            if continues:
                end = line_end
            else:
                units.append((start, end))
                start, end = line_start, line_end
        units.append((start, end))
    return units


def _opening_line(previous: str, line: str) -> bool:
    """Tell whether either line is a source address or a date stamp: each stands alone at the top."""
    return web_address(previous) is not None or bool(date_line(previous) or date_line(line))


def _dangles(line: str) -> bool:
    """Tell whether a line stops mid-phrase: on a comma or a word that needs what follows."""
    words = line.split()
    return line.endswith(",") or (bool(words) and words[-1].lower() in _CONTINUING)


def _stands_alone(previous: str, line: str, second: bool) -> bool:
    """Tell whether `line` starts a new unit after `previous` in a block that looks hard-wrapped."""
    return (
        (second and _is_headline(previous) and line[0].isupper())
        or _caption_credit(previous) is not None
        or _caption_credit(line) is not None
        or _BYLINE.match(line) is not None
    )


def _caption_credit(unit: str) -> re.Match[str] | None:
    """Find a photo credit closing the unit; only its tail is searched, as credits are short."""
    if unit[-1:] in _SENTENCE_END:
        return None  # the common case, a story paragraph, costs one comparison
    return _CREDIT.search(unit, max(0, len(unit) - _CREDIT_TAIL))


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= _HEADLINE_MAX_WORDS
        and line[-1] not in _END_PUNCT
        and words[-1].lower() not in _CONTINUING
        and _caption_credit(line) is None
        and _match_dateline(line) is None
        and _BYLINE.match(line) is None
    )


def _match_dateline(text: str) -> re.Match[str] | None:
    return _CAPS_DATELINE.match(text) or _MIXED_DATELINE.match(text)


def _without_heading_mark(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Drop a Markdown heading mark (`## `) from a unit; say whether there was one."""
    mark = _HEADING.match(text, start, end)
    return (mark.end(), end, True) if mark and mark.end() < end else (start, end, False)


def find_structure(text: str, begin: int = 0) -> Structure:
    """Classify the units of an article's text; anything not recognised is a body paragraph."""
    units = [_without_heading_mark(text, s, e) for s, e in _units(text, begin)]
    tail = trailing_start([text[s:e] for s, e, _ in units])
    headline = byline = dateline = source = date = None
    captions: list[Span] = []
    credits: list[Span] = []
    boilerplate: list[Span] = []
    body: list[tuple[int, int]] = []
    opening = 0  # where the headline may stand: after a source line and a date line
    for position, (start, end, heading) in enumerate(units):
        unit = text[start:end]
        if position == 0 and web_address(unit):
            source, opening = Span("source", unit, start, end), 1
        elif date is None and not body and position < tail and date_line(unit):
            date = Span("date", unit, start, end)
            opening += position == opening
        elif is_credit_line(unit):
            credits.append(Span("credit", unit, start, end))
        elif position >= tail or is_boilerplate(unit):
            boilerplate.append(Span("boilerplate", unit, start, end))
        elif position == opening and tail > opening + 1 and (heading or _is_headline(unit)):
            headline = Span("headline", unit, start, end)
        elif (credit := _caption_credit(unit)) and len(unit.split()) <= 80:
            captions.append(Span("caption", unit, start, end))
            credits.append(
                Span("credit", credit.group().strip(), start + credit.start(), start + credit.end())
            )
        elif byline is None and len(body) <= 1 and _BYLINE.match(unit):
            byline = Span("byline", unit, start, end)
        elif (
            dateline is None
            and len(body) <= 1
            and (match := _match_dateline(unit))
            and match.end() < len(unit)
        ):
            dateline, agency = _dateline(text, start, match)
            credits.extend(agency)
            body.append((start + match.end(), end))
        else:
            body.append((start, end))
    found = _with_standfirst(text, headline, byline, dateline, captions, credits, boilerplate, body)
    return dataclasses.replace(found, source=source, date=date)


def _dateline(text: str, start: int, match: re.Match[str]) -> tuple[Span, list[Span]]:
    head = match.group("head")
    agency = []
    if match.group("agency"):
        a_start, a_end = match.span("agency")
        first, last = start + a_start - 1, start + a_end + 1  # with its parentheses
        agency.append(Span("credit", text[first:last], first, last))
    return Span("dateline", head, start, start + len(head)), agency


def _with_standfirst(
    text: str,
    headline: Span | None,
    byline: Span | None,
    dateline: Span | None,
    captions: list[Span],
    credits: list[Span],
    boilerplate: list[Span],
    body: list[tuple[int, int]],
) -> Structure:
    """A short paragraph between the headline and a byline or dateline is the standfirst, not body."""
    standfirst = None
    if headline and len(body) >= 2:
        first_start, first_end = body[0]
        marked_after = (dateline and dateline.start > first_end) or (byline and byline.start > first_end)
        if marked_after and len(text[first_start:first_end].split()) <= _STANDFIRST_MAX_WORDS:
            standfirst = Span("standfirst", text[first_start:first_end], first_start, first_end)
            body = body[1:]
    return Structure(
        headline,
        byline,
        dateline,
        tuple(captions),
        tuple(body),
        standfirst,
        tuple(credits),
        tuple(boilerplate),
    )
