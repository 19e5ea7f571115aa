"""Quotation marks: where quotations are in a sentence, whether a span is one, and trimming a span."""

from __future__ import annotations

import re

OPEN = '“"‘«'
CLOSE = '”"’»'
CLOSING = (*CLOSE, "''")
"""What a quotation may end with, including the doubled apostrophe of some archives (`''like this,''`)."""
_SINGLE = re.compile(r"‘[^‘’]*’(?!\w)")


def quoted(text: str) -> list[tuple[int, int]]:
    """Quotations in the sentence: (start, end) including their marks; an unclosed one runs to the end, and
    one closed without an opening began in an earlier sentence (it starts before the text, at -1)."""
    spans = []
    opened: int | None = None
    for at, opens in quote_marks(text):
        width = 2 if text.startswith("''", at) else 1
        if opens and opened is None:
            opened = at
        elif not opens:
            spans.append((-1 if opened is None else opened, at + width))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    for match in _SINGLE.finditer(text):
        if len(match.group().split()) >= 3:
            spans.append((match.start(), match.end()))
    return sorted(spans)


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < position < e for s, e in spans)


def is_direct(text: str, start: int, end: int) -> bool:
    """The span is a quotation: it opens with a mark and closes with one, or runs on past the sentence."""
    piece = text[start:end].strip().rstrip(".")
    reversed_open = piece[:1] == "”" and piece.count("”") >= 2  # `”We will win,” she said`: a typo'd opener
    if not piece or not (piece[0] in OPEN or piece.startswith("''") or reversed_open):
        return False
    body = piece.rstrip(",.?!")
    if body[-1:] in CLOSE or piece[-1] in CLOSE or body.endswith("''"):
        return True
    return left_open(piece, False)


def quote_marks(text: str) -> list[tuple[int, bool]]:
    """Quotation marks in order: (offset, opens); a straight mark opens after a space or at the start."""
    marks = []
    for match in re.finditer(r"''|[“”\"«»]", text):
        char, at = match.group(), match.start()
        if char in "“«":
            marks.append((at, True))
        elif char in "”»":
            marks.append((at, False))
        else:
            before = text[at - 1] if at else " "
            after = text[match.end() : match.end() + 1]
            marks.append((at, (before.isspace() or before in "([—–") and after[:1] != " " and after != ""))
    return marks


def left_open(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the text, given whether one was open at its start."""
    state = open_before
    for _at, opens in quote_marks(text):
        state = opens
    return state


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(" ,;:—–"))
    piece = text[start:end].rstrip()
    if piece.endswith((".", "!", "?")) and not piece.endswith(("...", "U.S.", "Jr.", "Inc.")):
        piece = piece[:-1]
    piece = piece.rstrip(" ,;:—–")
    return start, start + len(piece)
