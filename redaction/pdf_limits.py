"""Hostile-input limits for PDFs: checked before and while a PDF is parsed or rendered.

Size breaches raise :class:`DocumentTooLarge`; glyphs PDFium cannot map to Unicode
(text a detector cannot read but a reviewer would see rendered) raise
:class:`UnsupportedDocument`. Errors carry the caller's document id only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from config import defaults
from models.errors import DocumentTimeout, DocumentTooLarge, UnsupportedDocument


@dataclass(frozen=True)
class PdfLimits:
    """Upper bounds for one PDF. Defaults suit ordinary legal and medical documents."""

    max_bytes: int = defaults.MAX_DOCUMENT_BYTES
    max_pages: int = defaults.PDF_MAX_PAGES
    max_chars_per_page: int = 200_000
    max_page_points: float = 14_400.0  # PDF's own maximum page side (200 in)
    max_page_pixels: int = defaults.PDF_MAX_PAGE_PIXELS
    max_unmapped_chars: int = 0  # glyphs without a Unicode mapping, per document
    max_seconds: float = defaults.PDF_TIME_LIMIT_SECONDS
    max_stream_bytes: int = defaults.PDF_MAX_STREAM_BYTES
    max_decoded_bytes: int = defaults.PDF_MAX_DECODED_BYTES
    max_image_pixels: int = defaults.PDF_MAX_IMAGE_PIXELS
    ocr_page_seconds: float = defaults.PDF_OCR_PAGE_SECONDS

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

    def check_stream(self, size: int, ref: str) -> None:
        if size > self.max_stream_bytes:
            raise DocumentTooLarge(ref, "decompressed stream exceeds limit")

    def check_decoded(self, total: int, ref: str) -> None:
        if total > self.max_decoded_bytes:
            raise DocumentTooLarge(ref, "decompressed content exceeds limit")

    def check_image(self, width: int, height: int, ref: str) -> None:
        if width * height > self.max_image_pixels:
            raise DocumentTooLarge(ref, "embedded image exceeds pixel limit")

    def deadline(self, ref: str) -> Deadline:
        return Deadline(time.monotonic() + self.max_seconds, ref)


@dataclass(frozen=True)
class Deadline:
    """A checked deadline: the PDF loops call :meth:`check` between pages and streams."""

    at: float  # time.monotonic() value
    ref: str

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise DocumentTimeout(self.ref)

    def extended(self, seconds: float) -> Deadline:
        """The deadline moved by ``seconds`` (each OCR'd page earns its own time)."""
        return Deadline(self.at + seconds, self.ref)


DEFAULT_LIMITS = PdfLimits()
