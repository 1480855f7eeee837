"""Neutral zones (known answers): citations, codes, doses, lab values and eponyms stay
readable; weak findings inside them are dropped, strong identifiers never are."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.neutral import drop_neutral, neutral_zones


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("See Orrick Holdings Corp. v. Pellamy, 512 U.S. 218 (1999).", "512 U.S. 218 (1999)"),
        ("under 17 U.S.C. § 5093 jurisdiction", "17 U.S.C. § 5093"),
        ("coded ICD-10 K58.9 today", "ICD-10 K58.9"),
        ("metoprolol 50 mg daily", "metoprolol 50 mg"),
        ("history of Vessingmore syndrome", "Vessingmore syndrome"),
    ],
)
def test_zones_cover_the_look_alike(text: str, zone: str) -> None:
    start = text.index(zone)
    assert any(a <= start and start + len(zone) <= b for a, b in neutral_zones(text))


def test_plain_prose_has_no_zone() -> None:
    assert neutral_zones("The patient walked home after lunch.") == []


def test_weak_findings_inside_a_zone_are_dropped_strong_ones_kept() -> None:
    text = "history of Vessingmore syndrome; call 555-0100"
    weak = Finding(11, 22, "PERSON", 0.6, "ner:PERSON")  # "Vessingmore"
    strong = Finding(11, 22, "PHONE", 0.9, "pattern:phone")  # strong labels are trusted
    outside = Finding(39, 47, "PERSON", 0.6, "ner:PERSON")
    assert drop_neutral(text, [weak, strong, outside]) == [strong, outside]


def test_precomputed_zones_are_used_as_given() -> None:
    f = Finding(0, 5, "PERSON", 0.6, "ner:PERSON")
    assert drop_neutral("Quill walked", [f], zones=[(0, 12)]) == []
    assert drop_neutral("Quill walked", [f], zones=[]) == [f]
