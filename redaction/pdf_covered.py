"""Incoming bad redactions: extractable characters that a client's black box only covers.

A filled dark rectangle drawn over text hides it on screen but the characters are still
in the file, so "already redacted" text is really PII in plain sight of any extractor.
A char counts as covered when the centre of its box lies inside a dark filled path and
either the path is painted after the char's text object or the char itself is dark
(black on black). Light text on a dark band painted first (a header bar) is visible and
not covered.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from redaction.pdf_chars import Box

_DARK = 80  # every RGB channel at or below this is "dark"
_OPAQUE = 200  # alpha at or above this hides what is under it
_MIN_SIDE = 2.0  # points: thinner paths are rules and underlines, not boxes
_COVERED_LABEL = "COVERED_TEXT"


@dataclass(frozen=True)
class DarkBox:
    box: Box
    order: int  # paint order on the page


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _fill(obj: pdfium.PdfObject) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return (255, 255, 255, 0)
    return (r.value, g.value, b.value, a.value)


def _is_dark(rgba: tuple[int, int, int, int]) -> bool:
    return max(rgba[:3]) <= _DARK and rgba[3] >= _OPAQUE


def _is_filled(obj: pdfium.PdfObject) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(obj, mode, stroke)) and mode.value != 0


def scan_objects(page: pdfium.PdfPage) -> tuple[list[DarkBox], dict[int, int]]:
    """Dark filled boxes on the page, and the paint order of every text object."""
    boxes: list[DarkBox] = []
    text_order: dict[int, int] = {}
    for order, obj in enumerate(page.get_objects()):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            text_order[_address(obj.raw)] = order
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and _is_filled(obj) and _is_dark(_fill(obj)):
            left, bottom, right, top = obj.get_bounds()
            if right - left >= _MIN_SIDE and top - bottom >= _MIN_SIDE:
                boxes.append(DarkBox((left, bottom, right, top), order))
    return boxes, text_order


def _char_is_dark(textpage: pdfium.PdfTextPage, index: int) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFText_GetFillColor(textpage, index, r, g, b, a):
        return False
    return _is_dark((r.value, g.value, b.value, a.value))


def _inside(box: Box, dark: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return dark[0] <= cx <= dark[2] and dark[1] <= cy <= dark[3]


def covered_chars(
    textpage: pdfium.PdfTextPage,
    boxes: list[Box | None],
    dark: list[DarkBox],
    text_order: dict[int, int],
) -> set[int]:
    """Indices (into PDFium's char list) of chars hidden under a dark box."""
    if not dark:
        return set()
    found: set[int] = set()
    for index, box in enumerate(boxes):
        hits = [d for d in dark if box is not None and _inside(box, d.box)]
        if not hits:
            continue
        owner = pdfium_c.FPDFText_GetTextObject(textpage, index)
        order = text_order.get(_address(owner), -1)
        if any(d.order > order for d in hits) or _char_is_dark(textpage, index):
            found.add(index)
    return found


def covered_spans(text: str, covered: tuple[int, ...]) -> list[tuple[int, int]]:
    """Runs of covered chars (gaps of whitespace inside a run are bridged), trimmed."""
    spans: list[tuple[int, int]] = []
    marks = set(covered)
    i = 0
    while i < len(text):
        if i not in marks or text[i].isspace():
            i += 1
            continue
        start = end = i
        while i < len(text) and (i in marks or (text[i] in " \t" and _next_marked(text, i, marks))):
            if i in marks and not text[i].isspace():
                end = i + 1
            i += 1
        spans.append((start, end))
    return spans


def _next_marked(text: str, i: int, marks: set[int]) -> bool:
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and j in marks


COVERED_LABEL = _COVERED_LABEL
