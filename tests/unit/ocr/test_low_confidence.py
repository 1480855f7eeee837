"""A scan the real OCR reads only poorly is refused with its reason, never passed."""

from __future__ import annotations

import pytest
from PIL import ImageFilter

from models.document import MediaType
from models.errors import LowOcrConfidence
from redaction.pdf import PdfiumEngine
from stages.redact import build

from .corpus import degrade, page_image, scan_pdf, text_pdf

LINES = ["My telephone number is (312) 555-0147.", "I live at 4412 Larkspur Avenue, Dayton, Ohio."]


def test_a_page_read_below_the_confidence_threshold_is_refused_with_a_reason(ocr, detector):
    blurred = page_image(text_pdf(LINES), 100).filter(ImageFilter.GaussianBlur(1.5))
    data = scan_pdf([degrade(blurred, noise=0.08, jpeg=10)])
    with pytest.raises(LowOcrConfidence) as caught:
        build(detector, MediaType.PDF, data, "low-1", PdfiumEngine(ocr=ocr))
    assert caught.value.code == "SR-DOC-040" and caught.value.ref == "low-1"
    assert not any(word in str(caught.value) for word in ("555", "Larkspur", "Dayton"))
