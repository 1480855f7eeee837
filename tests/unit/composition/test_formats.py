"""The format registry from the settings: the PDF engine's and the containers' limits."""

from __future__ import annotations

from composition.formats import format_limits, format_registry
from config.settings import Settings
from formats.pdf import PdfFormat
from models.document import MediaType


def test_limits_follow_the_settings() -> None:
    settings = Settings(max_document_bytes=1234, pdf_max_pages=7, pdf_max_page_pixels=99_000)
    limits = format_limits(settings)
    assert (limits.max_bytes, limits.max_pages, limits.max_image_pixels) == (1234, 7, 99_000)
    pdf = format_registry(settings).get(MediaType.PDF)
    assert isinstance(pdf, PdfFormat) and pdf.engine.limits.max_pages == 7  # type: ignore[attr-defined]
