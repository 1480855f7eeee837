"""A PDF written object by object to a file as pages come: nothing but the current page
is held in memory, so a 300-page rendition costs what one page costs.

The low-level half of :mod:`redaction.pdf_write`: numbered objects, each written at once
with its offset noted, then the page tree, the catalogue, the cross-reference table and
the trailer. No document information, no XMP, no ID: nothing but what the pages need.
The file is an anonymous temporary file (no name on disk, gone when closed).
"""

from __future__ import annotations

import io
import struct
import tempfile
import zlib
from typing import BinaryIO

from PIL import Image

PAGES_OBJ = 1
CATALOG_OBJ = 2
FONT_OBJ = 3
_FIRST_FREE = 4
_HEADER = b"%PDF-1.4\n%\xe9\xeb\xf1\xbf\n"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


class PdfStream:
    """Numbered objects appended to an anonymous temporary file."""

    def __init__(self) -> None:
        self._file: BinaryIO = tempfile.TemporaryFile()  # noqa: SIM115 - closed in finish()
        self._offsets: dict[int, int] = {}
        self._next = _FIRST_FREE
        self.kids: list[int] = []
        self._file.write(_HEADER)
        self.put(FONT_OBJ, _FONT)

    def reserve(self) -> int:
        number = self._next
        self._next += 1
        return number

    def put(self, number: int, body: bytes) -> None:
        self._offsets[number] = self._file.tell()
        self._file.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    def put_stream(self, number: int, entries: bytes, data: bytes) -> None:
        head = b"<< " + entries + b" /Length %d >>\nstream\n" % len(data)
        self.put(number, head + data + b"\nendstream")

    def finish(self) -> bytes:
        """The page tree, catalogue, xref and trailer; the whole file's bytes; file closed."""
        kids = b" ".join(b"%d 0 R" % kid for kid in self.kids)
        self.put(PAGES_OBJ, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.kids)))
        self.put(CATALOG_OBJ, b"<< /Type /Catalog /Pages %d 0 R >>" % PAGES_OBJ)
        xref = self._file.tell()
        size = self._next
        rows = [b"0000000000 65535 f \n"]
        rows += [b"%010d 00000 n \n" % self._offsets[n] for n in range(1, size)]
        self._file.write(b"xref\n0 %d\n" % size + b"".join(rows))
        trailer = b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        self._file.write(trailer % (size, CATALOG_OBJ, xref))
        try:
            self._file.seek(0)
            return self._file.read()
        finally:
            self._file.close()

    def close(self) -> None:
        self._file.close()


def image_stream(image: Image.Image) -> tuple[bytes, bytes]:
    """An RGB or grey image as a Flate stream with PNG predictors: (dictionary entries, data).

    PIL's PNG encoder filters rows and deflates them; the IDAT chunks are exactly the
    stream a PDF reader decodes with ``/Predictor 15``."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    colours, space = (3, b"/DeviceRGB") if image.mode == "RGB" else (1, b"/DeviceGray")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    entries = (
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s"
        b" /BitsPerComponent 8 /Filter /FlateDecode"
        b" /DecodeParms << /Predictor 15 /Colors %d /Columns %d /BitsPerComponent 8 >>"
    ) % (image.width, image.height, space, colours, image.width)
    return entries, _idat(buffer.getvalue())


def _idat(png: bytes) -> bytes:
    """The concatenated IDAT chunk data of a PNG file."""
    chunks: list[bytes] = []
    at = 8  # after the signature
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(png[at + 8 : at + 8 + length])
        at += 12 + length
    return b"".join(chunks)


def deflate(data: bytes) -> bytes:
    return zlib.compress(data, 6)
