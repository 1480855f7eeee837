"""The pixel gate masks our own burned boxes, and only where the page shows them burned."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from models.finding import RedactionResult
from redaction.gate import pixel_problems
from redaction.ocr import FakeOcr
from redaction.pdf import PdfiumEngine, build_rendition, extract
from redaction.pdf_burnmask import DARK, burn_rect, mask_burns, shown_burns
from redaction.pdf_limits import DEFAULT_LIMITS

RENDER_DPI = 200
LINES = "Balance due per the invoice Maria Gonzalez today.\nCall (555) 201-3344 after noon."
VALUES = ["Maria Gonzalez", "(555) 201-3344"]
RING_PX = 3  # a rim this wide around each masked box must not stay dark


def _rotated(data: bytes, degrees: int) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        page.rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _source(kit, degrees: int) -> tuple[bytes, object, RedactionResult]:
    data = _rotated(kit.pdf([LINES]), degrees) if degrees else kit.pdf([LINES])
    pdf_text = extract(data)
    return data, pdf_text, kit.redact(pdf_text.text, VALUES)


def _page(pdf: bytes, dpi: int) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()


def _dark_share(image: Image.Image, rect: tuple[int, int, int, int]) -> float:
    pixels = np.asarray(image.convert("L").crop(rect))
    return float((pixels <= DARK).mean()) if pixels.size else 0.0


@pytest.mark.parametrize("degrees", [0, 90])
@pytest.mark.parametrize("dpi", [100, 150, 200])
def test_every_burn_is_masked_whole_at_the_gates_resolution(kit, degrees, dpi) -> None:
    data, pdf_text, result = _source(kit, degrees)
    rendition = build_rendition(data, pdf_text, result, dpi=RENDER_DPI)
    burns = shown_burns(data, pdf_text, result, None, "t", DEFAULT_LIMITS)[0]
    image = _page(rendition, dpi)
    assert len(burns) == len(VALUES)
    assert mask_burns(image, burns, dpi / 72) == len(burns)
    for burn in burns:  # no black rim left beside a masked box: the geometry is the renderer's
        left, top, right, bottom = burn_rect(burn, dpi / 72)
        ring = (left - RING_PX, top - RING_PX, right + RING_PX, bottom + RING_PX)
        assert _dark_share(image, ring) < 0.1
    assert _dark_share(image, (0, 0, image.width, image.height)) > 0  # the rest still shows


def test_a_box_the_page_does_not_show_burned_is_left_as_it_is(kit) -> None:
    data, pdf_text, result = _source(kit, 0)
    unburned = build_rendition(data, pdf_text, RedactionResult(pdf_text.text, ()), RENDER_DPI)
    burns = shown_burns(data, pdf_text, result, None, "t", DEFAULT_LIMITS)[0]
    image = _page(unburned, 150)
    before = image.tobytes()
    assert mask_burns(image, burns, 150 / 72) == 0
    assert image.tobytes() == before  # the values stay visible, for OCR to read and the gate


def test_nothing_burned_nothing_to_mask(kit) -> None:
    data, pdf_text, _ = _source(kit, 0)
    assert (
        shown_burns(data, pdf_text, RedactionResult(pdf_text.text, ()), None, "t", DEFAULT_LIMITS)
        == {}
    )


def _reads_labels(image: Image.Image) -> list[tuple[str, float]]:
    """Stands in for RapidOCR on a burned box: where the page shows a solid black block it
    reads the white token label mangled, as it did on a long scan (``N 11``)."""
    blocks = np.asarray(image.convert("L").reduce(6))
    label = " N 11" if (blocks <= 40).any() else ""
    return [(f"Balance due per the invoice{label} today.", 0.95), ("Call after noon.", 0.95)]


def test_a_mangled_token_label_beside_invoice_is_no_longer_read_as_an_account(
    kit, detector
) -> None:
    data, pdf_text, result = _source(kit, 0)
    rendition = build_rendition(data, pdf_text, result, dpi=RENDER_DPI)
    engine = PdfiumEngine(dpi=RENDER_DPI, ocr=FakeOcr(_reads_labels))
    burns = shown_burns(data, pdf_text, result, None, "t", DEFAULT_LIMITS)
    unmasked = pixel_problems(rendition, result, detector, engine)
    assert [p.split("@")[0] for p in unmasked] == ["ocr:p1:detected:ACCOUNT"]  # the false flag
    assert pixel_problems(rendition, result, detector, engine, burns) == []
