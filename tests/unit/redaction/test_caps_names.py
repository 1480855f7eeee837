"""Capital surname-first names. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.caps_names import find_caps_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_caps_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("OKONKWO, HENRIETTA\n", ["OKONKWO, HENRIETTA"]),
        ("cc: ZILBAUER/GWENDOLYN and QUIST, TOBIAS M.", ["ZILBAUER/GWENDOLYN", "QUIST, TOBIAS M."]),
        ("OKAFOR-QUAILE, HENRIETTA", ["OKAFOR-QUAILE, HENRIETTA"]),
        # a plain word or a place as the surname, a given name that is a word, paths
        ("DAYTON, MARY", []),
        ("PLEASE, JOHN", []),
        ("AGENDA, SUMMER", []),
        ("LASIX/ALDACTONE", []),
        ("DAL/NVX/TOBIAS", []),
    ],
)
def test_caps_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_short_given_names_in_clinical_notes_are_shorthand() -> None:
    note = "neuro: lasix 40 iv, levophed gtt, abd soft, bs clear. PERL, MAE. OKONKWO, HENRIETTA"
    assert _names(note) == ["OKONKWO, HENRIETTA"]
    assert _names("Booked for QUIST, MAE on the morning flight") == ["QUIST, MAE"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("KOWALCZYK, RADOMIR\nOKORO/PERPETUA\n", ["KOWALCZYK, RADOMIR", "OKORO/PERPETUA"]),
        ("see KOWALCZYK, RADOMIR here", []),
        ("NORVALE/CORP\n", []),
    ],
)
def test_a_roster_line_needs_no_census_given_name(text: str, names: list[str]) -> None:
    assert _names(text) == names
