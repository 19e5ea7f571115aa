"""Sentence boundaries with exact offsets into the file text."""

from __future__ import annotations

import re

import pysbd

_WORDS = re.compile(r"\S+")


class SentenceSplitter:
    """Split paragraphs into sentences; one instance is reused for a whole corpus."""

    def __init__(self) -> None:
        self._segmenter = pysbd.Segmenter(language="en", clean=False)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return (start, end) offsets of the sentences in text[start:end], covering all its words."""
        spans: list[tuple[int, int]] = []
        cursor = start
        for segment in self._segmenter.segment(text[start:end]):
            piece = segment.strip()
            if not piece:
                continue
            found = text.find(piece, cursor, end)
            if found < 0:
                # The segmenter changed the text: stop trusting it and keep the rest whole.
                break
            spans.append((found, found + len(piece)))
            cursor = found + len(piece)
        rest = text[cursor:end]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            spans.append((cursor + lead, cursor + len(rest.rstrip())))
        return _merge_fragments(text, spans)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece with no letters or digits (a lone quote mark) to the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(ch.isalnum() for ch in text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
