"""Numbers that a hospital's context makes identifiers (known answers, text written for the
test): a unit/hospital/patient number sign before them, a pager extension with a dash."""

from __future__ import annotations

import pytest

from redaction.detector import Detector, NoEntities
from redaction.record_numbers import find_record_numbers


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("UNIT # 556677 ON ARMBAND", [("556677", "MRN")]),
        ("unit no: 5566-77", [("5566-77", "MRN")]),
        ("hosp #: 4431270 on old chart", [("4431270", "MRN")]),
        ("pt no. 88123 per label", [("88123", "MRN")]),
        ("paged renal, pager 4-1234", [("4-1234", "PHONE")]),
        ("PGR #7-0412 FOR QUESTIONS", [("7-0412", "PHONE")]),
        ("unit 2 of blood given", []),  # a count
        ("history: 2004 smoker", []),  # no number sign
        ("case # 2 today", []),  # too short for a record
        ("visit #2 today", []),
    ],
)
def test_find_record_numbers(text: str, found: list[tuple[str, str]]) -> None:
    spans = list(find_record_numbers(text))
    assert [(text[f.start : f.end], f.label) for f in spans] == found


def test_the_detector_redacts_them() -> None:
    text = "transfusion: unit # 4471920. pager 3-4410 with questions."
    found = [text[f.start : f.end] for f in Detector(ner=NoEntities()).detect(text)]
    assert found == ["4471920", "3-4410"]
