"""Local files for detect/redact/extract: media type from content, never the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.documents import read, text_of
from formats.registry import build_registry
from models.document import MediaType
from models.errors import CorruptDocument, UnsupportedDocument
from redaction.pdf import PdfiumEngine
from tests.unit.formats.documents import docx, plain


def test_text_by_content_even_with_a_pdf_name(tmp_path: Path) -> None:
    path = tmp_path / "looks.pdf"
    path.write_text("Dear Jane,", encoding="utf-8")
    file = read(path)
    assert file.media_type is MediaType.TEXT
    assert text_of(file, build_registry(PdfiumEngine())) == "Dear Jane,"


def test_a_pdf_is_read_with_the_engine(tmp_path: Path, kit) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "letter.txt"
    path.write_bytes(kit.pdf(["Hello there"]))
    file = read(path)
    assert file.media_type is MediaType.PDF
    assert "Hello there" in text_of(file, build_registry(PdfiumEngine()))


def test_a_word_file_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(docx([plain("Dear Jane,")]))
    file = read(path)
    assert file.media_type is MediaType.DOCX
    assert text_of(file, build_registry(PdfiumEngine())) == "Dear Jane,"


@pytest.mark.parametrize(
    ("content", "error"), [(b"\x00\x01binary", UnsupportedDocument), (None, CorruptDocument)]
)
def test_unreadable_inputs(tmp_path: Path, content: bytes | None, error: type) -> None:
    path = tmp_path / "x"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error):
        read(path)
