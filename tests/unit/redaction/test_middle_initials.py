"""Names with a bare middle initial. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.middle_initials import find_middle_initial_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_middle_initial_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Signed by Ysolde K Marrak today", ["Ysolde K Marrak"]),
        ("Tomas P van der Berg was late", ["Tomas P van der Berg"]),
        ("read Brigid T Okonjo's letter", ["Brigid T Okonjo"]),
        ("Zdeňka M Horáková", ["Zdeňka M Horáková"]),
        # plain words around a letter are no names
        ("Take Vitamin D Supplement daily", []),
        ("Plan B Options", []),
        ("Hepatitis B Vaccine given", []),
        ("Ysolde K. Marrak", []),  # a dotted initial is other rules' business
    ],
)
def test_middle_initials(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_middle_initials_in_clinical_notes() -> None:
    note = "Pt A Ox3, MAE. Vanco given, lasix 20mg IV.\nNeuro: sedated. Resp: LS coarse.\n"
    note += "Ysolde K Marrak"
    assert _names(note) == []
