"""Signature blocks: a full-name line above a job line, names from anywhere in the world.
Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.signatures import find_signature_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_signature_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please call.\n\nYsolde Quenneville\nSenior Counsel\nVireo Ltd", ["Ysolde Quenneville"]),
        ("TOBIAS REED\nVice President, Trading", ["TOBIAS REED"]),
        ("Søren Åkerlund\nDeputy Director, Claims", ["Søren Åkerlund"]),
        ("> Rose T. Brenner,\n> Paralegal", ["Rose T. Brenner"]),
        # job lines, plain words and titles are no names
        ("Vice President\nTrading Manager", []),
        ("Mr Justice Quist\nPresident", []),
        ("Market Update\nAnalyst notes follow", []),
        ("Ysolde Quenneville\nVireo Ltd", []),  # no job line: other rules decide
    ],
)
def test_signature_blocks(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_signature_name_is_redacted_whole(detector: Detector) -> None:
    text = "Thanks for the quick turnaround.\n\nOksana Wierzbicka\nSenior Analyst\n"
    found = [text[f.start : f.end] for f in detector.detect(text) if f.label == "PERSON"]
    assert "Oksana Wierzbicka" in found
