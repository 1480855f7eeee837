"""Images through the PDF/OCR path: every TIFF frame a page (faxes), read by the real
OCR, redacted, the rendition's pages read back clean (the annotated copy, the rebuilt
PDF, is checked by the contract test)."""

from __future__ import annotations

from formats.build import build_rendition
from formats.ports import OpenContext
from models.document import MediaType
from redaction.pdf_pixels import read_pages

from .conftest import NAME, PLANTED
from .documents import encode_image, text_image

CTX = OpenContext("doc-i")


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def test_a_two_page_tiff_fax_is_two_pages_read_redacted_and_read_back_clean(
    registry, planted_detector
) -> None:
    first = ["The patient was seen in the clinic today.", f"Patient: {NAME}"]
    second = ["Please call about the results of the tests.", f"Phone: {PLANTED[2]}"]
    pages = [
        text_image(first, (1100, 240)),
        text_image(second, (1100, 240)),
    ]
    fmt = registry.get(MediaType.TIFF)
    rendition, problems = build_rendition(fmt, planted_detector, encode_image(pages, "TIFF"), CTX)
    assert problems == []
    assert rendition.pages == 2 and rendition.text.count("\f") == 1
    assert "quenby" in _squash(rendition.text.split("\f")[0])  # OCR read page one
    engine = registry.get(MediaType.PDF).engine
    seen = [p.text for p in read_pages(rendition.data, engine.ocr, 150, engine.limits)]
    assert len(seen) == 2
    assert not [v for v in PLANTED if any(_squash(v) in _squash(t) for t in seen)]
