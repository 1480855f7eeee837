"""TIFF, PNG and JPEG: the pages become an image-only PDF (``redaction.pdf_images``) and
go through the PDF format, so OCR reads them, spans are burned out, the rendition gets
an invisible redacted text layer and the pixel gate reads it back. The client's
annotated copy is that rebuilt PDF (an image cannot carry annotations)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from formats.image_read import pages
from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.pdf import PdfFormat
from formats.ports import Note, OpenContext, Opened, Region
from models.document import MediaType
from models.finding import RedactionResult
from redaction.pdf_images import images_to_pdf
from redaction.ports import Detector


class ImageFormat:
    rendition_type = MediaType.PDF
    takes_passwords = False
    deliverable_suffix: str | None = ".pdf"

    def __init__(
        self, media_type: MediaType, pdf: PdfFormat, limits: FormatLimits = DEFAULT_FORMAT_LIMITS
    ) -> None:
        self.media_type = media_type
        self.pdf = pdf
        self.limits = limits

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        rebuilt = images_to_pdf(pages(data, ctx.ref, self.limits))
        return replace(self.pdf.open(rebuilt, OpenContext(ctx.ref)), data=rebuilt)

    def locate(self, opened: Opened, start: int, end: int) -> list[Region]:
        return self.pdf.locate(opened, start, end)

    def render(self, opened: Opened, result: RedactionResult) -> bytes:
        return self.pdf.render(opened, result)

    def reread(self, rendition: bytes, ref: str) -> list[str]:
        return self.pdf.reread(rendition, ref)

    def gate(
        self, rendition: bytes, opened: Opened, result: RedactionResult, detector: Detector
    ) -> list[str]:
        return self.pdf.gate(rendition, opened, result, detector)

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        return self.pdf.annotate(opened, notes)
