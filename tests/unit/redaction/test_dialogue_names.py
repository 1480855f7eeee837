"""Names in dialogue attributions. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.dialogue_names import find_dialogue_names


def _names(text: str) -> list[str]:
    return sorted(text[f.start : f.end] for f in find_dialogue_names(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('"Not now," said Tobias.', ["Tobias"]),
        ("I'm late! said Wanda to Tobias", ["Tobias", "Wanda"]),
        ("Ilse shouted at Tobias: go!", ["Ilse", "Tobias"]),
        ("she asked Yamamoto twice", ["Yamamoto"]),
        # words in no lexicon, places, plain words, a possessive
        ("said Quistco in a statement", []),
        ("said Florida officials", []),
        ("the court said Section 4 applies", []),
        ("said Tobias's lawyer", []),
    ],
)
def test_dialogue_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_dialogue_names_in_clinical_notes() -> None:
    note = "Neuro: sedated on propofol. Resp: LS coarse, sx. Gi: abd soft. Pt asked Tobias to call."
    assert _names(note) == []
