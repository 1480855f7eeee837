"""Compass-word regions (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.regions import find_regions


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("was on vacation on the eastern shore, developed cp", ["eastern shore"]),
        ("FAMILY DROVE UP FROM THE NORTH SHORE- WIFE AT BS", ["NORTH SHORE"]),
        ("lives in West Valley with dtr", ["West Valley"]),
        ("pt moved to west bay 3 overnight", []),  # a numbered ward area
        ("room on the east wing, south side of unit", []),  # no geographic noun
        ("north end of the hall", []),  # "end of": a part of something
    ],
)
def test_find_regions(text: str, found: list[str]) -> None:
    spans = list(find_regions(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("ADDRESS", "context:region") for f in spans)
