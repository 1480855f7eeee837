"""The document formats from the settings: the PDF engine (dpi, hostile-input limits) and
the container limits (Word packages, e-mail, images). Used by the pipeline's services and
by the CLI's local commands (detect, extract, redact)."""

from __future__ import annotations

from config.settings import Settings
from formats.limits import FormatLimits
from formats.registry import FormatRegistry, build_registry
from redaction.pdf import PdfiumEngine


def format_limits(settings: Settings) -> FormatLimits:
    return FormatLimits(
        max_bytes=settings.max_document_bytes,
        max_pages=settings.pdf_max_pages,
        max_image_pixels=settings.pdf_max_page_pixels,
    )


def pdf_engine(settings: Settings) -> PdfiumEngine:
    return PdfiumEngine.from_settings(settings)


def format_registry(settings: Settings) -> FormatRegistry:
    return build_registry(pdf_engine(settings), format_limits(settings))
