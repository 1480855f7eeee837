"""The pixel gate's page loop: rendition pages rendered and read one at a time."""

from __future__ import annotations

import pytest
from PIL import Image

from models.finding import RedactionResult
from redaction.gate import pixel_problems
from redaction.pdf import PdfiumEngine
from redaction.pdf_images import images_to_pdf
from redaction.pdf_limits import DEFAULT_LIMITS
from redaction.pdf_pixels import read_pages

PAGES = 4


def _rendition(pages: int) -> bytes:
    return images_to_pdf((Image.new("L", (300, 400), 255), 72.0) for _ in range(pages))


def test_read_pages_never_holds_two_page_bitmaps(page_watch) -> None:
    seen = read_pages(_rendition(PAGES), page_watch, 72, DEFAULT_LIMITS)
    assert [p.text for p in seen] == ["Visible words on this page"] * PAGES
    assert page_watch.reads == PAGES
    assert page_watch.most_alive == 0


def test_read_pages_is_lazy(page_watch) -> None:
    pages = read_pages(_rendition(PAGES), page_watch, 72, DEFAULT_LIMITS)
    assert page_watch.reads == 0
    next(iter(pages))
    assert page_watch.reads == 1


@pytest.mark.parametrize(
    ("layers", "expected"),
    [
        (["Visible words on this page"] * PAGES, []),
        (["Visible words on this page"] * (PAGES - 1), ["ocr:page-count", "ocr:layer-mismatch:p4"]),
        (["", *["Visible words on this page"] * (PAGES - 1)], ["ocr:layer-mismatch:p1"]),
    ],
)
def test_gate_checks_each_page_as_it_is_read(page_watch, detector, layers, expected) -> None:
    engine = PdfiumEngine(dpi=72, ocr=page_watch)
    result = RedactionResult("\f".join(layers), ())
    assert pixel_problems(_rendition(PAGES), result, detector, engine) == expected
    assert page_watch.most_alive == 0
