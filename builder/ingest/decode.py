"""Bytes to text: size limit, binary detection, encodings; every failure names the file and line."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from builder.model import Problem

_CONTROL = [chr(b) for b in range(32) if b not in (9, 10, 12, 13)]


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the warnings met while decoding."""

    text: str
    warnings: tuple[Problem, ...]


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _utf16_order(data: bytes) -> str | None:
    """`le` or `be` when the bytes read as UTF-16 text with no byte-order mark: mostly Latin text puts a
    NUL in every other byte (the odd ones for little-endian), and nowhere else."""
    if len(data) % 2 or len(data) < 8:
        return None
    even, odd = data[0::2], data[1::2]
    for order, zeros, letters in (("le", odd, even), ("be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and letters.count(0) == 0:
            return order
    return None


def decode(data: bytes, path: str) -> Decoded | Problem:
    """Decode a file's bytes, or return the error that rejects it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Problem(path, "error", f"UTF-16 text is broken: {exc.reason}")
        return _checked(text, path, ())
    if b"\x00" in data and (order := _utf16_order(data)):
        try:
            text = data.decode(f"utf-16-{order}")
        except UnicodeDecodeError:
            pass
        else:
            warning = Problem(
                path, "warning", f"UTF-16 without a byte-order mark: read as UTF-16 {order.upper()}"
            )
            return _checked(text, path, (warning,))
    if b"\x00" in data:
        return Problem(
            path, "error", "binary content (NUL bytes): not a text article", _line_of(data, data.index(0))
        )
    try:
        return _checked(data.decode("utf-8-sig"), path, ())
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        warning = Problem(
            path, "warning", f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); read as Windows-1252", line
        )
        return _checked(data.decode("cp1252", errors="replace"), path, (warning,))


def _checked(text: str, path: str, warnings: tuple[Problem, ...]) -> Decoded | Problem:
    if not text.strip():
        return Problem(path, "error", "empty file: no text to publish")
    controls = sum(text.count(ch) for ch in _CONTROL)
    if controls > max(8, len(text) // 100):
        return Problem(path, "error", f"binary content ({controls} control characters): not a text article")
    return Decoded(text, warnings)
