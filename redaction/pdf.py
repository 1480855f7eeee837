"""The PDF module's public face: extract text with glyph boxes, build the redacted
rendition, and the leak-gate helpers. pypdfium2, pypdf and fpdf2 live only in
``redaction/pdf_*.py``; callers import from here.

Typical use::

    pdf_text = extract(data, ref=doc_id)                 # detection runs on pdf_text.text
    result = ...                                         # RedactionResult over pdf_text.text
    rendition = build_rendition(data, pdf_text, result, ref=doc_id)
    problems = rendition_problems(rendition, expected_pages=pdf_text.page_count)
    second_pass_text = rendition_text(rendition, ref=doc_id)
"""

from __future__ import annotations

from typing import Protocol

from models.finding import RedactionResult
from redaction.pdf_chars import Box
from redaction.pdf_extract import PAGE_BREAK, PageBoxes, PageText, PdfText, extract
from redaction.pdf_gate import rendition_problems, rendition_text
from redaction.pdf_limits import DEFAULT_LIMITS, PdfLimits
from redaction.pdf_render import DEFAULT_DPI, build_rendition

__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_LIMITS",
    "PAGE_BREAK",
    "Box",
    "PageBoxes",
    "PageText",
    "PdfEngine",
    "PdfLimits",
    "PdfText",
    "PdfiumEngine",
    "build_rendition",
    "extract",
    "rendition_problems",
    "rendition_text",
]


class PdfEngine(Protocol):
    """What the pipeline needs from a PDF library (the real one is :class:`PdfiumEngine`)."""

    def extract(self, data: bytes, password: str | None = None, *, ref: str = "") -> PdfText: ...

    def build_rendition(
        self,
        data: bytes,
        pdf_text: PdfText,
        result: RedactionResult,
        password: str | None = None,
        *,
        ref: str = "",
    ) -> bytes: ...

    def rendition_text(self, pdf: bytes, ref: str = "") -> str: ...

    def rendition_problems(self, pdf: bytes, expected_pages: int | None = None) -> list[str]: ...


class PdfiumEngine:
    """pypdfium2 + fpdf2 to extract and build, pypdf to check; limits and dpi fixed per engine."""

    def __init__(self, dpi: int = DEFAULT_DPI, limits: PdfLimits = DEFAULT_LIMITS) -> None:
        self.dpi = dpi
        self.limits = limits

    def extract(self, data: bytes, password: str | None = None, *, ref: str = "") -> PdfText:
        return extract(data, password, ref=ref, limits=self.limits)

    def build_rendition(
        self,
        data: bytes,
        pdf_text: PdfText,
        result: RedactionResult,
        password: str | None = None,
        *,
        ref: str = "",
    ) -> bytes:
        return build_rendition(
            data, pdf_text, result, self.dpi, password=password, ref=ref, limits=self.limits
        )

    def rendition_text(self, pdf: bytes, ref: str = "") -> str:
        return rendition_text(pdf, ref)

    def rendition_problems(self, pdf: bytes, expected_pages: int | None = None) -> list[str]:
        return rendition_problems(pdf, expected_pages)
