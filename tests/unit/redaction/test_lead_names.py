"""A lone name opening a sentence before a verb. Every text here was written for these
tests."""

from __future__ import annotations

import pytest

from redaction.lead_names import find_lead_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_lead_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Okonjo began writing at twelve.", ["Okonjo"]),
        ("We met. Tomasz lives on Elm Row now.", ["Tomasz"]),
        ("Dagny is from the coast.\\nIlse was too.", ["Dagny", "Ilse"]),  # escaped break
        # plain words, common-word names, countries, places and mid-sentence words
        ("Nothing was signed.", []),
        ("Will is a legal document.", []),
        ("Poland was lovely.", []),
        ("Seattle is wet.", []),
        ("We think Okonjo was right.", []),
        ("Okonjo and Ilse left.", []),
    ],
)
def test_lead_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_lead_names_in_clinical_notes() -> None:
    note = "Neuro: sedated on propofol. Resp: LS coarse, sx. Gi: abd soft.\nOkonjo was here."
    assert _names(note) == []
