"""Extraction: text detection sees, the glyph boxes behind every offset, and the error map."""

from __future__ import annotations

import re
import string

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    ImageOnlyDocument,
    SealroomError,
    UnsupportedDocument,
)
from redaction.pdf import PdfLimits, extract
from redaction.pdf_chars import RawChar, normalise

LETTER = (
    "Patient: Maria Gonzalez  DOB 03/14/1962\n"
    "MRN: 4471920  Phone (555) 201-3344\n"
    "Metformin 500 mg twice daily; HbA1c 7.2%\n"
    "Seen by Dr. Oluwaseun Adeyemi at 12 Elm Street, Springfield"
)
SPANS = [
    "Maria Gonzalez",
    "03/14/1962",
    "4471920",
    "(555) 201-3344",
    "Oluwaseun Adeyemi",
    "12 Elm Street",
    "Patient",
    "Springfield",
]


def bounded_text(data: bytes, page_index: int, boxes: tuple[tuple[float, ...], ...]) -> str:
    doc = pdfium.PdfDocument(data)
    textpage = doc[page_index].get_textpage()
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    text: str = textpage.get_text_bounded(left, bottom, right, top)
    doc.close()
    return text.strip()


@pytest.mark.parametrize("span", SPANS)
def test_text_under_span_boxes_is_the_span(kit, span):
    data = kit.pdf([LETTER])
    pdf_text = extract(data)
    start = pdf_text.text.index(span)
    (located,) = pdf_text.locate(start, start + len(span))
    assert located.page_index == 0
    assert len(located.boxes) == len(span)  # every char, spaces included, is drawn
    assert bounded_text(data, 0, located.boxes) == span


def test_text_is_normalised_lines(kit):
    pdf_text = extract(kit.pdf([LETTER]))
    assert "\r" not in pdf_text.text
    # PDFium collapses the double space; words and line structure survive
    assert [re.sub(r"\s+", " ", line) for line in pdf_text.text.split("\n")] == [
        re.sub(r"\s+", " ", line) for line in LETTER.split("\n")
    ]
    page = pdf_text.pages[0]
    assert len(page.boxes) == len(page.text)
    assert all(page.boxes[i] is None for i, c in enumerate(page.text) if c == "\n")


def test_multi_page_text_joined_by_form_feed(kit):
    pages = ["First page Maria Gonzalez", "Second page", ("Third page Maria Gonzalez", (792, 612))]
    data = kit.pdf(pages)
    pdf_text = extract(data)
    assert pdf_text.text.split("\f") == ["First page Maria Gonzalez", "Second page", pages[2][0]]
    assert [p.start for p in pdf_text.pages] == [0, 26, 38]
    assert [(p.width, p.height) for p in pdf_text.pages][2] == (792, 612)
    last = pdf_text.text.rindex("Maria Gonzalez")
    (located,) = pdf_text.locate(last, last + 14)
    assert located.page_index == 2
    assert bounded_text(data, 2, located.boxes) == "Maria Gonzalez"
    assert pdf_text.page_at(last).index == 2
    assert pdf_text.page_at(pdf_text.pages[0].end).index == 0  # the form feed


def test_span_across_page_break_is_split_per_page(kit):
    pdf_text = extract(kit.pdf(["alpha beta", "gamma delta"]))
    start = pdf_text.text.index("beta")
    end = pdf_text.text.index("gamma") + 5
    found = pdf_text.locate(start, end)
    assert [f.page_index for f in found] == [0, 1]
    assert [len(f.boxes) for f in found] == [4, 5]


def test_locate_rejects_out_of_range(kit):
    pdf_text = extract(kit.pdf(["short"]))
    with pytest.raises(IndexError):
        pdf_text.locate(0, len(pdf_text.text) + 1)


def test_repr_carries_no_text(kit):
    pdf_text = extract(kit.pdf([LETTER]))
    assert "Gonzalez" not in repr(pdf_text)
    assert "Gonzalez" not in repr(pdf_text.pages[0])


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _tail_cut(data: bytes) -> bytes:
    return data[:-12]


def _bad_xref(data: bytes) -> bytes:
    return re.sub(rb"startxref\s+\d+", b"startxref\n17", data)


CORRUPTIONS = {
    "zero-bytes": lambda data: b"",
    "not-a-pdf": lambda data: b"Maria Gonzalez, DOB 03/14/1962\n" * 20,
    "truncated-half": _truncated,
    "truncated-tail": _tail_cut,
    "bad-xref": _bad_xref,
    "garbage-body": lambda data: data[:9] + b"\x00" * (len(data) - 9),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_corrupt_inputs_raise_corrupt_document(kit, corrupt):
    with pytest.raises(CorruptDocument) as info:
        extract(corrupt(kit.pdf([LETTER])), ref="doc-1")
    assert info.value.ref == "doc-1"
    assert "Gonzalez" not in str(info.value)


@pytest.mark.parametrize("password", [None, "", "wrong"])
def test_encrypted_without_right_password(kit, password):
    data = kit.encrypted("Maria Gonzalez", user_password="s3cret")
    with pytest.raises(EncryptedDocument) as info:
        extract(data, password, ref="doc-2")
    assert str(info.value) == "SR-DOC-003 encrypted, no password [doc-2]"


def test_encrypted_with_password_extracts(kit):
    data = kit.encrypted("Maria Gonzalez", user_password="s3cret")
    assert extract(data, "s3cret").text == "Maria Gonzalez"


def test_image_only_page_is_refused(kit):
    with pytest.raises(ImageOnlyDocument) as info:
        extract(kit.image_only(), ref="doc-3")
    assert info.value.ref == "doc-3"


def test_blank_page_is_empty_text(kit):
    pdf_text = extract(kit.pdf(["Text", ""]))
    assert pdf_text.text == "Text\f"


LIMITS = {
    "pages": (PdfLimits(max_pages=1), DocumentTooLarge),
    "bytes": (PdfLimits(max_bytes=100), DocumentTooLarge),
    "chars": (PdfLimits(max_chars_per_page=10), DocumentTooLarge),
    "page-size": (PdfLimits(max_page_points=500), DocumentTooLarge),
}


@pytest.mark.parametrize(("limits", "error"), LIMITS.values(), ids=LIMITS.keys())
def test_limits(kit, limits, error):
    with pytest.raises(error):
        extract(kit.pdf(["Maria Gonzalez", "page two"]), ref="doc-4", limits=limits)


def test_unmapped_glyph_limit_error_type():
    with pytest.raises(UnsupportedDocument):
        PdfLimits().check_unmapped(1, "doc-5")
    PdfLimits(max_unmapped_chars=1).check_unmapped(1, "doc-5")


def test_errors_are_in_the_tree():
    for error in (CorruptDocument, EncryptedDocument, ImageOnlyDocument, DocumentTooLarge):
        assert issubclass(error, SealroomError)


def raw(text: str, generated: str = "") -> list[RawChar]:
    return [
        RawChar(c, None if c in generated else (i, 0.0, i + 1.0, 1.0), False)
        for i, c in enumerate(text)
    ]


NORMALISE_CASES = [
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\fb", "a b"),
    ("co\x02op", "co-op"),
    ("x\ud83d\ude00y", "x\U0001f600y"),
    ("lone\ud83dhigh", "lone\ufffdhigh"),
]


@pytest.mark.parametrize(("pdfium_text", "expected"), NORMALISE_CASES)
def test_normalise_known_answers(pdfium_text, expected):
    page = normalise(raw(pdfium_text, generated="\r\n"))
    assert page.text == expected
    assert len(page.boxes) == len(page.text)


def test_normalise_keeps_each_box_with_its_char():
    page = normalise(raw("ab\r\ncd"))
    assert page.text == "ab\ncd"
    assert [b[0] if b else None for b in page.boxes] == [0, 1, 2, 4, 5]


@given(st.text(alphabet=st.sampled_from("ab \r\n\f\x02\ud83d\ude00"), max_size=40))
def test_normalise_properties(text):
    page = normalise(raw(text))
    assert len(page.boxes) == len(page.text)
    assert "\r" not in page.text
    assert "\f" not in page.text
    assert len(page.text) <= len(text)
    assert page.text.count("\n") == text.count("\n") + text.replace("\r\n", "").count("\r")


WORDS = st.text(alphabet=string.ascii_letters + string.digits + "/().:", min_size=2, max_size=12)
# PDFium joins lines in two layouts, so the property avoids them: a one-char line
# ("a\nb" -> "ab") and a line ending in a hyphen ("A-\n00" -> "A-00").


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.lists(WORDS, min_size=1, max_size=5), min_size=1, max_size=4))
def test_every_word_maps_to_its_own_glyphs(kit, lines):
    data = kit.pdf(["\n".join(" ".join(words) for words in lines)])
    pdf_text = extract(data)
    assert [line.split() for line in pdf_text.text.split("\n")] == lines
    for match in re.finditer(r"\S+", pdf_text.text):
        (found,) = pdf_text.locate(match.start(), match.end())
        assert bounded_text(data, 0, found.boxes) == match.group()


def test_scanned_pages_are_read_one_bitmap_at_a_time(page_watch) -> None:
    from PIL import Image

    from redaction.pdf_images import images_to_pdf

    pages = 4
    data = images_to_pdf((Image.new("L", (300, 400), 255), 72.0) for _ in range(pages))
    pdf_text = extract(data, ocr=page_watch)
    assert pdf_text.text.split("\f") == ["Visible words on this page"] * pages
    assert page_watch.reads == pages
    assert page_watch.most_alive == 0  # each page's bitmap freed before the next is rendered
