"""The pixel gate reads the page, not our redaction boxes: real OCR on a burned scan.

RapidOCR reads the white token label on a burned box, often mangled (``PERSO N 11``) so
that it no longer looks like a token; beside "invoice" such a fragment was detected as an
ACCOUNT and a made-up 300-page scan was quarantined. The gate masks the boxes the page
shows burned before reading; a box the renderer did not paint is not masked.
"""

from __future__ import annotations

import re

import pytest

from models.finding import RedactionResult
from redaction.gate import gate_pdf, pixel_problems
from redaction.leakcheck import redact_to_fixpoint
from redaction.pdf import PdfiumEngine
from redaction.pdf_burnmask import shown_burns

from .corpus import page_image, scan_pdf, text_pdf

LINES = [
    f"Item {n}: Claimant Daniel Okafor called (312) 555-01{n} about the invoice."
    for n in range(40, 52)
]
LABEL = re.compile(r"PERS|ERSON|PHON|HONE|[\[\]_]")  # pieces of [PERSON_1], [PHONE_2], ...


@pytest.fixture(scope="module")
def engine(ocr) -> PdfiumEngine:
    return PdfiumEngine(ocr=ocr)


@pytest.fixture(scope="module")
def burned(engine, detector):
    data = scan_pdf([page_image(text_pdf(LINES, size=10.0), 150)])
    pdf_text = engine.extract(data)
    result = redact_to_fixpoint(pdf_text.text, detector)
    burns = shown_burns(data, pdf_text, result, None, "b", engine.limits)
    return data, pdf_text, result, burns


def _read(engine: PdfiumEngine, rendition: bytes, burns=None) -> str:
    return next(iter(engine.pixel_pages(rendition, burns=burns))).text


def test_the_gate_reads_the_page_without_our_token_labels(engine, detector, burned) -> None:
    data, pdf_text, result, burns = burned
    assert {r.label for r in result.replacements} == {"PERSON", "PHONE"}
    rendition = engine.build_rendition(data, pdf_text, result)
    assert LABEL.findall(_read(engine, rendition))  # unmasked, OCR reads our labels
    masked = _read(engine, rendition, burns)
    assert LABEL.findall(masked) == []
    assert masked.count("Claimant") >= len(LINES) - 2  # the rest of the page is still read
    assert gate_pdf(rendition, result, detector, 1, engine, burns) == []


def test_a_value_the_renderer_left_unburned_is_still_caught(engine, detector, burned) -> None:
    data, pdf_text, result, burns = burned
    unburned = engine.build_rendition(data, pdf_text, RedactionResult(pdf_text.text, ()))
    problems = pixel_problems(unburned, result, detector, engine, burns)
    kinds = {p.split("@")[0] for p in problems}
    assert {"ocr:p1:extracted:value", "ocr:p1:name-part"} <= kinds
