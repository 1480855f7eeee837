"""Precision guards (drug names, clinical shorthand) and recall helpers (initials, captions,
address blocks), on text written for these tests."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.clinical import clinical_only, drop_clinical
from redaction.detector import Detector
from redaction.parallel import shares
from redaction.propagate import initials


@pytest.mark.parametrize(
    ("value", "clinical"),
    [
        ("Metformin", True),
        ("LASIX 40 MG IV GIVEN", True),
        ("CHF EXACERBATION", True),
        ("ceftriaxone and azithromycin", False),  # "and" is not clinical: handled by NER rules
        ("Adaeze Okonkwo", False),
        ("K. MURPHY", False),
        ("40", False),
    ],
)
def test_clinical_only(value: str, clinical: bool) -> None:
    assert clinical_only(value) is clinical


def test_drop_clinical_keeps_trusted_address_sources() -> None:
    text = "Lasix Ave"
    weak = Finding(0, 5, "PERSON", 0.85, "ner:PERSON")
    strong = Finding(0, 9, "ADDRESS", 0.8, "pattern:address")
    assert drop_clinical(text, [weak, strong]) == [strong]


@pytest.mark.parametrize(
    "text",
    [
        "Metformin 500 mg daily; Apixaban 5 mg BID.",
        "GIVEN LASIX 40 MG IV. CONT TELEMETRY. CHF EXACERBATION.",
        "Started ceftriaxone and azithromycin.",
    ],
)
def test_drugs_and_doses_stay_readable(detector: Detector, text: str) -> None:
    assert detector.detect(text) == []


def test_initials_of_a_found_name_are_redacted(detector: Detector) -> None:
    text = "Patient: Wojciech Kowalczyk\nPlan discussed; W.K. agrees. Visit at 9 A.M."
    found = {text[f.start : f.end] for f in detector.detect(text)}
    assert "W.K." in found and not any("A.M." in v for v in found)


def test_initials() -> None:
    assert initials(["Wojciech", "Kowalczyk"]) == ["W.K.", "W. K."]
    assert "J.K." in initials(["Jan", "Maria", "Kowal"])
    assert initials(["Cher"]) == []


def test_caption_parties_in_capitals(detector: Detector) -> None:
    text = (
        "MARÍA JOSÉ GARCÍA LÓPEZ and OLEKSANDR PETRENKO, individually,\n"
        "          Plaintiffs,\n     v.\nHALVERSON FREIGHT LLC,\n          Defendant.\n"
    )
    found = {(text[f.start : f.end], f.label) for f in detector.detect(text)}
    assert ("MARÍA JOSÉ GARCÍA LÓPEZ", "PERSON") in found
    assert ("OLEKSANDR PETRENKO", "PERSON") in found
    assert any(v.startswith("HALVERSON FREIGHT") for v, _ in found)


def test_address_block_lines(detector: Detector) -> None:
    text = "Tunde Bakare\nFlat 3, 17 Kingsway\nLeeds LS6 2QA\n\nDear Mr. Bakare,\n"
    found = [text[f.start : f.end] for f in detector.detect(text)]
    assert "Flat 3, 17 Kingsway" in found or any("Kingsway" in v for v in found)


def test_shares_split_by_characters() -> None:
    texts = ["a" * 10, "b" * 10, "c" * 10, "d" * 10]
    groups = shares(texts, 2)
    assert sorted(i for g in groups for i in g) == [0, 1, 2, 3]
    assert len(groups) == 2
