"""The real OCR engine, loaded once for the OCR tests (the real ``detector`` is the
session's, from tests/conftest.py)."""

from __future__ import annotations

import pytest

from redaction.ocr_rapid import RapidOcrEngine


@pytest.fixture(scope="session")
def ocr() -> RapidOcrEngine:
    return RapidOcrEngine()
