"""Facilities and wards after a movement cue (known answers): name-like words or
acronyms that are no dictionary word, up to three words, in any case."""

from __future__ import annotations

import pytest

from redaction.facilities import find_facilities


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("pt returned from QVH after scan", ["QVH"]),
        ("WENT TO WESTBROOKE 2 OVERNIGHT", ["WESTBROOKE"]),  # the ward number stays readable
        ("she was sent from Zyxworth Lodge today", ["Zyxworth Lodge"]),
        ("pt going to ED now", []),  # a clinical acronym stays
        ("returned to the kitchen today", []),  # a dictionary word stays
        ("returned to Zyxworth Quorvane Blenkiss Tolvarin", ["Zyxworth Quorvane Blenkiss"]),
        ("no movement here at all", []),  # (at most three words, above)
    ],
)
def test_find_facilities(text: str, places: list[str]) -> None:
    found = list(find_facilities(text))
    assert [text[f.start : f.end] for f in found] == places
    assert all((f.label, f.source) == ("ADDRESS", "context:facility") for f in found)
