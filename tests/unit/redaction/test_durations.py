"""Terms of a sentence, custody or ban go as dates under the legal rule ``durations``; time
limits, ages and clinical durations stay readable. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.durations import find_durations
from redaction.policy import PolicyDetector, load_policy


def _terms(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_durations(text)]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            "The tribunal sentenced Mr Ostrowski to four years and two months' imprisonment.",
            ["four years and two months"],
        ),
        ("She was given 18 months\u2019 detention, suspended.", ["18 months"]),
        ("a 6 year sentence was imposed on appeal", ["6 year"]),
        ("It cut it to three and a half years\u2019 imprisonment.", ["three and a half years"]),
        ("His police custody lasted eleven days in all.", ["eleven days"]),
        ("barred from holding office for seven years", ["seven years"]),
        ("for the following twenty-two years he paid nothing", ["twenty-two years"]),
        ("a penalty of 30 days and a sentence of 9 years", ["9 years"]),
        ("he signed a three-year contract with the club", ["three-year"]),
        ("1 year\u2019s probation and a fine", ["1 year\u2019s"]),
        ("sentenced to six months and one week's detention", ["six months and one week's"]),
        # time limits, ages and plain talk of time
        ("The claimant may appeal within 90 days of this letter.", []),
        ("She was 41 years old when the lease began.", []),
        ("at the age of seven months he moved to Tilburg", []),
        ("We met two days ago and spoke for a while.", []),
    ],
)
def test_cued_durations(text: str, terms: list[str]) -> None:
    assert _terms(text) == terms


def test_clinical_notes_keep_their_durations() -> None:
    note = (
        "pt on levophed gtt for 3 days, weaned to off. abd soft, +bs. "
        "lasix 40mg iv given, u/o 80cc/hr. vanco and zosyn for seven days per id."
    )
    assert _terms(note) == []


def test_legal_and_strict_apply_the_rule_medical_does_not(detector: Detector) -> None:
    text = "The trial court gave Mr Ostrowski five years' imprisonment in 2004."

    def found(policy: str) -> set[str]:
        policed = PolicyDetector(detector, load_policy(policy))
        return {text[f.start : f.end] for f in policed.detect(text)}

    assert "five years" in found("legal") and "five years" in found("strict")
    assert "five years" not in found("medical")
