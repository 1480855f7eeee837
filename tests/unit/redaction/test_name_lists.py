"""Names listed one per line. Every text here was written for these tests; the names are made
up and in no lexicon where it matters."""

from __future__ import annotations

import pytest

from redaction.name_lists import find_listed_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_listed_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Attendees:\n\tDrummond Kesteven\n\tAurelie Fontanges\n\tSebastien Marchetto\n",
            ["Drummond Kesteven", "Aurelie Fontanges", "Sebastien Marchetto"],
        ),
        ("  - Ines Varga\r\n  - Dr. Olek B. Dumont\r\n", ["Ines Varga", "Olek B. Dumont"]),
        ("1. Zofia Kwiatkowska\n2. Tobias Oyelaran\n", ["Zofia Kwiatkowska", "Tobias Oyelaran"]),
        (
            "attendees:\n\tdrummond kesteven\n\taurelie fontanges\n",
            ["drummond kesteven", "aurelie fontanges"],
        ),
        (
            "ATTENDEES:\n\tDRUMMOND KESTEVEN\n\tAURELIE FONTANGES\n",
            [
                "DRUMMOND KESTEVEN",
                "AURELIE FONTANGES",
            ],
        ),
        # lower-case cells in a mixed-case text are no names
        ("Attendees:\n\tdrummond kesteven\n\taurelie fontanges\n", []),
        # a plain word in any line, a single line, or no indent: not a name list
        ("\tGas Desk\n\tPower Trading\n", []),
        ("\tInes Varga\n\tGas Desk\n", []),
        ("\tInes Varga\n", []),
        ("Ines Varga\nOlek Dumont\n", []),
        ("\tInes Varga\n\n\tOlek Dumont\n", []),
    ],
)
def test_listed_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "neuro: lasix 40 iv, levophed gtt, abd soft, bs clear, vanco due\n\tIna Varga\n\tOla Nus"
    assert _names(note) == []
