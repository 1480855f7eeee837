"""One page's characters from PDFium, with a glyph box per Python ``str`` index.

PDFium's text API indexes an internal char list that includes generated chars
(``\\r\\n`` between lines, spaces between words) and may hold UTF-16 surrogate
halves. Reading the list one char at a time and normalising here (CRLF -> LF,
surrogate pairs joined, form feeds blanked) keeps a box for every char of the
text detection sees, so ``text[i]`` always has ``boxes[i]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (page space)

_REPLACEMENT = "\ufffd"
_SUBSTITUTES = {"\f": " ", "\x02": "-", "\x00": _REPLACEMENT}


@dataclass(frozen=True)
class RawChar:
    char: str
    box: Box | None  # None for generated chars and chars PDFium cannot place
    unmapped: bool
    covered: bool = False  # hidden under a dark box drawn by the client (still extractable)


@dataclass(frozen=True)
class PageChars:
    text: str
    boxes: tuple[Box | None, ...]
    unmapped: int
    covered: tuple[int, ...] = ()  # indices into text of chars under a client's dark box


def read_raw_chars(
    textpage: pdfium.PdfTextPage, covered: Callable[[list[Box | None]], set[int]] | None = None
) -> list[RawChar]:
    """Every entry of PDFium's char list, in order; ``covered`` marks hidden chars."""
    raw = [_raw_char(textpage, i) for i in range(textpage.count_chars())]
    hidden = covered([c.box for c in raw]) if covered is not None else set()
    return [replace(c, covered=True) if i in hidden else c for i, c in enumerate(raw)]


def _raw_char(textpage: pdfium.PdfTextPage, index: int) -> RawChar:
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    char = chr(code) if 0 <= code <= 0x10FFFF else _REPLACEMENT
    generated = pdfium_c.FPDFText_IsGenerated(textpage, index) == 1
    unmapped = pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1
    return RawChar(char, None if generated else _box(textpage, index), unmapped)


def _box(textpage: pdfium.PdfTextPage, index: int) -> Box | None:
    """The loose box: full font height, so burnt boxes cover ascenders and descenders."""
    try:
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
    except pdfium.PdfiumError:
        return None
    if right <= left or top <= bottom:
        return None
    return (left, bottom, right, top)


def normalise(raw: list[RawChar]) -> PageChars:
    """CRLF and lone CR -> LF, surrogate pairs -> one char, page-breaking chars blanked."""
    chars: list[str] = []
    boxes: list[Box | None] = []
    covered: list[int] = []
    i = 0
    while i < len(raw):
        char, box, step = _next_char(raw, i)
        if any(c.covered for c in raw[i : i + step]):
            covered.append(len(chars))
        chars.append(char)
        boxes.append(box)
        i += step
    unmapped = sum(1 for c in raw if c.unmapped)
    return PageChars("".join(chars), tuple(boxes), unmapped, tuple(covered))


def _next_char(raw: list[RawChar], i: int) -> tuple[str, Box | None, int]:
    cur = raw[i]
    nxt = raw[i + 1] if i + 1 < len(raw) else None
    if cur.char == "\r":
        return "\n", cur.box, 2 if nxt is not None and nxt.char == "\n" else 1
    if _is_high(cur.char) and nxt is not None and _is_low(nxt.char):
        joined = chr(0x10000 + ((ord(cur.char) - 0xD800) << 10) + (ord(nxt.char) - 0xDC00))
        return joined, union([b for b in (cur.box, nxt.box) if b is not None]), 2
    if _is_high(cur.char) or _is_low(cur.char):
        return _REPLACEMENT, cur.box, 1
    return _SUBSTITUTES.get(cur.char, cur.char), cur.box, 1


def _is_high(char: str) -> bool:
    return "\ud800" <= char <= "\udbff"


def _is_low(char: str) -> bool:
    return "\udc00" <= char <= "\udfff"


def union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
