"""The OCR decisions with a fake engine: confidence, layer agreement, the pixel gate's codes."""

from __future__ import annotations

import pytest
from fpdf import FPDF
from PIL import Image

from models.document import MediaType
from models.errors import ImageOnlyDocument, LowOcrConfidence
from redaction.ocr import FakeOcr, OcrLine, OcrPage
from redaction.pdf import PdfiumEngine, extract
from redaction.pdf_ocr import layer_lacks, visible_words
from stages.redact import build
from tests.unit.ocr.corpus import scan_pdf


def _page(*lines: tuple[str, float]) -> OcrPage:
    return OcrPage(100, 100, tuple(OcrLine(t, tuple((0, 0, 1, 1) for _ in t), c) for t, c in lines))


@pytest.mark.parametrize(
    ("lines", "layer", "lacks"),
    [
        ([("Case 24-cv-0042 Document 7 Filed", 0.95)], "Case 24-cv-0042 Document 7 Filed", False),
        ([("Case 24-cv-0042 Document 7 Filed", 0.95)], "Case24cv0042Document7Filed", False),
        ([("Whole declaration of someone here", 0.95)], "Case 24-cv-0042", True),
        ([("Pabart", 0.6), ("Visible Header", 0.95)], "Patient: x\nVisible Header", False),
        ([("Patient [COVERED_TECT_ 1 seen", 0.95)], "Patient: [COVERED_TEXT_1] seen", False),
        ([("one Okafor", 0.95)], "one", False),  # a single missing word is OCR noise
        ([("Daniel Okafor signed", 0.95)], "signed", True),
    ],
)
def test_layer_agreement(lines, layer, lacks):
    assert layer_lacks(_page(*lines), layer) is lacks


def test_low_confidence_lines_are_not_counted_as_visible_words():
    assert visible_words(_page(("garbled text", 0.3), ("clear words", 0.99))) == ["clear", "words"]


def _scan() -> bytes:
    return scan_pdf([Image.new("RGB", (850, 1100), "white")])


def test_a_scan_read_below_the_confidence_threshold_is_refused_with_a_reason():
    ocr = FakeOcr(lambda _image: [("Blurred words of a fax", 0.42)])
    with pytest.raises(LowOcrConfidence) as caught:
        extract(_scan(), ocr=ocr)
    assert caught.value.code == "SR-DOC-040" and "Blurred" not in caught.value.message


def test_without_ocr_an_image_only_page_is_still_refused():
    with pytest.raises(ImageOnlyDocument):
        extract(_scan())


def test_a_scanned_page_takes_the_ocr_text_and_boxes():
    ocr = FakeOcr(lambda _image: [("Line one here", 0.97), ("Line two", 0.96)])
    parsed = extract(_scan(), ocr=ocr)
    assert parsed.text == "Line one here\nLine two"
    boxes = parsed.locate(0, 4)[0].boxes
    assert len(boxes) == 4 and all(
        0 <= b[0] < b[2] <= 612 and 0 <= b[1] < b[3] <= 792 for b in boxes
    )


class Finds:
    """A detector that finds nothing in the document text but a name in any other text."""

    def detect(self, text):
        from models.finding import Finding

        at = text.find("Okafor")
        return [] if at < 0 else [Finding(at, at + 6, "PERSON")]

    def finalize(self, text, findings):
        return list(findings)


def _text_pdf(line: str) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 90, line)
    return bytes(pdf.output())


def test_the_pixel_gate_names_pages_codes_and_offsets_never_values():
    seen = FakeOcr(lambda _image: [("Filed by Okafor and others", 0.95)])
    _, problems = build(
        Finds(), MediaType.PDF, _text_pdf("Filed by and others"), "d", PdfiumEngine(72, ocr=seen)
    )
    assert "ocr:p1:detected:PERSON@9-15" in problems
    assert "ocr:layer-mismatch:p1" not in problems  # one word missing is below the bar
    assert not any("Okafor" in p for p in problems)
    assert seen.calls >= 1


def test_a_sealed_name_glued_to_its_neighbour_by_ocr_is_still_found():
    from models.finding import RedactionResult, Replacement
    from redaction.pdf_pixels import name_parts_in

    result = RedactionResult(
        "Declaration of [PERSON_1]",
        (Replacement("PERSON", "[PERSON_1]", "Daniel Okafor", 15, 28, 15, 25),),
    )
    assert name_parts_in("DECLARATION OFDANIEL [PERSON_1]", result) == ["name-part"]
    assert name_parts_in("Declaration of [PERSON_1]", result) == []
