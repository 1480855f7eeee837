"""Leak-gate helpers: pypdf text of a rendition and structural problem codes."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from models.errors import CorruptDocument
from redaction.pdf import build_rendition, extract, rendition_problems, rendition_text


@pytest.fixture
def clean(kit) -> bytes:
    data = kit.pdf(["Ms. Gonzalez, page one", "page two"])
    pdf_text = extract(data)
    return build_rendition(data, pdf_text, kit.redact(pdf_text.text, ["Gonzalez"]), dpi=24)


def _edit(data: bytes, change: Callable[[PdfWriter], None], incremental: bool = False) -> bytes:
    if incremental:
        writer = PdfWriter(io.BytesIO(data), incremental=True)
    else:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _title(writer: PdfWriter) -> None:
    writer.add_metadata({"/Title": "Maria Gonzalez"})


def _custom_info(writer: PdfWriter) -> None:
    writer.add_metadata({"/PatientName": "Maria Gonzalez"})


def _attachment(writer: PdfWriter) -> None:
    writer.add_attachment("a.txt", b"Maria Gonzalez")


def _outline(writer: PdfWriter) -> None:
    writer.add_outline_item("Maria Gonzalez", 0)


def _annotation(writer: PdfWriter) -> None:
    from pypdf.annotations import FreeText

    writer.add_annotation(1, FreeText(text="Maria Gonzalez", rect=(10, 10, 200, 40)))


def _xmp(writer: PdfWriter) -> None:
    writer.xmp_metadata = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'


def _open_action_dict(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("http://x")}
    )


def _revision(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/Note")] = TextStringObject("changed")


CASES = {
    "metadata": (_title, False, ["metadata:Title"]),
    "custom-metadata": (_custom_info, False, ["metadata:custom"]),
    "attachment": (_attachment, False, ["attachments"]),
    "outline": (_outline, False, ["outlines"]),
    "annotation": (_annotation, False, ["annotations:p2"]),
    "xmp": (_xmp, False, ["xmp"]),
    "open-action": (_open_action_dict, False, ["open-action"]),
    "revision": (_revision, True, ["revisions"]),
}


def test_clean_rendition_has_no_problems(clean):
    assert rendition_problems(clean, expected_pages=2) == []


@pytest.mark.parametrize(("change", "incremental", "codes"), CASES.values(), ids=CASES.keys())
def test_problem_codes(clean, change, incremental, codes):
    problems = rendition_problems(_edit(clean, change, incremental), expected_pages=2)
    assert problems == codes
    assert not any("Gonzalez" in p for p in problems)


def test_page_count_mismatch(clean):
    assert rendition_problems(clean, expected_pages=3) == ["page-count"]


@pytest.mark.parametrize("data", [b"", b"not a pdf", b"%PDF-1.4\n%%EOF"])
def test_unreadable(data):
    assert rendition_problems(data) == ["unreadable"]


def test_encrypted_rendition_is_a_problem(kit):
    assert rendition_problems(kit.encrypted("x", user_password="pw")) == ["encrypted"]


def test_rendition_text_joins_pages(clean):
    assert rendition_text(clean).split("\f") == ["Ms. [PII_0], page one", "page two"]


def test_rendition_text_of_garbage_is_corrupt():
    with pytest.raises(CorruptDocument) as info:
        rendition_text(b"garbage", ref="doc-7")
    assert info.value.ref == "doc-7"


@pytest.mark.parametrize("pages", [1, 3, 7])
def test_rendition_text_read_page_by_page_is_pypdfs_whole_reading(kit, pages: int) -> None:
    """Dropping each page's objects once its text is read (and reading the bytes in place)
    changes no text: the same as pypdf reading the whole file with everything cached."""
    lines = [f"Page {n}: Mr. Halvard Quist, file {n:03d}" for n in range(pages)]
    data = kit.pdf(lines)
    pdf_text = extract(data)
    rendition = build_rendition(data, pdf_text, kit.redact(pdf_text.text, ["Quist"]), dpi=24)
    whole = PdfReader(io.BytesIO(rendition))
    assert rendition_text(rendition) == "\f".join(p.extract_text() for p in whole.pages)
    assert rendition_text(rendition).count("[PII_0]") == pages
