"""Write a brand-new PDF from page images plus an invisible text layer (fpdf2).

Nothing of the source file is copied: each page is one image and a few lines of
invisible (render mode 3) text, so reviewers can search and select. The writer
sets no document information (no producer, a fixed epoch creation date), no XMP,
no outlines, attachments, forms, annotations or actions.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ENCODING = "windows-1252"  # core fonts need no embedded font file
_FONT = "Helvetica"
_EDGE = 2.0  # points kept free at the right edge of the page
_MIN_SIZE = 1.0
_NO_DECOMPOSITION = str.maketrans("ŁłĐđĦħıŀĿ", "LlDdHhilL")


@dataclass(frozen=True)
class TextLine:
    """One line of the invisible text layer, in points from the page's top-left corner."""

    text: str
    x: float
    baseline: float
    size: float


class RenditionWriter:
    """Collects pages one at a time (images are compressed as they are added)."""

    def __init__(self) -> None:
        pdf = FPDF(unit="pt")
        pdf.set_producer("")
        pdf.set_creation_date(EPOCH)
        pdf.set_auto_page_break(False)
        pdf.set_compression(True)
        pdf.core_fonts_encoding = _ENCODING
        self._pdf = pdf
        self.pages = 0

    def add_page(
        self, width: float, height: float, image: Image.Image, lines: list[TextLine]
    ) -> None:
        pdf = self._pdf
        pdf.add_page(format=(width, height))
        pdf.image(image, x=0, y=0, w=width, h=height)
        pdf.text_mode = TextMode.INVISIBLE
        for line in lines:
            text = fold(line.text)
            pdf.set_font(_FONT, size=line.size)
            room = width - line.x - _EDGE
            wide = pdf.get_string_width(text)
            if wide > room > 0:  # a token longer than its value: shrink, never run off the page
                pdf.set_font(_FONT, size=max(line.size * room / wide, _MIN_SIZE))
            pdf.text(line.x, line.baseline, text)
        pdf.text_mode = TextMode.FILL
        self.pages += 1

    def output(self) -> bytes:
        if not self.pages:  # a PDF needs a page; callers never pass an empty document
            raise ValueError("no pages")
        buffer = io.BytesIO()
        self._pdf.output(buffer)
        return buffer.getvalue()


def fold(text: str) -> str:
    """Map text onto what a core font can show: cp1252 as is, else base letters, else '?'."""
    return "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    if _encodable(char):
        return char
    decomposed = unicodedata.normalize("NFKD", char.translate(_NO_DECOMPOSITION))
    base = "".join(c for c in decomposed if _encodable(c))
    base = "".join(c for c in base if not unicodedata.combining(c))
    return base or "?"


def _encodable(char: str) -> bool:
    try:
        char.encode(_ENCODING)
    except UnicodeEncodeError:
        return False
    return char.isprintable() or char == " "
