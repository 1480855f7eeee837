"""The streaming PDF writer: pages go to an anonymous file as they come, none is kept."""

from __future__ import annotations

import gc
import io
import weakref

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from redaction.pdf import rendition_problems
from redaction.pdf_stream import PdfStream, image_stream
from redaction.pdf_write import RenditionWriter, TextLine


def _pages(writer: RenditionWriter, count: int) -> list[weakref.ref[Image.Image]]:
    kept = []
    for n in range(count):
        image = Image.new("RGB", (120, 160), (255, 255, 255))
        image.paste((n * 40, 0, 0), (10, 10, 60, 30))
        writer.add_page(120.0, 160.0, image, [TextLine(f"Page {n} (a\\b) [PII_{n}]", 10, 40, 9)])
        kept.append(weakref.ref(image))
        del image
    return kept


def test_writer_keeps_no_page_image() -> None:
    writer = RenditionWriter()
    refs = _pages(writer, 3)
    gc.collect()
    assert [ref() for ref in refs] == [None, None, None]
    assert PdfReader(io.BytesIO(writer.output())).pages[2].extract_text().strip()


def test_text_layer_and_pixels_read_back() -> None:
    writer = RenditionWriter()
    _pages(writer, 3)
    data = writer.output()
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() for page in reader.pages]
    assert [t.strip() for t in texts] == [f"Page {n} (a\\b) [PII_{n}]" for n in range(3)]
    doc = pdfium.PdfDocument(data)
    pixel = doc[2].render(scale=1).to_pil().convert("RGB").getpixel((20, 20))
    doc.close()
    assert pixel == (80, 0, 0)  # the image survives the PNG-predictor stream exactly


def test_rendition_structure_is_clean() -> None:
    writer = RenditionWriter()
    _pages(writer, 2)
    assert rendition_problems(writer.output(), expected_pages=2) == []


@pytest.mark.parametrize("mode", ["RGB", "L", "1", "RGBA", "P"])
def test_image_modes_become_grey_or_rgb(mode: str) -> None:
    entries, data = image_stream(Image.new(mode, (7, 5)))
    assert (b"/DeviceGray" in entries) == (mode == "L")
    assert b"/Width 7 /Height 5" in entries and data


def test_empty_writer_refuses() -> None:
    with pytest.raises(ValueError, match="no pages"):
        RenditionWriter().output()


def test_stream_numbers_objects_after_the_fixed_ones() -> None:
    stream = PdfStream()
    assert [stream.reserve(), stream.reserve()] == [4, 5]
    stream.close()
