"""Write a brand-new PDF from page images plus an invisible text layer.

Nothing of the source file is copied: each page is one image and a few lines of
invisible (render mode 3) text in the core Helvetica font, so reviewers can search and
select. Pages go to an anonymous temporary file as they are added
(:mod:`redaction.pdf_stream`), so the writer holds one page at a time, never the whole
rendition. No document information, XMP, outlines, attachments, forms, annotations or
actions. fpdf2 is used only for the core font's string widths.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from fpdf import FPDF
from PIL import Image

from redaction.pdf_stream import FONT_OBJ, PAGES_OBJ, PdfStream, deflate, image_stream

_ENCODING = "windows-1252"  # core fonts need no embedded font file
_FONT = "Helvetica"
_EDGE = 2.0  # points kept free at the right edge of the page
_MIN_SIZE = 1.0
_NO_DECOMPOSITION = str.maketrans("ŁłĐđĦħıŀĿ", "LlDdHhilL")
_ESCAPES = {ord("\\"): b"\\\\", ord("("): b"\\(", ord(")"): b"\\)"}


@dataclass(frozen=True)
class TextLine:
    """One line of the invisible text layer, in points from the page's top-left corner."""

    text: str
    x: float
    baseline: float
    size: float


class RenditionWriter:
    """Writes pages one at a time (each image compressed and written as it is added)."""

    def __init__(self) -> None:
        metrics = FPDF(unit="pt")
        metrics.core_fonts_encoding = _ENCODING
        self._metrics = metrics
        self._stream = PdfStream()
        self.pages = 0

    def add_page(
        self, width: float, height: float, image: Image.Image, lines: list[TextLine]
    ) -> None:
        stream = self._stream
        picture, page, content = stream.reserve(), stream.reserve(), stream.reserve()
        stream.put_stream(picture, *image_stream(image))
        ops = [b"q %.2f 0 0 %.2f 0 0 cm /I1 Do Q" % (width, height)]
        ops += [self._text_op(line, width, height) for line in lines]
        stream.put_stream(content, b"/Filter /FlateDecode", deflate(b"\n".join(ops)))
        resources = b"<< /Font << /F1 %d 0 R >> /XObject << /I1 %d 0 R >> >>" % (
            FONT_OBJ,
            picture,
        )
        entries = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources %s"
        body = entries % (PAGES_OBJ, width, height, resources) + b" /Contents %d 0 R >>" % content
        stream.put(page, body)
        stream.kids.append(page)
        self.pages += 1

    def _text_op(self, line: TextLine, width: float, height: float) -> bytes:
        text = fold(line.text)
        size = line.size
        self._metrics.set_font(_FONT, size=size)
        room = width - line.x - _EDGE
        wide = self._metrics.get_string_width(text)
        if wide > room > 0:  # a token longer than its value: shrink, never run off the page
            size = max(size * room / wide, _MIN_SIZE)
        encoded = text.encode(_ENCODING)
        literal = b"".join(_ESCAPES.get(byte, bytes((byte,))) for byte in encoded)
        place = (size, line.x, height - line.baseline)
        return b"BT /F1 %.2f Tf %.2f %.2f Td 3 Tr (" % place + literal + b") Tj ET"

    def output(self) -> bytes:
        if not self.pages:  # a PDF needs a page; callers never pass an empty document
            self._stream.close()
            raise ValueError("no pages")
        return self._stream.finish()


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
