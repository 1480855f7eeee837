"""Render one page of a pulled PDF rendition, and find its text objects (pypdfium2).

Pages are opened lazily, one at a time, under a lock (PDFium is not thread-safe), so a
300-page scan costs the memory of one page image, not of the document.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from workbench.pages import Rect

_LOCK = threading.Lock()
_TEXT = [pdfium_c.FPDF_PAGEOBJ_TEXT]


def page_count(path: Path) -> int:
    with _LOCK:
        doc = pdfium.PdfDocument(path)
        try:
            return len(doc)
        finally:
            doc.close()


def render_png(path: Path, page: int, scale: float = 1.5) -> bytes:
    """Page ``page`` (0-based) as a PNG; ``IndexError`` if there is no such page."""
    with _LOCK:
        doc = pdfium.PdfDocument(path)
        try:
            if not 0 <= page < len(doc):
                raise IndexError(page)
            bitmap = doc[page].render(scale=scale)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            return buffer.getvalue()
        finally:
            doc.close()


def text_rects(path: Path, page: int) -> tuple[list[Rect], tuple[float, float]]:
    """The page's text objects (in content order) as top-left rectangles, and its size."""
    with _LOCK:
        doc = pdfium.PdfDocument(path)
        try:
            if not 0 <= page < len(doc):
                raise IndexError(page)
            pdf_page = doc[page]
            width, height = pdf_page.get_size()
            rects: list[Rect] = []
            for obj in pdf_page.get_objects(filter=_TEXT, max_depth=1):
                left, bottom, right, top = obj.get_bounds()
                rects.append((left, height - top, right, height - bottom))
            return rects, (width, height)
        finally:
            doc.close()
