"""The pixel side of the leak gate: what a reviewer would see on each rendition page.

Every page of a finished rendition is rendered (PDFium) and read back by OCR, so text that
is visible but not in the text layer (a stamp, a signature image, a font whose Unicode map
lies) is checked like extracted text. ``layer_mismatch`` names a page whose visible words
are missing from the redacted text layer. Returns texts and codes, never logs them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
from PIL import Image

from models.errors import CorruptDocument
from models.finding import Finding, RedactionResult
from redaction.leakcheck import TextDetector
from redaction.ocr import OcrPage, OcrPort
from redaction.operators import TOKEN
from redaction.pdf_burnmask import PageBurns, mask_burns
from redaction.pdf_limits import PdfLimits
from redaction.pdf_ocr import layer_lacks, read_upright, squash

NAME_LABELS = frozenset({"PERSON"})
MIN_PART = 4  # letters: shorter name parts are too common to search for on their own
MIN_GATE_DPI = 100  # renditions are read at their own dpi, never below this
MAX_GATE_DPI = 200


def gate_dpi(rendition_dpi: int) -> int:
    return min(max(rendition_dpi, MIN_GATE_DPI), MAX_GATE_DPI)


def read_pages(
    rendition: bytes,
    ocr: OcrPort,
    dpi: int,
    limits: PdfLimits,
    ref: str = "",
    burns: PageBurns | None = None,
) -> Iterator[OcrPage]:
    """Every page of ``rendition`` read by OCR, in page order, one at a time: each page's
    bitmap is freed before the next is rendered, so memory is flat in page count. The
    ``burns`` the page shows dark are masked first (:mod:`redaction.pdf_burnmask`)."""
    deadline = limits.deadline(ref)
    try:
        doc = pdfium.PdfDocument(rendition)
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(ref, "rendition unreadable for OCR") from exc
    try:
        for index in range(len(doc)):
            deadline.check()
            deadline = deadline.extended(limits.ocr_page_seconds)
            image = _page_image(doc, index, dpi)
            mask_burns(image, (burns or {}).get(index, ()), dpi / 72.0)
            yield read_upright(image, ocr)[0]
    finally:
        doc.close()


def _page_image(doc: pdfium.PdfDocument, index: int, dpi: int) -> Image.Image:
    """One page rendered; PDFium's page and bitmap are closed before returning the copy."""
    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, draw_annots=False)
        try:
            return bitmap.to_pil().convert("RGB")  # convert copies out of PDFium's buffer
        finally:
            bitmap.close()
    finally:
        page.close()


def name_parts_in(text: str, result: RedactionResult) -> list[str]:
    """``name-part`` for each word of a sealed name found in ``text`` with spaces removed.

    OCR may read a name's words apart or glued to their neighbours, and one surname left
    visible is as telling as the whole name, so each capitalised word of at least
    ``MIN_PART`` letters of a PERSON value is searched for on its own.
    """
    squashed = squash(TOKEN.sub(" ", text))
    parts = {
        squash(word)
        for rep in result.replacements
        if rep.label in NAME_LABELS
        for word in rep.original.split()
        if len(word.strip(".,")) >= MIN_PART and word[:1].isupper()
    }
    return ["name-part" for part in sorted(parts) if part and part in squashed]


def unseen_findings(text: str, layer: str, detector: TextDetector) -> list[Finding]:
    """Detector findings on OCR text that the page's redacted layer does not hold.

    Text the layer holds was already scanned by detection and the leak check; what only
    the pixels show (and sealed values, checked separately) is what this gate is for.
    """
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    held = squash(layer)
    return [
        f
        for f in detector.detect(text)
        if not any(lo < f.end and f.start < hi for lo, hi in tokens)
        and squash(text[f.start : f.end]) not in held
    ]


def layer_mismatch(page: OcrPage, layer: str, number: int) -> list[str]:
    """``ocr:layer-mismatch:pN`` when the page's visible words are missing from its layer."""
    return [f"ocr:layer-mismatch:p{number}"] if layer_lacks(page, layer) else []
