"""The PDF format over the engine: point geometry, and a pypdf failure while annotating
is a per-document error (reassembly then delivers the JSON alone)."""

from __future__ import annotations

import pytest

from formats import pdf as formats_pdf
from formats.pdf import PdfFormat
from formats.ports import Note, OpenContext
from models.errors import CorruptDocument
from redaction.ocr import FakeOcr
from redaction.pdf import PdfiumEngine

from .test_contract import _pdf


@pytest.fixture(scope="module")
def fmt() -> PdfFormat:
    return PdfFormat(PdfiumEngine(ocr=FakeOcr()))


def test_spans_are_located_in_points_on_their_page(fmt: PdfFormat) -> None:
    opened = fmt.open(_pdf(), OpenContext("d"))
    start = opened.text.index("Quenby")
    regions = fmt.locate(opened, start, start + 6)
    assert len(regions) == 6 and {r.page for r in regions} == {1}
    x0, y0, x1, y1 = regions[0].box
    assert 54 < x0 < x1 < 612 and 0 < y0 < y1 < 792 and regions[0].unit == "pt"


def test_a_writer_crash_while_annotating_is_corrupt_document(fmt, monkeypatch) -> None:
    opened = fmt.open(_pdf(), OpenContext("doc-p"))

    def crash(*_args: object, **_kwargs: object) -> bytes:
        raise AttributeError("'NullObject' has no attribute 'get_object'")

    monkeypatch.setattr(formats_pdf, "annotate_pdf", crash)
    with pytest.raises(CorruptDocument, match=r"\[doc-p\]"):
        fmt.annotate(opened, [Note(0, 7, "X", "", "r")])
