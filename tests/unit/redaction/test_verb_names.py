"""Lone names before a reporting verb. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.verb_names import find_verb_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_verb_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ambrose mentioned that the deal is off.", ["Ambrose"]),
        ("After the meeting, Pettigrew asked me to redraft the memo.", ["Pettigrew"]),
        ("I think Okafor-Pettigrew said no.", ["Okafor-Pettigrew"]),
        # plain words, places, capitals, e-mail addresses and upper-case verbs stay
        ("The Court said that the claim failed.", []),
        ("Dayton said the permit is pending.", []),
        ("AMBROSE SAID NO.", []),
        ("Ambrose Says Yes", []),
        ("mail x.Ambrose said", []),
    ],
)
def test_verb_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft.\nAmbrose said pt comfortable"
    assert _names(note) == []
