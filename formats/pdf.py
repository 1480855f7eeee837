"""PDF: the engine in ``redaction.pdf`` (PDFium extraction with OCR of scanned pages,
the rasterised rendition with an invisible redacted text layer, the structure, text and
pixel gate) and ``redaction.pdf_annotate`` for the client's annotated copy."""

from __future__ import annotations

from collections.abc import Sequence

from formats.ports import Note, OpenContext, Opened, Region
from models.document import MediaType
from models.errors import CorruptDocument
from models.finding import RedactionResult
from redaction import pdf
from redaction.gate import gate_pdf
from redaction.pdf_annotate import annotate_pdf
from redaction.pdf_burnmask import shown_burns
from redaction.ports import Detector

_WRITER_ERRORS = (TypeError, AttributeError, IndexError, RecursionError, OSError)


class PdfFormat:
    media_type = MediaType.PDF
    rendition_type = MediaType.PDF
    takes_passwords = True
    deliverable_suffix: str | None = ".pdf"

    def __init__(self, engine: pdf.PdfEngine | None = None) -> None:
        self.engine = engine or pdf.PdfiumEngine()

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        parsed, password = self.engine.open_text(data, ctx.passwords, ref=ctx.ref)
        extra = tuple(pdf.covered_findings(parsed))  # a client's own black boxes: redacted
        return Opened(ctx.ref, data, parsed.text, parsed.page_count, parsed, password, extra)

    def locate(self, opened: Opened, start: int, end: int) -> list[Region]:
        found = opened.native.locate(start, end)
        return [Region(p.page_index + 1, b) for p in found for b in p.boxes]

    def render(self, opened: Opened, result: RedactionResult) -> bytes:
        return self.engine.build_rendition(
            opened.data, opened.native, result, opened.password, ref=opened.ref
        )

    def reread(self, rendition: bytes, ref: str) -> list[str]:
        return self.engine.second_texts(rendition, ref)

    def gate(
        self, rendition: bytes, opened: Opened, result: RedactionResult, detector: Detector
    ) -> list[str]:
        burns = shown_burns(
            opened.data, opened.native, result, opened.password, opened.ref, self.engine.limits
        )
        return gate_pdf(rendition, result, detector, opened.pages, self.engine, burns)

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        try:
            return annotate_pdf(opened.data, opened.native, notes, opened.ref, opened.password)
        except _WRITER_ERRORS as exc:  # pypdf on a file only PDFium could read
            raise CorruptDocument(opened.ref, "cannot annotate the original PDF") from exc
