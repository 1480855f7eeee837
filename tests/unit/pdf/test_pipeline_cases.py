"""Real-world-shaped PDFs through the pipeline's own ``build`` (extract, redact, render, gate).

For every PDF: the rendition's text by pypdf (and pdftotext when installed) has no fixture
PII value, metadata and attachments are empty, and the page count matches. Hostile and
broken inputs fail with their own error, per document.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Sequence

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject, StreamObject

from models.document import MediaType
from models.errors import (
    CorruptDocument,
    DocumentTimeout,
    DocumentTooLarge,
    EncryptedDocument,
    LowOcrConfidence,
)
from models.finding import Finding
from redaction.merge import merge
from redaction.ocr import FakeOcr
from redaction.pdf import PdfiumEngine, PdfLimits, pdftotext_text, rendition_text
from stages.redact import build

PII = ["Maria Gonzalez", "Gonzalez", "03/14/1962", "4471920", "Oluwaseun Adeyemi", "Chen"]
# These tests are about text layers and hostile structure; pixels are read by the real OCR
# in tests/unit/ocr. The fake reads nothing, so the pixel gate passes every page here.
NO_PIXELS = FakeOcr()
ENGINE = PdfiumEngine(dpi=36, ocr=NO_PIXELS)
UNREADABLE = FakeOcr(lambda _image: [("illegible fax", 0.2)])


class ValuesDetector:
    """A stand-in detector that finds exactly the fixture values, in any case."""

    def __init__(self, values: Sequence[str]) -> None:
        alternatives = sorted(values, key=len, reverse=True)
        self._rx = re.compile("|".join(re.escape(v) for v in alternatives), re.IGNORECASE)

    def detect(self, text: str) -> list[Finding]:
        return [Finding(m.start(), m.end(), "PERSON") for m in self._rx.finditer(text)]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return merge(list(findings))


def texts_of(rendition: bytes) -> list[str]:
    poppler = pdftotext_text(rendition)
    return [rendition_text(rendition)] + ([] if poppler is None else [poppler])


def assert_clean(rendition: bytes, pages: int) -> None:
    for text in texts_of(rendition):
        assert [v for v in PII if v.lower() in text.lower()] == []
    reader = PdfReader(io.BytesIO(rendition))
    assert len(reader.pages) == pages
    assert not {k: v for k, v in (reader.metadata or {}).items() if k != "/CreationDate"}
    assert reader.attachments == {}
    assert reader.xmp_metadata is None


def _write(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def multi_column(kit) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    left = "Patient Maria Gonzalez was admitted.\nDOB 03/14/1962.\nMRN 4471920."
    right = "Consult by Dr. Oluwaseun Adeyemi.\nCopy to Dr. Chen.\nFollow up in 2 weeks."
    for x, text in ((40, left), (320, right)):
        pdf.set_xy(x, 60)
        pdf.multi_cell(240, 13, text)
    return bytes(pdf.output())


def table(kit) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rows = [
        ("Name", "DOB", "MRN"),
        ("Maria Gonzalez", "03/14/1962", "4471920"),
        ("Dr. Chen", "-", "-"),
    ]
    with pdf.table() as grid:
        for row in rows:
            cells = grid.row()
            for value in row:
                cells.cell(value)
    return bytes(pdf.output())


def rotated(kit) -> bytes:
    writer = PdfWriter(
        clone_from=PdfReader(io.BytesIO(kit.pdf(["Patient: Maria Gonzalez", "Dr. Chen"])))
    )
    writer.pages[0].rotate(90)
    writer.pages[1].rotate(270)
    return _write(writer)


def decorated(kit) -> bytes:
    return kit.decorate(
        kit.pdf(
            ["Patient: Maria Gonzalez, MRN 4471920"], title="Maria Gonzalez", author="Dr. Chen"
        ),
        field_value="Maria Gonzalez 03/14/1962",
        attachment=b"Maria Gonzalez DOB 03/14/1962",
        script="app.alert('Maria Gonzalez');",
    )


def incremental_update(kit) -> bytes:
    """Revision 1 names the patient; revision 2 replaces the page text. Both are in the file."""
    data = kit.pdf(["Patient: Maria Gonzalez, MRN 4471920"])
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    page = writer.pages[0]
    font = next(iter(page["/Resources"]["/Font"]))
    stream = StreamObject()
    stream.set_data(f"BT {font} 11 Tf 72 700 Td (Patient record withdrawn) Tj ET".encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = _write(writer)
    assert out.startswith(data) and out.count(b"%%EOF") == 2
    return out


def multi_page(kit) -> bytes:
    return kit.pdf([f"Page {i}: Ms. Gonzalez seen by Dr. Chen on 03/14/1962" for i in range(1, 6)])


CASES: dict[str, tuple[Callable[..., bytes], int]] = {
    "multi-page": (multi_page, 5),
    "multi-column": (multi_column, 1),
    "table": (table, 1),
    "rotated": (rotated, 2),
    "metadata-attachment-form": (decorated, 1),
    "incremental-update": (incremental_update, 1),
}


@pytest.mark.parametrize(("make", "pages"), CASES.values(), ids=CASES.keys())
def test_case_yields_a_clean_rendition(kit, make, pages):
    rendition, problems = build(ValuesDetector(PII), MediaType.PDF, make(kit), "doc-1", ENGINE)
    assert problems == []
    assert rendition.pages == pages
    assert_clean(rendition.data, pages)


def test_incremental_update_shows_only_the_latest_revision(kit):
    rendition, problems = build(
        ValuesDetector(PII), MediaType.PDF, incremental_update(kit), "d", ENGINE
    )
    assert problems == []
    assert rendition.text.strip() == "Patient record withdrawn"
    assert "Gonzalez" not in rendition_text(rendition.data)


def test_encrypted_opens_with_a_sealed_password_only(kit):
    data = kit.encrypted("Patient: Maria Gonzalez", user_password="s3cret")
    with pytest.raises(EncryptedDocument) as info:
        build(ValuesDetector(PII), MediaType.PDF, data, "doc-2", ENGINE, ["wrong"])
    assert info.value.reason == "encrypted, no password"
    rendition, problems = build(
        ValuesDetector(PII), MediaType.PDF, data, "doc-2", ENGINE, ["wrong", "s3cret"]
    )
    assert problems == []
    assert_clean(rendition.data, 1)


def _bomb(kit, inflated: int, layers: int = 1) -> bytes:
    payload = b"\x00" * inflated
    for _ in range(layers):
        payload = zlib.compress(payload, 1)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(kit.pdf(["Patient: Maria Gonzalez"]))))
    stream = StreamObject()
    stream._data = payload
    stream[NameObject("/Filter")] = ArrayObject([NameObject("/FlateDecode")] * layers)
    page = writer.pages[0]
    page[NameObject("/Contents")] = ArrayObject(
        [page.raw_get("/Contents"), writer._add_object(stream)]
    )
    return _write(writer)


HOSTILE = {
    "image-only-unreadable": (
        lambda kit: kit.image_only(),
        PdfiumEngine(36, ocr=UNREADABLE),
        LowOcrConfidence,
    ),
    "truncated": (lambda kit: kit.pdf(["Maria Gonzalez"])[:-300], ENGINE, CorruptDocument),
    "zero-bytes": (lambda kit: b"", ENGINE, CorruptDocument),
    "not-a-pdf": (lambda kit: b"Maria Gonzalez\n" * 10, ENGINE, CorruptDocument),
    "bomb-default-limits": (lambda kit: _bomb(kit, 300 * 2**20), ENGINE, DocumentTooLarge),
    "bomb-nested-flate": (
        lambda kit: _bomb(kit, 4 * 2**20, layers=2),
        PdfiumEngine(36, PdfLimits(max_stream_bytes=2**20), NO_PIXELS),
        DocumentTooLarge,
    ),
    "bomb-total": (
        lambda kit: _bomb(kit, 3 * 2**20),
        PdfiumEngine(36, PdfLimits(max_decoded_bytes=2 * 2**20), NO_PIXELS),
        DocumentTooLarge,
    ),
    "page-limit": (
        lambda kit: kit.pdf(["a", "b", "c"]),
        PdfiumEngine(36, PdfLimits(max_pages=2), NO_PIXELS),
        DocumentTooLarge,
    ),
    "time-limit": (
        lambda kit: kit.pdf(["a"]),
        PdfiumEngine(36, PdfLimits(max_seconds=-1.0), NO_PIXELS),
        DocumentTimeout,
    ),
}


@pytest.mark.parametrize(("make", "engine", "error"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_fails_with_its_own_error(kit, make, engine, error):
    with pytest.raises(error) as info:
        build(ValuesDetector(PII), MediaType.PDF, make(kit), "doc-3", engine)
    assert info.value.ref == "doc-3"
    assert "Gonzalez" not in str(info.value)


def test_small_compressed_stream_within_limits_passes(kit):
    rendition, problems = build(
        ValuesDetector(PII), MediaType.PDF, _bomb(kit, 2**20), "doc-4", ENGINE
    )
    assert problems == []
    assert_clean(rendition.data, 1)
