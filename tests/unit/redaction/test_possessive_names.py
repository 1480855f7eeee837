"""Names in the possessive inside a sentence. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.possessive_names import find_possessive_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_possessive_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We stayed at Nakamura's house.", ["Nakamura"]),
        ("I'm Tobias's daughter.", ["Tobias"]),
        ("she read Yamamoto\u2019s notes", ["Yamamoto"]),
        # eponyms, places, plain words, a sentence's first word
        ("a case of Crohn's disease", []),
        ("by Murphy's law", []),
        ("protect India's water", []),
        ("the Company's shares", []),
        ("Nakamura's house was empty.", []),
    ],
)
def test_possessive_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_possessive_names_in_clinical_notes() -> None:
    note = "Neuro: sedated on propofol. Resp: LS coarse, sx. Gi: abd soft. At Nakamura's request."
    assert _names(note) == []
