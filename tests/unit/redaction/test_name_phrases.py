"""Names announced by naming and contact phrases. Every text here was written for these
tests."""

from __future__ import annotations

import pytest

from redaction.name_phrases import find_phrase_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_phrase_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hello, my name is Ysolde Marrak.", ["Ysolde Marrak"]),
        ("Everyone calls me Tomek", ["Tomek"]),
        ("What's your last name? Okonjo", ["Okonjo"]),
        ("Her maiden name is Horáková.", ["Horáková"]),
        ("Could I speak to Dagny Roalsen please?", ["Dagny Roalsen"]),
        ("Please add Oskar Lindqvist as a beneficiary", ["Oskar Lindqvist"]),
        ("Brigid, can you sign this?", ["Brigid"]),
        # plain words after a cue, a lone surname after a contact cue, interjections
        ("My name is not important", []),
        ("Please add Section 4 to the draft", []),
        ("speak to Marrak", []),
        ("Hey, here are the photos", []),
        ("Price, I assume, is fixed", []),
    ],
)
def test_phrase_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_phrase_names_in_clinical_notes() -> None:
    note = "Neuro: sedated. Resp: LS coarse, sx. Plan: lasix 20mg IV, abd soft,"
    note += " speak to Dagny Roalsen."
    assert _names(note) == []
