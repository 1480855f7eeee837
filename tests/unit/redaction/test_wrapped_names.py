"""Names broken by a line wrap are one name. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.wrapped_names import find_wrapped_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_wrapped_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the county's attorney is Tobias \nQuenneville. His number", ["Tobias \nQuenneville"]),
        ("Next week I golf with Bill \nOyelaran and two others.", ["Bill \nOyelaran"]),
        ("> talk to Ingrid\n>   McAllister about it", ["Ingrid\n>   McAllister"]),
        # plain words, places, headings and sentence ends are no wrapped names
        ("we applied for a Bill\nProgram last year", []),
        ("the team met in San Antonio\nMarriott lobby", []),
        ("Called Tobias.\nQuenneville is the next one", []),
        ("Contact: Ingrid\nNotes: none", []),
    ],
)
def test_wrapped_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_lines_ending_in_a_given_name_that_is_a_word() -> None:
    note = "pt on levophed gtt, abd soft, lasix 40 iv, u/o ok, vanco due. wife Rose\nBrannigan"
    assert _names(note) == []


def test_a_wrapped_name_is_redacted_whole(detector: Detector) -> None:
    text = "The city's senior counsel on this is Tobias \nQuenneville.  Call him first."
    found = " | ".join(text[f.start : f.end] for f in detector.detect(text))
    assert "Tobias" in found and "Quenneville" in found
