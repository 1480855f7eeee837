"""Lone names in no lexicon after a verb of contact. Every text here was written for these
tests; the names are made up and in no lexicon."""

from __future__ import annotations

import pytest

from redaction.cued_unknown import find_cued_unknown_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_cued_unknown_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("I spoke with Zebedee this morning about the meter.", ["Zebedee"]),
        ("Can you ask Thorvald to sign it?", ["Thorvald"]),
        ("For details call Ottoline @ x3916.", ["Ottoline"]),
        # plain words, prepositions alone, a capitalised word after, capitals, short words
        ("I spoke with Legal this morning.", []),
        ("The deal was booked by Zebedee yesterday.", []),
        ("Please call Quorvex Networks today.", []),
        ("Please call QUORVEX today.", []),
        ("ask Bex about it", []),
    ],
)
def test_cued_unknown_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft.\nspoke with Zebedee re plan"
    assert _names(note) == []
