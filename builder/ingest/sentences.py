"""Sentence boundaries with exact offsets into the file text."""

from __future__ import annotations

import pysbd

_LINE_BREAKS = str.maketrans("\r\n\u2028\u2029\x0b\x0c\x85", "       ")


class SentenceSplitter:
    """Split paragraphs into sentences; one instance is reused for a whole corpus."""

    def __init__(self) -> None:
        self._segmenter = pysbd.Segmenter(language="en", clean=False)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return (start, end) offsets of the sentences in text[start:end], covering all its words."""
        spans: list[tuple[int, int]] = []
        cursor = start
        # Line breaks inside a paragraph are hard wrapping, not boundaries; same length keeps offsets.
        text = text[:end].translate(_LINE_BREAKS)
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
    """Join a piece to the sentence before it when it has no letters or digits (a lone quote mark)
    or when nothing separates them (`<!--` is not the end of a sentence)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start == merged[-1][1] or not any(ch.isalnum() for ch in text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
