"""Hostile-input limits for the container formats (Word packages, e-mail, images).

A Word file is a ZIP: entries, total uncompressed size and compression ratio are checked
from the central directory before anything is inflated, and every part is read with a
cap. Images are checked on their header's size before any pixel is decoded. Breaches
raise ``DocumentTooLarge`` with the document id only.
"""

from __future__ import annotations

from dataclasses import dataclass

from config import defaults
from models.errors import DocumentTooLarge

MiB = 1024 * 1024


@dataclass(frozen=True)
class FormatLimits:
    max_bytes: int = defaults.MAX_DOCUMENT_BYTES
    zip_max_entries: int = 2_000
    zip_max_total: int = 256 * MiB  # all entries, uncompressed
    zip_max_part: int = 64 * MiB  # one XML part, uncompressed
    zip_max_ratio: float = 200.0  # uncompressed / compressed, per entry
    max_pages: int = defaults.PDF_MAX_PAGES
    max_image_pixels: int = defaults.PDF_MAX_PAGE_PIXELS  # one image page, width * height
    max_attachments: int = 50
    max_depth: int = 3  # messages inside messages
    max_chars: int = 20_000_000  # the text of one document

    def check_pages(self, count: int, ref: str) -> None:
        if count > self.max_pages:
            raise DocumentTooLarge(ref, "document exceeds page limit")

    def check_pixels(self, width: int, height: int, ref: str) -> None:
        if width <= 0 or height <= 0 or width * height > self.max_image_pixels:
            raise DocumentTooLarge(ref, "image exceeds pixel limit")

    def check_chars(self, count: int, ref: str) -> None:
        if count > self.max_chars:
            raise DocumentTooLarge(ref, "document text exceeds character limit")


DEFAULT_FORMAT_LIMITS = FormatLimits()
