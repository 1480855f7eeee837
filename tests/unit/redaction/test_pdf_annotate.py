"""The annotated original PDF: one highlight per page a span touches, one quad per line,
each covering exactly the annotated text; the original content is untouched."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from fpdf import FPDF
from pypdf import PdfReader

from redaction.pdf import extract
from redaction.pdf_annotate import Note, annotate_pdf, highlight_rects, line_rects

PAGES = [
    "Alpha bravo charlie delta echo.\nFoxtrot golf hotel india juliet.\nKilo lima mike.",
    "November oscar papa quebec.\nRomeo sierra tango uniform.",
]


def two_pages() -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", size=12)
    for text in PAGES:
        pdf.add_page()
        pdf.multi_cell(0, 16, text)
    return bytes(pdf.output())


def under(pdf: bytes, page: int, rect: tuple[float, float, float, float]) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        left, bottom, right, top = rect
        text = doc[page].get_textpage().get_text_bounded(left, bottom, right, top)
        return " ".join(text.split())
    finally:
        doc.close()


def span(text: str, first: str, last: str) -> tuple[int, int]:
    return text.index(first), text.index(last) + len(last)


CASES = [("charlie", "charlie", 1), ("delta", "golf", 2), ("mike", "oscar", 1)]


def test_highlights_cover_exactly_the_annotated_text() -> None:
    original = two_pages()
    parsed = extract(original)
    notes = [
        Note(*span(parsed.text, a, b), label="ISSUE", comment=f"c{i}", reviewer="ana")
        for i, (a, b, _) in enumerate(CASES)
    ]
    marked = annotate_pdf(original, parsed, notes)
    found = highlight_rects(marked)
    # "mike".."oscar" crosses the page break: one highlight on each page
    assert [(p, len(r)) for p, r in found] == [(0, 1), (0, 2), (0, 1), (1, 1)]
    wanted = ["charlie", "delta echo. Foxtrot golf", "mike.", "November oscar"]
    assert [" ".join(under(marked, p, r) for r in rects) for p, rects in found] == wanted
    reader = PdfReader(io.BytesIO(marked))
    notes_on_first = [a.get_object() for a in reader.pages[0]["/Annots"]]
    texts = [a for a in notes_on_first if a["/Subtype"] == "/Text"]
    assert [t["/Contents"] for t in texts] == [
        "ISSUE: c0 (ana)",
        "ISSUE: c1 (ana)",
        "ISSUE: c2 (ana)",
    ]
    assert extract(marked).text == parsed.text  # content untouched


def test_boxes_on_one_line_merge_and_a_new_line_starts_a_new_rect() -> None:
    boxes = [(10.0, 100.0, 15.0, 112.0), (15.0, 100.0, 20.0, 112.0), (10.0, 84.0, 14.0, 96.0)]
    assert line_rects(boxes) == [(10.0, 100.0, 20.0, 112.0), (10.0, 84.0, 14.0, 96.0)]
    assert line_rects([]) == []
