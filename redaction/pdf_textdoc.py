"""A text laid out as a PDF whose every character's box is known: the reading copy that
formats without a page image of their own (e-mail) annotate for the client.

Courier (a core font, every glyph the same width) at fixed rows and columns, so the box of
``text[i]`` is computed, not extracted: a note's offsets into the text become highlight
quads exactly over its words (:func:`redaction.pdf_annotate.annotate_pdf`). Each part of
the text (parts are separated by form feeds: a message, an attachment) starts a page;
long lines wrap at the column limit and pages break at the row limit.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from fpdf import FPDF

from redaction.pdf_chars import Box
from redaction.pdf_extract import PAGE_BREAK, PageText, PdfText
from redaction.pdf_write import fold

WIDTH, HEIGHT = 612.0, 792.0  # US Letter, points
MARGIN = 36.0
SIZE = 9.0
ADVANCE = SIZE * 0.6  # Courier's advance width
LEADING = 11.0
COLUMNS = int((WIDTH - 2 * MARGIN) / ADVANCE)
ROWS = int((HEIGHT - 2 * MARGIN) / LEADING)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _Layout:
    """Walks the text char by char, assigning each a row and column (or no box)."""

    def __init__(self) -> None:
        self.pages: list[tuple[int, list[Box | None], list[str]]] = []
        self.row = 0
        self.col = 0

    def new_page(self, start: int) -> None:
        self.pages.append((start, [], [""]))
        self.row, self.col = 0, 0

    def next_row(self, offset: int) -> None:
        self.row, self.col = self.row + 1, 0
        if self.row >= ROWS:
            self.new_page(offset)
        else:
            self.pages[-1][2].append("")

    def place(self, offset: int, char: str) -> None:
        if char == PAGE_BREAK:
            self.pages[-1][1].append(None)
            self.new_page(offset + 1)
            return
        if char == "\n":
            self.pages[-1][1].append(None)
            self.next_row(offset + 1)
            return
        if self.col >= COLUMNS:
            self.next_row(offset)
        rows = self.pages[-1][2]
        rows[-1] += _drawn(char)
        self.pages[-1][1].append(_box(self.row, self.col))
        self.col += 1


def _drawn(char: str) -> str:
    """One core-font char for one text char, so columns stay aligned."""
    return " " if not char.isprintable() else (fold(char)[:1] or "?")


def _box(row: int, col: int) -> Box:
    left = MARGIN + col * ADVANCE
    top = HEIGHT - MARGIN - row * LEADING
    return (left, top - LEADING, left + ADVANCE, top)


def text_pdf(text: str) -> tuple[bytes, PdfText]:
    """The PDF of ``text`` and its layout as a ``PdfText`` over the very same text."""
    layout = _Layout()
    layout.new_page(0)
    for offset, char in enumerate(text):
        layout.place(offset, char)
    data = _write([rows for _start, _boxes, rows in layout.pages])
    pages = tuple(
        PageText(index, start, text[start : start + len(boxes)], tuple(boxes), WIDTH, HEIGHT, 0)
        for index, (start, boxes, _rows) in enumerate(layout.pages)
    )
    return data, PdfText(text, pages, hashlib.sha256(data).hexdigest())


def _write(pages: list[list[str]]) -> bytes:
    pdf = FPDF(unit="pt", format=(WIDTH, HEIGHT))
    pdf.set_producer("")
    pdf.set_creation_date(_EPOCH)
    pdf.set_auto_page_break(False)
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_font("Courier", size=SIZE)
    for rows in pages:
        pdf.add_page()
        for row, line in enumerate(rows):
            if line.strip():
                pdf.text(MARGIN, MARGIN + row * LEADING + SIZE, line)
    return bytes(pdf.output())
