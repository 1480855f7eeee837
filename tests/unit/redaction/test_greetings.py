"""Greeted names and bare salutations. Every text here was written for these tests; the names
are made up and in no lexicon where it matters."""

from __future__ import annotations

import pytest

from redaction.greetings import find_greeted_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_greeted_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hey Bex,\n\nThe file is attached.", ["Bex"]),
        ("hi tamsin!\nthe file is attached.", ["tamsin"]),
        ("Dear Mr. Quillfeather:\n\nThank you.", ["Quillfeather"]),
        ("Good morning Aurelie Fontanges,\n", ["Aurelie Fontanges"]),
        ("Zebedee,\n\nAs discussed, the file is attached.", ["Zebedee"]),
        ("HEY BEX,\n\nTHE FILE IS ATTACHED.", ["BEX"]),
        # groups, plain words, a greeting alone, a lower-case word in mixed case
        ("Hi all,\n\nThe file is attached.", []),
        ("Dear Sir,\n", []),
        ("Team,\n\nThe file is attached.", []),
        ("Folks,\n\nThe file is attached.", []),
        ("Hey,\n\nThe file is attached.", []),
        ("zebedee,\n\nThe File Is Attached As Discussed.", []),
    ],
)
def test_greeted_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "hi bex,\n\npt on levophed gtt, lasix 40 iv, vanco due, abd soft, bs clear."
    assert _names(note) == []
