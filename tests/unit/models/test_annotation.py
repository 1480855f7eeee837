"""The one reviewer-note type every format's deliverable is annotated with."""

from __future__ import annotations

import pytest

from formats.ports import Note as FormatNote
from models.annotation import Note
from redaction.pdf_annotate import Note as PdfNote


@pytest.mark.parametrize(
    ("comment", "shown"),
    [("check the date", "DATE: check the date (r1)"), ("", "DATE (r1)")],
)
def test_contents(comment: str, shown: str) -> None:
    assert Note(0, 4, "DATE", comment, "r1").contents == shown


def test_formats_and_pdf_annotation_share_the_type() -> None:
    assert FormatNote is Note is PdfNote
