"""Sentence boundaries with exact offsets into the file text: fast rules tuned for English news."""

from __future__ import annotations

import re

from builder.ingest.abbreviations import (
    BEFORE_NUMBERS,
    CAPITALISED_OPENER_ONLY,
    CLOCK,
    CLOCK_FOLLOWERS,
    NEVER_FINAL,
    OPENER_ONLY,
    SENTENCE_OPENERS,
    STREETS,
    TITLES,
)

# A sentence can only end at a run of terminal punctuation (a spaced ellipsis is one run), then closing
# quotes or brackets, then whitespace. The groups in the lookahead catch the next word and what opens it.
# The atomic group and possessive quantifier stop a run that is not followed by whitespace (`...x`,
# the end of the paragraph) from matching as a shorter run.
_CANDIDATE = re.compile(
    r"(?P<punct>(?>[.!?…]+(?:\s\.(?=[\s\"'”’»)\]]))*))"
    r"(?P<close>[\"'”’»)\]]*+)"
    r"(?=\s+(?P<lead>[^\w\s]*)(?P<word>\w*))"
)
_LIST_START = re.compile(r"\s*(?:(?P<bullet>[•⁃◦▪‣*-])\s*)?(?P<label>\d{1,3}|[a-z])(?P<sep>\.\)|\)|\.)(?=\s)")
_LIST_MARKER = re.compile(
    r"(?<!\S)(?:(?P<bullet>[•⁃◦▪‣*-])\s*)?(?P<label>\d{1,3}|[a-z])(?P<sep>\.\)|\)|\.)(?=\s)"
)
# Single letters or letter pairs joined by periods: U.S, a.m, U.S.A, Ph.D (the final period is the run's).
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_NUMBER = re.compile(r"[\d,.]*\d")
_ALNUM = re.compile(r"[^\W_]")
_OPENING = "\"'“‘«([{"
# Enough text before a candidate to hold the word it ends and the word before that.
_WINDOW = 64


class SentenceSplitter:
    """Split paragraphs into sentences; one instance is reused for a whole corpus."""

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return (start, end) offsets of the sentences in text[start:end], covering all its words."""
        paragraph = text[start:end]
        markers, cuts = _list_items(paragraph)
        for match in _CANDIDATE.finditer(paragraph):
            if match.start() not in markers:
                cut = _cut(paragraph, match)
                if cut is not None:
                    cuts.append(cut)
        # List items and punctuation give cuts in two passes; a cut may come from both.
        cuts.sort()
        return _spans(paragraph, start, cuts)


def _cut(paragraph: str, match: re.Match[str]) -> int | None:
    """Return where the sentence ends if the candidate match is a boundary, else None."""
    word = match["word"]
    if not word and not match["lead"]:
        return None  # only whitespace follows: the paragraph ends here anyway
    if word[:1].islower():
        return None  # "Yahoo! in", "(... engineer.) at", "co. at": a new sentence starts in capitals
    punct = match["punct"]
    if "!" in punct or "?" in punct:
        return match.end()
    dots = punct.count(".") + 3 * punct.count("…")
    at = match.start()
    attached = at > 0 and not paragraph[at - 1].isspace()
    if dots == 3:
        return None  # an ellipsis marks an omission inside the sentence
    if dots > 3:
        # "compounds. . . . The": the word's own period ends it, the ellipsis opens the next sentence.
        return at + 1 if attached and punct[1].isspace() else match.end()
    if attached:
        before = paragraph[max(0, at - _WINDOW) : at].rsplit(None, 2)
        # A token longer than the window is a URL or the like, never an abbreviation.
        if (len(before) > 1 or at <= _WINDOW) and _continues(before[-1], before[-2:-1], word):
            return None
    return match.end()


def _continues(token: str, previous: list[str], following: str) -> bool:
    """Tell whether the period after token belongs to an abbreviation the sentence runs on past."""
    token = token.lstrip(_OPENING)
    before = previous[0].lstrip(_OPENING)[:1] if previous else ""
    if len(token) == 1:
        if token == "I":
            # "Albert I. Jones" is an initial; "you and I. Did" is the pronoun ending a sentence.
            return before.isupper()
        return token.isalpha()  # initials (Jonas E. Smith) and p., v., c.
    key = token.lower()
    if key in CLOCK:
        return following in CLOCK_FOLLOWERS or following[:1].isdigit()
    title = token.capitalize() if token[:1].isupper() else ""
    # "on Main St. The fire" is a street that can end a sentence; "in St. Louis" is a saint.
    street = title in STREETS and (before.isupper() or before.isdigit())
    if (title in TITLES and not street) or token in NEVER_FINAL:
        return True
    if following[:1].isdigit() and (key in BEFORE_NUMBERS or _NUMBER.fullmatch(token)):
        return True  # "p. 55", "No. 1", and decimals a tokeniser broke apart ("3. 7 GHz")
    if street or key in OPENER_ONLY or token in CAPITALISED_OPENER_ONLY or _INITIALISM.fullmatch(token):
        # "the U.S. How about you?" ends a sentence; "the U.S. Government" and "Nov. 21" do not.
        return following not in SENTENCE_OPENERS
    return False


def _list_items(paragraph: str) -> tuple[set[int], list[int]]:
    """Return the positions of list markers' periods and the cuts before each next item.

    Only a paragraph that opens with a marker is a list, and its items must follow in sequence
    (1. 2. 3., or a) b) c)), so a number or an initial in running text is never taken for one.
    """
    first = _LIST_START.match(paragraph)
    if first is None:
        return set(), []
    bullet, label, sep = first["bullet"], first["label"], first["sep"]
    markers, cuts = {first.start("sep")}, []
    for found in _LIST_MARKER.finditer(paragraph, first.end()):
        if (found["bullet"], found["sep"], found["label"]) == (bullet, sep, _successor(label)):
            label = found["label"]
            markers.add(found.start("sep"))
            cuts.append(found.start())
    return markers, cuts


def _successor(label: str) -> str:
    """Return the label of the next list item: 9 -> 10, a -> b."""
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _spans(paragraph: str, offset: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Return the stripped pieces between cuts as offsets into the file text, merging stray fragments."""
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(paragraph)]:
        if cut <= previous:
            continue
        piece = paragraph[previous:cut]
        stripped = piece.strip()
        if stripped:
            first = previous + len(piece) - len(piece.lstrip())
            spans.append((first, first + len(stripped)))
        previous = cut
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # A piece without letters or digits (a lone quote mark) belongs to its neighbour, and nothing
        # should ever end where no whitespace separates two pieces (`<!--` is not the end of `<!`).
        if merged and (start == merged[-1][1] or not _ALNUM.search(paragraph, start, end)):
            merged[-1] = (merged[-1][0], end)
        elif len(merged) == 1 and not _ALNUM.search(paragraph, *merged[0]):
            merged[0] = (merged[0][0], end)
        else:
            merged.append((start, end))
    return [(start + offset, end + offset) for start, end in merged]
