"""Recognizer tables: positives must be covered with the right label, look-alikes must stay."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.detector import Detector
from redaction.patterns import find_patterns


def _covering(findings: list[Finding], text: str, value: str) -> list[Finding]:
    start = text.index(value)
    end = start + len(value)
    return [f for f in findings if f.start <= start and end <= f.end]


POSITIVES = [
    ("Reach me at jane.q.doe@mailhost.org today.", "jane.q.doe@mailhost.org", "EMAIL"),
    ("Call 415-555-0142 after noon.", "415-555-0142", "PHONE"),
    ("Call (415) 555-0142 x204.", "(415) 555-0142 x204", "PHONE"),
    ("Fax: 415.555.0199", "415.555.0199", "PHONE"),
    ("Mobile +44 20 7946 0958 (UK).", "+44 20 7946 0958", "PHONE"),
    ("Tel +1 212 555 0188", "+1 212 555 0188", "PHONE"),
    ("SSN 123-45-6789 on file", "123-45-6789", "SSN"),
    ("social security number 123456789.", "123456789", "SSN"),
    ("SS# 219 09 9999", "219 09 9999", "SSN"),
    ("Seen on 03/14/2024 in clinic.", "03/14/2024", "DATE"),
    ("Seen on 2024-03-14.", "2024-03-14", "DATE"),
    ("Born March 14, 2024 at home.", "March 14, 2024", "DATE"),
    ("Born 14 March 2024 at home.", "14 March 2024", "DATE"),
    ("Visit Mar. 14th, 2024.", "Mar. 14th, 2024", "DATE"),
    ("Signed Thursday, March 14, 2024.", "Thursday, March 14, 2024", "DATE"),
    ("Return in March 2025.", "March 2025", "DATE"),
    ("MRN: 00482913", "00482913", "MRN"),
    ("Medical Record Number 7734-221", "7734-221", "MRN"),
    ("Acct # 88-1029-33", "88-1029-33", "ACCOUNT"),
    ("Account number: 004417720", "004417720", "ACCOUNT"),
    ("Member ID: XQZ884410221", "XQZ884410221", "HEALTH_PLAN"),
    ("Policy No. PL-99812", "PL-99812", "HEALTH_PLAN"),
    ("Claim No. 2024-118830", "2024-118830", "ACCOUNT"),
    (
        "See https://portal.example.net/u/8812 for results",
        "https://portal.example.net/u/8812",
        "URL",
    ),
    ("Login from 10.20.30.40.", "10.20.30.40", "IP_ADDRESS"),
    ("Lives at 4821 Juniper Hollow Road, Apt 4B.", "4821 Juniper Hollow Road, Apt 4B", "ADDRESS"),
    ("Mail to 77 Elm Street", "77 Elm Street", "ADDRESS"),
    ("Tacoma, WA 98402", "Tacoma, WA 98402", "ADDRESS"),
    ("Card 4111 1111 1111 1111 was charged", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("A 92-year-old woman", "92", "AGE"),
    ("patient, age 93, fell", "93", "AGE"),
    ("IBAN DE89 3704 0044 0532 0130 00 for wires", "DE89 3704 0044 0532 0130 00", "ACCOUNT"),
    ("VIN 1HGCM82633A004352", "1HGCM82633A004352", "VEHICLE"),
    ("NPI 1234567893", "1234567893", "LICENSE"),
    ("Patient: Oriel Vantaggio", "Oriel Vantaggio", "PERSON"),
    ("Dear Mrs. Quillfeather,", "Quillfeather", "PERSON"),
    ("/s/ Tamsin R. Okafor-Lindqvist", "Tamsin R. Okafor-Lindqvist", "PERSON"),
    ("Plaintiff Borislav Ekwueme alleges", "Borislav Ekwueme", "PERSON"),
    ("Mr./Ms. Haverkamp presented", "Haverkamp", "PERSON"),
    ("Respectfully,\nIngrid Solvang-Mbeki\n", "Ingrid Solvang-Mbeki", "PERSON"),
    ("Referred to Cedar Ridge Family Clinic for care", "Cedar Ridge Family Clinic", "ORGANIZATION"),
    ("then employed by Quarrington-Holt, reported", "Quarrington-Holt", "ORGANIZATION"),
    ("of Tanabe & Strauss, appeared", "Tanabe & Strauss", "ORGANIZATION"),
    ("retained Pell, Oduya and Marsh for", "Pell, Oduya and Marsh", "ORGANIZATION"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVES)
def test_pattern_positives(text: str, value: str, label: str) -> None:
    hits = _covering(find_patterns(text), text, value)
    assert hits, f"{label} not found"
    assert label in {f.label for f in hits}


NEGATIVES = [
    ("Start metoprolol 25 mg twice daily and lisinopril 10 mg.", "25 mg twice daily"),
    ("Labs: creatinine 1.3 mg/dL, WBC 11.2 x10^9/L, INR 2.6.", "creatinine 1.3 mg/dL"),
    ("Labs: creatinine 1.3 mg/dL, WBC 11.2 x10^9/L, INR 2.6.", "INR 2.6"),
    ("Diagnosis ICD-10 E11.9 and CPT 99214 billed.", "ICD-10 E11.9"),
    ("Diagnosis ICD-10 E11.9 and CPT 99214 billed.", "CPT 99214"),
    ("Claims arise under 42 U.S.C. § 1983 and 45 C.F.R. § 164.514.", "42 U.S.C. § 1983"),
    ("Claims arise under 42 U.S.C. § 1983 and 45 C.F.R. § 164.514.", "45 C.F.R. § 164.514"),
    ("See Ashcroft v. Iqbal, 556 U.S. 662 (2009).", "Ashcroft v. Iqbal, 556 U.S. 662 (2009)"),
    ("History of Hodgkin lymphoma and Crohn's disease.", "Crohn's disease"),
    ("Symptoms for 3 days, worse over the past week.", "3 days"),
    ("Fed. R. Civ. P. 12(b)(6) governs.", "Fed. R. Civ. P. 12(b)(6)"),
    ("Temperature 38.4 C, SpO2 94% on room air.", "38.4 C"),
    ("The patient is a 67-year-old man.", "67"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVES)
def test_look_alikes_stay(detector: Detector, text: str, value: str) -> None:
    assert not [f for f in detector.detect(text) if f.overlaps(_span(text, value))]


def _span(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PROBE")


@pytest.mark.parametrize(
    "text",
    ["Paid 666-12-3456 dollars", "code 900-12-3456", "ref 123-00-4567"],
)
def test_invalid_ssns_are_not_ssn(text: str) -> None:
    assert "SSN" not in {f.label for f in find_patterns(text)}


@pytest.mark.parametrize("text", ["card 4111 1111 1111 1112", "order 1234567812345678"])
def test_non_luhn_numbers_are_not_cards(text: str) -> None:
    assert "CREDIT_CARD" not in {f.label for f in find_patterns(text)}


@pytest.mark.parametrize("text", ["on 13/45/2024", "on 2024-02-30", "version 1.2.3"])
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert "DATE" not in {f.label for f in find_patterns(text)}
