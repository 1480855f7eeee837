"""Pager and beeper numbers (known answers): short in-house numbers after their cue."""

from __future__ import annotations

import pytest

from redaction.pagers import find_pager_numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("call Pager #48213 overnight", ["48213"]),
        ("PG 70512 after 5", ["70512"]),
        ("beeper number 6021", ["6021"]),
        ("pgr: #893174 anytime", ["893174"]),
        ("page 12345 of the chart", []),  # "page" is no pager cue
        ("pager 123 short", []),  # too short
        ("pager 1234567 long", []),  # too long
        ("pager 4821.5 units", []),  # a decimal
    ],
)
def test_find_pager_numbers(text: str, numbers: list[str]) -> None:
    found = list(find_pager_numbers(text))
    assert [text[f.start : f.end] for f in found] == numbers
    assert all((f.label, f.source) == ("PHONE", "context:pager") for f in found)
