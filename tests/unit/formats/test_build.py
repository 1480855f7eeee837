"""The generic build: what the format's independent extractors find is folded back
before the gate, and library errors become per-document errors."""

from __future__ import annotations

import pytest

from formats.build import build_rendition
from formats.ports import OpenContext
from formats.text import TextFormat
from models.errors import CorruptDocument

from .conftest import PlantedDetector


class ShiftyText(TextFormat):
    """A text format whose 'other extractor' lays out a value the detector finds only
    there (as pdftotext can): the surname on a line of its own."""

    def reread(self, rendition: bytes, ref: str) -> list[str]:
        return [rendition.decode().replace("Quen by", "\nQuenby\n")]


class Breaks(TextFormat):
    def render(self, opened, result):  # type: ignore[no-untyped-def]
        raise ValueError("library trouble")


def test_findings_of_the_other_extractors_are_folded_back() -> None:
    data = b"Letter to Quen by, Marisol Quenby's brother."
    rendition, problems = build_rendition(ShiftyText(), PlantedDetector(), data, OpenContext("d"))
    assert "Quen by" not in rendition.result.redacted_text
    assert "Quenby" not in rendition.result.redacted_text
    assert problems == []


def test_a_library_error_is_a_corrupt_document() -> None:
    with pytest.raises(CorruptDocument, match=r"\[doc-7\]"):
        build_rendition(Breaks(), PlantedDetector(), b"x", OpenContext("doc-7"))
