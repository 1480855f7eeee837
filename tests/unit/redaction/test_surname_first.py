"""Surname-first names in running text and field values. Every text here was written for these
tests; the names are made up and in no lexicon where it matters."""

from __future__ import annotations

import pytest

from redaction.surname_first import find_surname_first_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_surname_first_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Owner: Brannock, Thaddeus\nBackup: Figgis, Quennell\n",
            [
                "Brannock, Thaddeus",
                "Figgis, Quennell",
            ],
        ),
        ("Please add Okafor, Henrietta to the list.", ["Okafor, Henrietta"]),
        ("the supervisor, Okafor, Henrietta M. signed it", ["Okafor, Henrietta M."]),
        # no census given name mid-sentence, places, firms, Notes address lists
        ("Please add Ashdown, Quennell to the list.", []),
        ("We met in Dayton, Sharon said.", []),
        ("a lawyer from Okafor, Brannock and Figgis.", []),
        ("Ana Ruiz/NA/Okafor@Okafor, Henrietta \nBrannock/Corp/Okafor@Okafor", []),
    ],
)
def test_surname_first_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft.\nRN: Okafor, Henrietta"
    assert _names(note) == []
