"""Scans and pixel-only text through the real pipeline build: real OCR, real detector.

Every planted identifier must be absent from OCR of every rendition page and from the
rendition's text layer; a document is refused only with a stated reason code. Kept to a
few small pages: OCR is CPU heavy.
"""

from __future__ import annotations

import pytest

from models.document import MediaType
from redaction.pdf import PdfiumEngine, rendition_text
from redaction.pdf_pixels import read_pages
from stages.redact import build

from .corpus import degrade, lying_font_pdf, page_image, scan_pdf, signature_pdf, text_pdf

DECLARATION = [
    "DECLARATION OF DANIEL OKAFOR",
    "I, Daniel Okafor, declare as follows:",
    "My telephone number is (312) 555-0147.",
    "My email address is dokafor@example.net.",
    "I live at 4412 Larkspur Avenue, Dayton, Ohio.",
]
PLANTED = ["Okafor", "555-0147", "dokafor@example.net", "4412 Larkspur"]
STAMP = "Case 1:24-cv-01234 Document 12 Filed 03/02/24 Page 1 of 2"


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _leaks(rendition: bytes, engine: PdfiumEngine) -> list[str]:
    seen = [page.text for page in read_pages(rendition, engine.ocr, 150, engine.limits)]
    texts = [*seen, rendition_text(rendition)]
    return [v for v in PLANTED if any(_squash(v) in _squash(t) for t in texts)]


@pytest.fixture(scope="module")
def engine(ocr) -> PdfiumEngine:
    return PdfiumEngine(ocr=ocr)


def test_a_skewed_noisy_jpeg_scan_under_a_stamp_only_layer_is_read_and_redacted(detector, engine):
    scan = degrade(page_image(text_pdf(DECLARATION), 200), angle=1.5, noise=0.002, jpeg=60)
    rendition, problems = build(detector, MediaType.PDF, scan_pdf([scan], STAMP), "d1", engine)
    assert problems == []
    assert all(_squash(v) in _squash(rendition.text) for v in PLANTED)  # OCR read the page
    assert _leaks(rendition.data, engine) == []


def test_quarter_and_half_turned_scans_at_150_and_300_dpi(detector, engine):
    sideways = degrade(page_image(text_pdf(DECLARATION[1:3]), 150), angle=90, jpeg=75)
    upside_down = degrade(page_image(text_pdf(DECLARATION[3:]), 300), angle=180)
    data = scan_pdf([sideways, upside_down])
    rendition, problems = build(detector, MediaType.PDF, data, "d2", engine)
    assert problems == []
    assert rendition.pages == 2 and rendition.text.count("\f") == 1
    assert all(_squash(v) in _squash(rendition.text) for v in PLANTED)
    layer = _squash(rendition_text(rendition.data))  # the gate (problems == []) read the pixels
    assert [v for v in PLANTED if _squash(v) in layer] == []


@pytest.mark.parametrize(
    "make",
    [
        lambda: signature_pdf(["Signed this day by the declarant."], "Daniel Okafor 555-0147"),
        lambda: lying_font_pdf("Witness Daniel Okafor, telephone 555-0147"),
    ],
    ids=["signature-image", "lying-tounicode-font"],
)
def test_text_only_in_the_pixels_is_caught_with_a_reason(detector, engine, make):
    _rendition, problems = build(detector, MediaType.PDF, make(), "d3", engine)
    assert problems, "visible PII that the text layer does not hold must be caught"
    assert all(p.startswith("ocr:") for p in problems)
    assert not any(v.casefold() in p.casefold() for p in problems for v in PLANTED)
