"""A text laid out as a PDF with computed character boxes: each box holds its character."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from redaction.pdf_textdoc import COLUMNS, ROWS, text_pdf

LONG_LINE = "word " * 50  # wraps
MANY_LINES = "\n".join(f"line {n}" for n in range(ROWS + 5))  # breaks the page


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("From: a@b.example\nSubject: hello", 1),
        ("body one\fattachment two\fthree", 3),
        (LONG_LINE, 1),
        (MANY_LINES, 2),
        ("", 1),
        ("tab\there and é ü ß and 中 and \u200b", 1),
    ],
)
def test_every_drawn_char_sits_in_its_box(text: str, pages: int) -> None:
    data, layout = text_pdf(text)
    assert layout.text == text and layout.page_count == pages
    doc = pdfium.PdfDocument(data)
    try:
        assert len(doc) == pages
        for page in layout.pages:
            textpage = doc[page.index].get_textpage()
            for offset, (char, box) in enumerate(zip(page.text, page.boxes, strict=True)):
                assert (box is None) == (char in "\n\f"), offset
                if box is not None and char.isalnum() and char.isascii():
                    inner = (box[0] + 1.5, box[1] + 2, box[2] - 1.5, box[3] - 2)
                    assert textpage.get_text_bounded(*inner).strip() == char
    finally:
        doc.close()


def test_a_wrapped_span_locates_on_two_rows() -> None:
    text = "x" * (COLUMNS - 2) + " Jane Roe here"
    _data, layout = text_pdf(text)
    (found,) = layout.locate(text.index("Jane"), text.index("Jane") + 8)
    rows = {box[1] for box in found.boxes}
    assert len(found.boxes) == 8 and len(rows) == 2
