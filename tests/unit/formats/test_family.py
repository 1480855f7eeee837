"""The message formats' shared base: the client's reading copy of a family, annotated."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from formats.ports import Note, OpenContext
from formats.registry import build_registry
from models.document import MediaType
from redaction.pdf_annotate import highlight_rects

from .conftest import NAME, PLANTED
from .documents import email

CTX = OpenContext("doc-f")


@pytest.fixture(scope="module")
def eml():
    return build_registry().get(MediaType.EML)


def _quotes(pdf: bytes) -> list[tuple[int, str]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            (i, "".join(doc[i].get_textpage().get_text_bounded(*r) for r in rects).strip())
            for i, rects in highlight_rects(pdf)
        ]
    finally:
        doc.close()


def test_notes_highlight_their_words_in_body_and_attachment(eml) -> None:
    attachment = (f"phone {PLANTED[2]} on file".encode(), "text", "plain")
    data = email(f"Dear {NAME},\nsee attached.", attachments=[attachment])
    opened = eml.open(data, CTX)
    name_at, phone_at = opened.text.index(NAME), opened.text.index(PLANTED[2])
    notes = [
        Note(name_at, name_at + len(NAME), "PERSON", "client", "r1"),
        Note(phone_at, phone_at + len(PLANTED[2]), "PHONE", "", "r2"),
    ]
    marked = eml.annotate(opened, notes)
    assert marked is not None and marked.startswith(b"%PDF")
    assert _quotes(marked) == [(0, NAME), (1, PLANTED[2])]  # the attachment is page 2
    assert opened.data == data  # the original message is never rewritten


def test_no_notes_is_a_plain_reading_copy(eml) -> None:
    opened = eml.open(email("nothing to see"), CTX)
    marked = eml.annotate(opened, [])
    assert marked is not None and highlight_rects(marked) == []
