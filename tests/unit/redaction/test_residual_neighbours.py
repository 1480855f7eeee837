"""Residual name parts beside a person's token (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.residual import residual_risk
from redaction.residual_neighbours import token_neighbours


@pytest.mark.parametrize(
    ("rendition", "count"),
    [
        ("BP LOW. QUENNAR [PERSON_2] CALLED TO BEDSIDE.", 1),
        ("eval by [PERSON_1] vossberg np this am", 1),
        ("dr [PERSON_1] docter [PERSON_2] aware", 0),  # a role, misspelt
        ("spoke w/ [PERSON_1] about plan", 0),  # plain words
        ("[PERSON_1] permacath site clean", 0),  # a compound
        ("Met Dr. [PERSON_1] Zumtobel at the office.", 0),  # mixed case: not read
    ],
)
def test_token_neighbours(rendition: str, count: int) -> None:
    assert token_neighbours(rendition) == count


def test_a_name_part_beside_a_token_quarantines_as_a_cued_name() -> None:
    assert residual_risk("bp low. quennar [PERSON_2] called\n") == ["residual-risk:cued-name:1"]
