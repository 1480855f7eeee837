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

from collections.abc import Iterator, Sequence
from typing import Protocol

from config.settings import Settings
from models.errors import EncryptedDocument
from models.finding import Finding, RedactionResult
from redaction.leakcheck import TextDetector
from redaction.ocr import OcrPage, OcrPort
from redaction.pdf_burnmask import PageBurns
from redaction.pdf_chars import Box
from redaction.pdf_covered import COVERED_LABEL
from redaction.pdf_extract import PAGE_BREAK, PageBoxes, PageText, PdfText, extract
from redaction.pdf_gate import (
    pdftotext_available,
    pdftotext_text,
    rendition_problems,
    rendition_text,
)
from redaction.pdf_limits import DEFAULT_LIMITS, PdfLimits
from redaction.pdf_pixels import gate_dpi, read_pages
from redaction.pdf_quiet import install as _quiet_pdf_libraries
from redaction.pdf_render import DEFAULT_DPI, build_rendition

_quiet_pdf_libraries()  # library warnings quote document bytes: withheld in every process

__all__ = [
    "COVERED_LABEL",
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
    "WithFindings",
    "build_rendition",
    "covered_findings",
    "extract",
    "pdftotext_available",
    "pdftotext_text",
    "rendition_problems",
    "rendition_text",
]


class PdfEngine(Protocol):
    """What the pipeline needs from a PDF library (the real one is :class:`PdfiumEngine`)."""

    limits: PdfLimits

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

    def second_texts(self, pdf: bytes, ref: str = "") -> list[str]: ...

    def pixel_pages(
        self, pdf: bytes, ref: str = "", burns: PageBurns | None = None
    ) -> Iterator[OcrPage]: ...

    def open_text(
        self, data: bytes, passwords: Sequence[str] = (), *, ref: str = ""
    ) -> tuple[PdfText, str | None]: ...


class PdfiumEngine:
    """pypdfium2 + fpdf2 to extract and build, pypdf to check, OCR to read scans and pixels.

    ``ocr`` defaults to the real engine (RapidOCR); limits and dpi are fixed per engine.
    """

    def __init__(
        self, dpi: int = DEFAULT_DPI, limits: PdfLimits = DEFAULT_LIMITS, ocr: OcrPort | None = None
    ) -> None:
        self.dpi = dpi
        self.limits = limits
        self._ocr = ocr

    @property
    def ocr(self) -> OcrPort:
        if self._ocr is None:
            from redaction.ocr_rapid import RapidOcrEngine

            self._ocr = RapidOcrEngine()
        return self._ocr

    @classmethod
    def from_settings(cls, settings: Settings) -> PdfiumEngine:
        limits = PdfLimits(
            max_bytes=settings.max_document_bytes,
            max_pages=settings.pdf_max_pages,
            max_seconds=settings.pdf_time_limit_seconds,
            max_stream_bytes=settings.pdf_max_stream_bytes,
            max_decoded_bytes=settings.pdf_max_decoded_bytes,
            max_page_pixels=settings.pdf_max_page_pixels,
            max_image_pixels=settings.pdf_max_image_pixels,
        )
        return cls(settings.pdf_dpi, limits)

    def open_text(
        self, data: bytes, passwords: Sequence[str] = (), *, ref: str = ""
    ) -> tuple[PdfText, str | None]:
        """Extract, trying no password, then each of the matter's sealed passwords."""
        for password in (None, *passwords):
            try:
                return self.extract(data, password, ref=ref), password
            except EncryptedDocument:
                continue
        raise EncryptedDocument(ref)

    def extract(self, data: bytes, password: str | None = None, *, ref: str = "") -> PdfText:
        return extract(data, password, ref=ref, limits=self.limits, ocr=self.ocr)

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

    def second_texts(self, pdf: bytes, ref: str = "") -> list[str]:
        """The rendition's text by independent extractors: pypdf, and pdftotext if installed."""
        texts = [rendition_text(pdf, ref)]
        poppler = pdftotext_text(pdf, ref, timeout=self.limits.max_seconds)
        return texts if poppler is None else [*texts, poppler]

    def pixel_pages(
        self, pdf: bytes, ref: str = "", burns: PageBurns | None = None
    ) -> Iterator[OcrPage]:
        """What a reviewer sees: each rendition page rendered and read back by OCR, one
        page at a time (the caller checks each page before the next is rendered), our own
        burned boxes masked (``burns``, see :mod:`redaction.pdf_burnmask`)."""
        return read_pages(pdf, self.ocr, gate_dpi(self.dpi), self.limits, ref, burns)


def covered_findings(pdf_text: PdfText) -> list[Finding]:
    """Text under a client's own black boxes, as findings: it is redacted, never trusted."""
    return [
        Finding(lo, hi, COVERED_LABEL, 1.0, "pdf:covered") for lo, hi in pdf_text.covered_spans()
    ]


class WithFindings:
    """A detector that always adds ``extra`` findings when it runs on ``text`` itself."""

    def __init__(self, inner: TextDetector, text: str, extra: Sequence[Finding]) -> None:
        self._inner = inner
        self._text = text
        self._extra = list(extra)

    def _plus(self, text: str, found: list[Finding]) -> list[Finding]:
        return [*found, *self._extra] if text == self._text else found

    def detect(self, text: str) -> list[Finding]:
        return self._plus(text, list(self._inner.detect(text)))

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return self._plus(text, list(self._inner.finalize(text, findings)))
