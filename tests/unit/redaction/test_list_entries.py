"""Names standing as cells of list and table lines. Every text here was written for these
tests."""

from __future__ import annotations

import pytest

from redaction.list_entries import find_list_entry_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_list_entry_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("\to\tPanel - Ysolde Quenneville - VP Trading", ["Ysolde Quenneville"]),
        (
            "Gas desk\t\tIngrid Brenner\nPower desk\t\tTobias Reed",
            ["Ingrid Brenner", "Tobias Reed"],
        ),
        ("Midwest-\t\t\tOksana Wierzbicka", ["Oksana Wierzbicka"]),
        # plain words, headings without a separator and clinical lists stay
        ("Market Update - Vice President", []),
        ("Ysolde Quenneville\n", []),
        ("Agenda - Opening Remarks - Lunch", []),
    ],
)
def test_list_entry_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_dashed_lists_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft.\nNeuro - Ingrid Brenner - ok"
    assert _names(note) == []
