"""Two-word names after a word of contact, in the case of the text. Every text here was written
for these tests; the names are made up and in no lexicon where it matters."""

from __future__ import annotations

import pytest

from redaction.cued_pairs import find_cued_pairs


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_cued_pairs(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("i talked to ferris dunmoyle this morning and he is fine.", ["ferris dunmoyle"]),
        ("Left voicemail for Sunniva Hargreave.", ["Sunniva Hargreave"]),
        ("MESSAGE FROM TIBERIUS OBUYA: PLEASE CALL BACK.", ["TIBERIUS OBUYA"]),
        ("It was reviewed by Evander Quillfeather on Monday.", ["Evander Quillfeather"]),
        ("Spoke with Lachlan Ormsby-Gore about the swap.", ["Lachlan Ormsby-Gore"]),
        (
            "congratulations to rowena castlebury and idris penhaligon, who were promoted.",
            ["rowena castlebury", "idris penhaligon"],
        ),
        (
            "Send it to Hortensia Quayle and copy Fenwick Oyelowo.",
            [
                "Hortensia Quayle",
                "Fenwick Oyelowo",
            ],
        ),
        # a company (a capitalised word follows), places, plain words, mixed case
        ("I spoke with Dunmore Wendleton Gas today.", []),
        ("We flew to San Antonio for the meeting.", []),
        ("The deal with Norvale Capital closed.", []),
        ("Sent to the board for approval.", []),
        ("Ask evander quillfeather, Not Me.", []),
    ],
)
def test_cued_pairs(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft.\nspoke with ferris dunmoyle"
    assert _names(note) == []
