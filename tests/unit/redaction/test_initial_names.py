"""A given name before a middle initial joins the person span that starts at the initial.
Every text here was written for these tests."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.initial_names import given_before_initial


def _grown(text: str, found: str) -> str:
    start = text.index(found)
    span = Finding(start, start + len(found), "PERSON", 0.8, "ner:PERSON")
    (f,) = given_before_initial(text, [span])
    return text[f.start : f.end]


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        (
            "Panel chair: Rosalind T. Achterberg, Vireo Ltd",
            "T. Achterberg",
            "Rosalind T. Achterberg",
        ),
        ("STATEMENT OF MARGUERITE L. OYELARAN", "L. OYELARAN", "MARGUERITE L. OYELARAN"),
        ("signed by Tibor K. Vasko today", "K. Vasko", "Tibor K. Vasko"),  # no lexicon: given
        # a plain word, a title, or a case that does not match is no given name
        ("Dear J. Achterberg,", "J. Achterberg", "J. Achterberg"),
        ("Senator W. Oyelaran said", "W. Oyelaran", "W. Oyelaran"),
        ("ROSALIND T. Achterberg", "T. Achterberg", "T. Achterberg"),
        ("Rosalind \nT. Achterberg", "T. Achterberg", "T. Achterberg"),  # another line
    ],
)
def test_given_before_initial(text: str, found: str, expected: str) -> None:
    assert _grown(text, found) == expected


def test_only_persons_starting_with_an_initial_grow() -> None:
    text = "Rosalind Achterberg and Vireo T. Holdings"
    org = Finding(text.index("T. Holdings"), len(text), "ORGANIZATION", 0.8, "ner:ORG")
    assert given_before_initial(text, [org]) == [org]
