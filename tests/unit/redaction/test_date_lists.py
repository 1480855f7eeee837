"""Dates said as lists and ranges are redacted whole, and a day-month date keeps its month.
Every text here was written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.finding import Finding
from redaction.date_lists import find_year_ranges, join_date_lists
from redaction.detector import Detector


def _dates(detector: Detector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in detector.detect(text) if f.label == "DATE"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Hearings took place on 3 and 19 March 2007.", ["3 and 19 March 2007"]),
        ("It sat on 2, 9 and 16 June 2011 in Ghent.", ["2, 9 and 16 June 2011"]),
        (
            "Between 4 February 2002 and 11 August 2003 nothing happened.",
            ["Between 4 February 2002 and 11 August 2003"],
        ),
        (
            "The board met on 8 April, on 21 June and on 30 November 2015.",
            ["8 April, on 21 June and on 30 November 2015"],
        ),
        ("The clerk wrote to her on 22 May that the file was lost.", ["22 May"]),
        ("From 1971 to 1988 he farmed near Leuven.", ["1971 to 1988"]),
        ("Reviews followed in 2003, 2006 and 2009.", ["2003, 2006 and 2009"]),
        ("Letters crossed during the spring and summer of 1996.", ["spring and summer of 1996"]),
    ],
)
def test_date_lists_and_ranges(detector: Detector, text: str, dates: list[str]) -> None:
    assert _dates(detector, text) == dates


@pytest.mark.parametrize(
    "text",
    [
        "Paragraphs 14 and 15 below explain it.",  # numbers with no month after them
        "revenue rose from 1200 to 1100 units",  # not ascending: no year range
        "Sections 1998 and 1998 of the code",  # the same number twice
    ],
)
def test_no_year_range(text: str) -> None:
    assert list(find_year_ranges(text)) == []


def test_clinical_shift_hours_are_no_year_range() -> None:
    note = "levophed gtt weaned 1800-2000, abd soft, lasix given, u/o adequate, vanco due"
    assert list(find_year_ranges(note)) == []


def test_leading_day_needs_a_day_first_date() -> None:
    text = "Items 4 and June 2010"
    month = Finding(text.index("June"), len(text), "DATE", 0.9, "pattern:date")
    assert join_date_lists(text, [month]) == [month]


def test_may_is_kept_in_a_day_month_date(detector: Detector) -> None:
    text = "They may settle. The registry replied on 9 May and again on 14 May 2012."
    assert "9 May" in " | ".join(_dates(detector, text))


_PIECES = st.sampled_from(
    ["3", "19", "and", "to", "between", "March", "2007", "1988", ",", "on", "the", "summer", "of"]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_PIECES, min_size=1, max_size=14), picks=st.lists(st.booleans()))
def test_joining_never_uncovers_a_finding(words: list[str], picks: list[bool]) -> None:
    """Whatever the text, every character a finding covered is still covered after joining,
    and the joined spans stay inside the text."""
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    found = [
        Finding(s, s + len(w), "DATE", 0.9, "pattern:date")
        for s, w, keep in zip(starts, words, picks, strict=False)
        if keep
    ]
    joined = join_date_lists(text, found)
    for f in found:
        assert any(g.start <= f.start and f.end <= g.end for g in joined)
    assert all(0 <= g.start < g.end <= len(text) for g in joined)
