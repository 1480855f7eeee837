"""Lone given names after a word of contact, in any case, outside clinical notes. Every text
here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.cued_given import find_cued_given_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_cued_given_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thanks Tobias! The deal closed.", ["Tobias"]),
        ("talked to tobias and dagmar about it", ["tobias", "dagmar"]),
        ("I cc'd Lorenzo on the draft.", ["Lorenzo"]),
        ("PLEASE CHECK WITH INGRID FIRST", ["INGRID"]),
        # given names that are words, case names, plain words and towns in lower case stay
        ("I told Bill and Rose about the bill.", []),
        ("See Tobias v. Quenneville, 12 F.3d 1 (1999).", []),
        ("we drove to florence for the hearing", []),
        ("thanks for the note", []),
    ],
)
def test_cued_given_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_to_their_own_rules() -> None:
    note = "pt on levophed gtt, abd soft, lasix 40 iv, u/o ok, vanco due. spoke with dagmar"
    assert _names(note) == []
