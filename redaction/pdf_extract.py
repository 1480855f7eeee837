"""PDF text extraction for detection: the document text plus a glyph box for every char.

``PdfText.text`` is what detection runs on: the pages' texts joined by ``"\\f"``.
``PdfText.locate(start, end)`` maps any offset range of it back to the glyph boxes
(PDF points, page space) that the rendition builder burns out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from models.errors import ImageOnlyDocument
from redaction.ocr import OcrPort
from redaction.pdf_bombs import check_bombs
from redaction.pdf_boxes import pack
from redaction.pdf_chars import Box, normalise, read_raw_chars
from redaction.pdf_covered import covered_chars, covered_spans, scan_objects
from redaction.pdf_limits import DEFAULT_LIMITS, Deadline, PdfLimits
from redaction.pdf_ocr import MIN_IMAGE_SHARE, image_share, ocr_glyphs
from redaction.pdf_open import open_pdf, revision_count

PAGE_BREAK = "\f"
_IMAGE_FILTER = [pdfium_c.FPDF_PAGEOBJ_IMAGE]


@dataclass(frozen=True)
class PageText:
    index: int
    start: int  # offset of this page's text within PdfText.text
    text: str = field(repr=False)
    boxes: Sequence[Box | None] = field(repr=False)  # box of text[i]; None if not drawn
    width: float  # points, as displayed (rotation applied)
    height: float
    unmapped: int  # chars whose font has no usable Unicode mapping
    covered: tuple[int, ...] = field(default=(), repr=False)  # page-text indices under dark boxes

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class PageBoxes:
    page_index: int
    boxes: tuple[Box, ...]


@dataclass(frozen=True, repr=False)
class PdfText:
    text: str
    pages: tuple[PageText, ...]
    source_sha256: str
    revisions: int = 1

    def __repr__(self) -> str:  # never print document text
        return f"PdfText(pages={len(self.pages)}, chars={len(self.text)})"

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def unmapped_chars(self) -> int:
        return sum(page.unmapped for page in self.pages)

    def covered_spans(self) -> list[tuple[int, int]]:
        """Spans of ``text`` a client's own dark boxes only cover (incoming bad redactions)."""
        spans: list[tuple[int, int]] = []
        for page in self.pages:
            found = covered_spans(page.text, page.covered)
            spans.extend((page.start + lo, page.start + hi) for lo, hi in found)
        return spans

    def page_at(self, offset: int) -> PageText:
        """The page holding ``offset`` (a page break belongs to the page before it)."""
        for page in self.pages:
            if offset <= page.end:
                return page
        raise IndexError("offset beyond text")

    def locate(self, start: int, end: int) -> list[PageBoxes]:
        """Glyph boxes of ``text[start:end]``, grouped by page; chars without a box are skipped."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError("span outside text")
        found: list[PageBoxes] = []
        for page in self.pages:
            lo, hi = max(start, page.start), min(end, page.end)
            if lo >= hi:
                continue
            boxes = tuple(b for b in page.boxes[lo - page.start : hi - page.start] if b)
            found.append(PageBoxes(page.index, boxes))
        return found


def extract(
    data: bytes,
    password: str | None = None,
    *,
    ref: str = "",
    limits: PdfLimits = DEFAULT_LIMITS,
    ocr: OcrPort | None = None,
) -> PdfText:
    """Text and glyph boxes of every page. Raises Corrupt/Encrypted/ImageOnly/TooLarge/Timeout.

    With ``ocr``, scanned pages (images, and no text layer or one holding too little of
    what is visible) are read by OCR; without it they raise ``ImageOnlyDocument``.
    """
    deadline = limits.deadline(ref)
    doc = open_pdf(data, password, ref, limits)
    try:
        check_bombs(data, password, ref, limits, deadline)
        pages = _read_pages(doc, ref, limits, deadline, ocr)
    finally:
        doc.close()
    limits.check_unmapped(sum(page.unmapped for page in pages), ref)
    text = PAGE_BREAK.join(page.text for page in pages)
    digest = hashlib.sha256(data).hexdigest()
    return PdfText(text, tuple(pages), digest, revision_count(data))


def _read_pages(
    doc: pdfium.PdfDocument, ref: str, limits: PdfLimits, deadline: Deadline, ocr: OcrPort | None
) -> list[PageText]:
    pages: list[PageText] = []
    start = 0
    for index in range(len(doc)):  # one page at a time: only its text and packed boxes kept
        deadline.check()
        source = doc[index]
        try:
            page = _read_page(source, index, start, ref, limits, ocr)
            if ocr is not None and _has_images(source):
                deadline = deadline.extended(limits.ocr_page_seconds)
        finally:
            source.close()
        pages.append(page)
        start = page.end + len(PAGE_BREAK)
    return pages


def _read_page(
    page: pdfium.PdfPage, index: int, start: int, ref: str, limits: PdfLimits, ocr: OcrPort | None
) -> PageText:
    width, height = page.get_size()
    limits.check_page_size(width, height, ref)
    textpage = page.get_textpage()
    limits.check_chars(textpage.count_chars(), ref)
    dark, text_order = scan_objects(page)
    chars = normalise(
        read_raw_chars(textpage, lambda boxes: covered_chars(textpage, boxes, dark, text_order))
    )
    scanned = _has_images(page) and (not chars.text.strip() or _image_heavy(page))
    if scanned and ocr is not None:
        glyphs = ocr_glyphs(page, index, chars.text, ocr, ref, limits)
        if glyphs is not None:
            return PageText(index, start, glyphs[0], pack(glyphs[1]), width, height, 0)
    elif scanned and not chars.text.strip():
        raise ImageOnlyDocument(ref, f"page {index + 1} has images and no text layer")
    return PageText(
        index, start, chars.text, pack(chars.boxes), width, height, chars.unmapped, chars.covered
    )


def _image_heavy(page: pdfium.PdfPage) -> bool:
    return image_share(page) >= MIN_IMAGE_SHARE


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=_IMAGE_FILTER))
