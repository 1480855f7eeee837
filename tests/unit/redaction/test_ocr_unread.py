"""Text regions OCR finds but cannot read: more of them than lines read refuses the page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from models.errors import LowOcrConfidence
from redaction.ocr import FakeOcr, OcrPage
from redaction.pdf import extract
from tests.unit.ocr.corpus import scan_pdf


class Unreadable:
    """A fake engine that reads ``lines`` and reports ``unread`` regions it could not read."""

    def __init__(self, lines: list[tuple[str, float]], unread: int) -> None:
        self.inner = FakeOcr(lambda _image: lines)
        self.unread = unread

    def read(self, image: Image.Image) -> OcrPage:
        return replace(self.inner.read(image), unread=self.unread)


def _scan() -> bytes:
    return scan_pdf([Image.new("RGB", (850, 1100), "white")])


@pytest.mark.parametrize(
    ("lines", "unread", "refused"),
    [
        ([], 0, False),  # a blank page
        ([], 1, True),  # nothing read, something there
        ([("Line one here", 0.97)], 2, True),
        ([("Line one here", 0.97), ("Line two", 0.96)], 2, False),  # a mark or two beside text
        ([("Line one here", 0.97), ("Line two", 0.96)], 0, False),
    ],
)
def test_unread_regions_against_lines_read(lines, unread, refused) -> None:
    ocr = Unreadable(lines, unread)
    if not refused:
        assert extract(_scan(), ocr=ocr).page_count == 1
        return
    with pytest.raises(LowOcrConfidence) as caught:
        extract(_scan(), ocr=ocr)
    assert caught.value.code == "SR-DOC-040" and "cannot read" in caught.value.message
