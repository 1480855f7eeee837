"""The redacted PDF rendition, built fresh: page images with PII burnt out + redacted text.

Never edits or copies the source file: each source page is rendered, the glyph
boxes of every redacted span are painted black into the pixels, and a new PDF
is written whose pages carry only that image and an invisible text layer of the
redacted text. Fails closed (``RedactionError``) if the result does not belong
to this document's text.
"""

from __future__ import annotations

import hashlib

import pypdfium2 as pdfium

from config import defaults
from models.errors import RedactionError
from models.finding import RedactionResult
from redaction.pdf_extract import PdfText
from redaction.pdf_layout import (
    Burn,
    LineAnchor,
    OffsetMap,
    check_result,
    line_anchors,
    redacted_boxes,
)
from redaction.pdf_limits import DEFAULT_LIMITS, Deadline, PdfLimits
from redaction.pdf_open import open_pdf
from redaction.pdf_raster import burn, place_lines, rasterise
from redaction.pdf_write import RenditionWriter

DEFAULT_DPI = defaults.PDF_DPI


def build_rendition(
    data: bytes,
    pdf_text: PdfText,
    result: RedactionResult,
    dpi: int = DEFAULT_DPI,
    *,
    password: str | None = None,
    ref: str = "",
    limits: PdfLimits = DEFAULT_LIMITS,
) -> bytes:
    """A new PDF: same page count and sizes, PII burnt out, redacted text searchable."""
    if not 18 <= dpi <= 600:
        raise ValueError("dpi out of range")
    if hashlib.sha256(data).hexdigest() != pdf_text.source_sha256:
        raise RedactionError(ref, "extracted text belongs to another file")
    check_result(pdf_text, result, ref)
    boxes = redacted_boxes(pdf_text, result)
    anchors = line_anchors(pdf_text, result, OffsetMap(result.replacements))
    deadline = limits.deadline(ref)
    doc = open_pdf(data, password, ref, limits)
    try:
        if len(doc) != pdf_text.page_count:
            raise RedactionError(ref, "page count differs from extraction")
        return _write(doc, boxes, anchors, dpi, limits, deadline)
    finally:
        doc.close()


def _write(
    doc: pdfium.PdfDocument,
    boxes: dict[int, list[Burn]],
    anchors: list[list[LineAnchor]],
    dpi: int,
    limits: PdfLimits,
    deadline: Deadline,
) -> bytes:
    writer = RenditionWriter()
    for index, page_anchors in enumerate(anchors):
        deadline.check()
        page = doc[index]
        raster = rasterise(page, dpi, deadline.ref, limits)
        burn(raster, boxes.get(index, []))
        lines = place_lines(raster, page_anchors)
        writer.add_page(raster.width, raster.height, raster.image, lines)
        page.close()
    return writer.output()
