"""A scan the real OCR reads only poorly, or cannot read at all, is refused with its
reason, never passed as a blank page."""

from __future__ import annotations

import pytest
from PIL import Image, ImageFilter

from models.document import MediaType
from models.errors import LowOcrConfidence
from redaction.pdf import PdfiumEngine
from stages.redact import build

from .corpus import degrade, page_image, scan_pdf, text_pdf

LINES = ["My telephone number is (312) 555-0147.", "I live at 4412 Larkspur Avenue, Dayton, Ohio."]


def _noisy() -> Image.Image:  # read, but below 0.80 mean confidence
    blurred = page_image(text_pdf(LINES), 100).filter(ImageFilter.GaussianBlur(1.5))
    return degrade(blurred, noise=0.08, jpeg=10)


def _blurred() -> Image.Image:  # a person can still read it; RapidOCR finds text, reads none
    return page_image(text_pdf(LINES), 100).filter(ImageFilter.GaussianBlur(3))


@pytest.mark.parametrize(
    ("make", "reason"),
    [(_noisy, "below OCR confidence"), (_blurred, "cannot read")],
    ids=["noisy", "blurred"],
)
def test_a_page_read_poorly_or_not_at_all_is_refused_with_a_reason(ocr, detector, make, reason):
    with pytest.raises(LowOcrConfidence) as caught:
        build(detector, MediaType.PDF, scan_pdf([make()]), "low-1", PdfiumEngine(ocr=ocr))
    assert caught.value.code == "SR-DOC-040" and caught.value.ref == "low-1"
    assert reason in str(caught.value)
    assert not any(word in str(caught.value) for word in ("555", "Larkspur", "Dayton"))


def test_a_blank_scan_is_not_refused(ocr, detector):
    blank = Image.new("RGB", (850, 1100), "white")
    rendition, problems = build(
        detector, MediaType.PDF, scan_pdf([blank]), "blank-1", PdfiumEngine(ocr=ocr)
    )
    assert problems == [] and rendition.pages == 1
