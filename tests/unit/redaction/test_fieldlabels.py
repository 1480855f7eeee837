"""Field labels stay outside name spans (``Patient: Jane Roe Sex: F``). Texts written for
these tests."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.detector import Detector
from redaction.fieldlabels import trim_field_labels
from redaction.leakcheck import redact_to_fixpoint


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("Patient: Jane Roe Sex: F", "Jane Roe Sex", "Jane Roe"),
        ("Name: Jane Roe DOB: 1/2/1960", "Name: Jane Roe", "Jane Roe"),
        ("NAME: JOHN LEE MRN: 55", "JOHN LEE MRN", "JOHN LEE"),
        ("Client Marta Kowalska  Reference: 12", "Marta Kowalska  Reference", "Marta Kowalska"),
        # a label word that is also a surname stays in the span: cutting it could leak
        ("Witness Amy Rose Hill: present", "Amy Rose Hill", "Amy Rose Hill"),
        # a name before a colon is a speaker, not a label: kept whole
        ("MR. HALVORSEN: Objection.", "HALVORSEN", "HALVORSEN"),
        ("Q. Ms. Grace Lee: yes", "Grace Lee", "Grace Lee"),
        # a span that is only a label is left alone (a dropped name would leak)
        ("Sex: F", "Sex", "Sex"),
    ],
)
def test_field_labels_stay_outside_spans(text: str, value: str, kept: str) -> None:
    start = text.index(value)
    out = trim_field_labels(text, [Finding(start, start + len(value), "PERSON")])
    assert [text[f.start : f.end] for f in out] == [kept]


@pytest.mark.parametrize(
    ("text", "name", "label_word"),
    [
        ("Patient: Jane Roe Sex: F Age: 44", "Roe", "Sex"),
        ("PATIENT: MARGARET OYELARAN SEX: F", "OYELARAN", "SEX"),
        ("Attending: Dr. Henrik Solberg Unit: 4 West", "Solberg", "Unit"),
    ],
)
def test_detector_keeps_labels_readable(
    detector: Detector, text: str, name: str, label_word: str
) -> None:
    result = redact_to_fixpoint(text, detector)
    assert name not in result.redacted_text
    assert f"{label_word}:" in result.redacted_text
