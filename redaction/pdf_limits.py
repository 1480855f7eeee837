"""Hostile-input limits for PDFs: checked before and while a PDF is parsed or rendered.

Size breaches raise :class:`DocumentTooLarge`; glyphs PDFium cannot map to Unicode
(text a detector cannot read but a reviewer would see rendered) raise
:class:`UnsupportedDocument`. Errors carry the caller's document id only.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import DocumentTooLarge, UnsupportedDocument

MiB = 1024 * 1024


@dataclass(frozen=True)
class PdfLimits:
    """Upper bounds for one PDF. Defaults suit ordinary legal and medical documents."""

    max_bytes: int = 50 * MiB
    max_pages: int = 500
    max_chars_per_page: int = 200_000
    max_page_points: float = 14_400.0  # PDF's own maximum page side (200 in)
    max_page_pixels: int = 60_000_000  # one rendered page, width * height
    max_unmapped_chars: int = 0  # glyphs without a Unicode mapping, per document

    def check_bytes(self, size: int, ref: str) -> None:
        if size > self.max_bytes:
            raise DocumentTooLarge(ref, "document exceeds byte limit")

    def check_pages(self, count: int, ref: str) -> None:
        if count > self.max_pages:
            raise DocumentTooLarge(ref, "document exceeds page limit")

    def check_chars(self, count: int, ref: str) -> None:
        if count > self.max_chars_per_page:
            raise DocumentTooLarge(ref, "page exceeds character limit")

    def check_page_size(self, width: float, height: float, ref: str) -> None:
        if max(width, height) > self.max_page_points:
            raise DocumentTooLarge(ref, "page exceeds size limit")

    def check_pixels(self, width: int, height: int, ref: str) -> None:
        if width * height > self.max_page_pixels:
            raise DocumentTooLarge(ref, "rendered page exceeds pixel limit")

    def check_unmapped(self, count: int, ref: str) -> None:
        if count > self.max_unmapped_chars:
            raise UnsupportedDocument(ref, "glyphs without unicode mapping")


DEFAULT_LIMITS = PdfLimits()
