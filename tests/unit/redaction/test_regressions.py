"""Leaks the end-to-end PII scan found; each case is a text shape, not a fixture string."""

from __future__ import annotations

import pytest

from redaction.detector import Detector

CASES = [
    # an eponym pattern ("<Name> test") must not reach across a line break into a name
    (
        "Ordering physician: Dr. Kwabena Mensah-Bonsu\nTest Result Reference\n",
        "Kwabena Mensah-Bonsu",
    ),
    ("Verified by: Dr. Ifeoma Okafor\nTest Panel\n", "Ifeoma Okafor"),
    # a ZIP after a spelled-out state name
    ("residing at 4 Elm Row, Medford, Massachusetts 02155.", "02155"),
    ("Austin, Texas 78701-1234 is the venue of record", "78701-1234"),
    # federal docket numbers identify the parties
    ("Civil Action No. 2:23-cv-04410", "2:23-cv-04410"),
    ("Case 1:19-cr-00042-JAM Document 12", "1:19-cr-00042-JAM"),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_value_is_redacted(detector: Detector, text: str, value: str) -> None:
    start = text.index(value)
    covered = [f for f in detector.detect(text) if f.start <= start and start + len(value) <= f.end]
    assert covered, value


@pytest.mark.parametrize(
    "text", ["Positive Babinski sign and Romberg test noted.", "Negative Phalen test bilaterally."]
)
def test_eponyms_on_one_line_stay_readable(detector: Detector, text: str) -> None:
    assert detector.detect(text) == []
