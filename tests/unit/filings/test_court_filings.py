"""Born-digital court filings through the real detector and the whole PDF gate.

The filings are built here with fpdf2 from made-up text: pleading-paper line numbers,
a caption header and a footer repeated on every page, names wrapped across lines and
hyphenated at line ends, ligature glyphs (fi) from an embedded TrueType font, and a sealed
place name that is also part of a court's name. The pixel side of the gate is covered by
tests/unit/ocr; here it reads with a fake that sees nothing.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fpdf import FPDF
from PIL import ImageFont

from models.document import MediaType
from models.finding import Finding
from redaction.leakcheck import leak_check, redact_to_fixpoint
from redaction.merge import merge
from redaction.ocr import FakeOcr
from redaction.pdf import PdfiumEngine, pdftotext_text, rendition_text
from stages.redact import build

PLANTED = ["Ellsworth", "Quennell", "(206) 555-0143", "7731 Birchmoor"]
BODY = (
    "I, Marguerite Ellsworth, declare that I am the petitioner in this matter and that I "
    "have personal knowledge of the facts stated here. My neighbour Lucian Quennell "
    "witnessed the events of that evening. I reside at 7731 Birchmoor Terrace "
    "and can be reached at (206) 555-0143. The Municipal Court heard the first petition. "
)


def _filing() -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    pdf.set_auto_page_break(True, margin=90)
    with tempfile.TemporaryDirectory() as folder:
        font = Path(folder) / "body.ttf"
        font.write_bytes(ImageFont.load_default(size=12).font_bytes)
        pdf.add_font("Body", fname=str(font))
    pdf.header = lambda: _furniture(pdf)  # type: ignore[method-assign]
    pdf.add_page()
    pdf.multi_cell(330, 24, BODY * 4)
    pdf.set_x(72)
    pdf.multi_cell(
        330,
        24,
        "Executed by Marguerite Ells-\nworth after the hearing; Lucian Quen-\nnell signed too.",
    )
    pdf.set_x(72)
    pdf.set_font("Body", size=12)
    pdf.multi_cell(
        330, 24, "The \ufb01ling was con\ufb01rmed by Marguerite Ellsworth and Lucian Quennell."
    )
    return bytes(pdf.output())


def _furniture(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=8)
    pdf.text(
        72, 40, f"Case 2:25-cv-01987-KLM   Document 14   Filed 04/18/25   Page {pdf.page_no()}"
    )
    pdf.text(72, 770, "DECLARATION OF MARGUERITE ELLSWORTH IN SUPPORT OF PETITION")
    for number in range(1, 27):
        pdf.text(50, 72 + number * 24 - 8, str(number))
    pdf.set_font("Helvetica", size=12)
    pdf.set_xy(72, 72)


def _squash(text: str) -> str:
    return re.sub(r"[\s-]+", "", text).casefold()


def test_a_born_digital_filing_passes_the_gate_without_leaks(detector):
    engine = PdfiumEngine(ocr=FakeOcr())
    rendition, problems = build(detector, MediaType.PDF, _filing(), "f1", engine)
    assert problems == []
    assert rendition.pages >= 2
    texts = [rendition_text(rendition.data), pdftotext_text(rendition.data) or ""]
    assert [v for v in PLANTED if any(_squash(v) in _squash(t) for t in texts)] == []


class CourtAware:
    """Finds a place name, but (like the real detector) not inside a court's name."""

    def detect(self, text: str) -> list[Finding]:
        return [
            Finding(m.start(), m.end(), "ADDRESS")
            for m in re.finditer(r"Harrowgate(?! Municipal)", text)
        ]

    def finalize(self, text: str, findings: list[Finding]) -> list[Finding]:
        neutral = [m.span() for m in re.finditer(r"Harrowgate Municipal Court", text)]
        return merge([f for f in findings if not any(a <= f.start < b for a, b in neutral)])


def test_a_sealed_value_inside_a_neutral_name_is_redacted_there_too():
    text = "She lives in Harrowgate. The Harrowgate Municipal Court heard it."
    result = redact_to_fixpoint(text, CourtAware())
    assert "Harrowgate" not in result.redacted_text
    assert leak_check(result.redacted_text, result, CourtAware()) == []
