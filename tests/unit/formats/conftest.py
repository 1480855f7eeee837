"""Shared by the format tests: a detector that finds exactly the planted values, the real
OCR engine (loaded once) and a registry over a PDF engine that uses it."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from formats.registry import FormatRegistry, build_registry
from models.finding import Finding
from redaction.ocr_rapid import RapidOcrEngine
from redaction.pdf import PdfiumEngine

NAME, EMAIL, PHONE = "Marisol Quenby", "mquenby@mailhost.example", "(614) 555-0193"
PLANTED = (NAME, EMAIL, PHONE)
# The sample e-mails' Date header: a date left in clear is what the gate's residual scan
# quarantines, so the planted detector finds it like the real one does.
HEADER_DATE = "02 Mar 2026"


def _label(surface: str) -> str:
    if surface[:1].isdigit():
        return "DATE"
    return "EMAIL" if "@" in surface else "PHONE" if surface[:1] == "(" else "PERSON"


def _spaced(value: str) -> str:
    return r"\s*".join(re.escape(c) for c in value if not c.isspace())


class PlantedDetector:
    """Finds the planted values (and the surname alone, and the e-mails' header date),
    case-insensitively and with any spacing between characters (OCR drops and adds spaces)."""

    rx = re.compile("|".join(_spaced(v) for v in (*PLANTED, "Quenby", HEADER_DATE)), re.IGNORECASE)

    def detect(self, text: str) -> list[Finding]:
        return self.finalize(
            text,
            [
                Finding(m.start(), m.end(), _label(m.group()), 1.0, "planted")
                for m in self.rx.finditer(text)
            ],
        )

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        out: list[Finding] = []
        for f in sorted(findings, key=lambda f: (f.start, -f.end)):
            if not out or f.start >= out[-1].end:
                out.append(f)
        return out


@pytest.fixture(scope="session")
def planted_detector() -> PlantedDetector:
    return PlantedDetector()


@pytest.fixture(scope="session")
def real_ocr() -> RapidOcrEngine:
    return RapidOcrEngine()


@pytest.fixture(scope="session")
def registry(real_ocr: RapidOcrEngine) -> FormatRegistry:
    return build_registry(PdfiumEngine(ocr=real_ocr))
