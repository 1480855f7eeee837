"""Cued phone numbers in national formats (text written for the test)."""

from __future__ import annotations

import pytest

from redaction.phone_cues import find_cued_phones


def _phones(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_cued_phones(text)]


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Mobile: 61 482 33 07", ["61 482 33 07"]),
        ("Phone:\n(038) 5512-904\n", ["(038) 5512-904"]),
        ("Desk: +33 (0)4 78 12 90 55", ["+33 (0)4 78 12 90 55"]),
        ("You can reach me at 4417 2093 after six.", ["4417 2093"]),
        ("please stop sending messages to 812 440 597", ["812 440 597"]),
        ("Can someone call me on 48 21 07?", ["48 21 07"]),
        ("04.72.18.33.61 office\n331.208.4410x212 fax\n", ["04.72.18.33.61", "331.208.4410x212"]),
        ("(041)663-2087-Fax", ["(041)663-2087"]),
        ("0361 84 20 95-Office", ["0361 84 20 95"]),
        ("0920-4471093-Office", ["0920-4471093"]),
        ("07700512338 mobile", ["07700512338"]),
        ("Tel.\\n+46 8 441 20 17", ["+46 8 441 20 17"]),
        ("my registered 733 104 582 does not get texts", ["733 104 582"]),
    ],
)
def test_cued_phones(text: str, phones: list[str]) -> None:
    assert sorted(set(_phones(text))) == sorted(phones)


@pytest.mark.parametrize(
    "text",
    [
        "call at 1800-2000 if febrile",  # shift hours
        "office hours 0900 1700",
        "ABG: PH 7.44-7.46, PCO2 38",  # pH is no phone cue
        "Na 138 K 4.1 Cl 101 HCO3 24",  # lab values
        "BP 132/84, HR 88, RR 18, T 37.2",  # vitals
        "gave 2 mg morphine, 500 ml NS over 4 hours",  # doses
        "the 2019 2020 season at home 3 times",
    ],
)
def test_no_clinical_phones(text: str) -> None:
    assert _phones(text) == []
