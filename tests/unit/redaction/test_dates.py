"""Date recognizers (known answers): numeric, ISO, worded and weekday forms with a valid
month and day; month/day only after a word that introduces a date, and chained to it."""

from __future__ import annotations

import pytest

from redaction.dates import SOURCE, find_dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("born 06/09/2031 at home", ["06/09/2031"]),
        ("on 31.12.2030 it closed", ["31.12.2030"]),  # day first
        ("version 1.2.30 shipped", []),  # dotted with a short year: not a date
        ("filed 2031-07-01 late", ["2031-07-01"]),
        ("filed 2031-13-01 late", []),  # no 13th month
        ("Signed March 3rd, 2031 here", ["March 3rd, 2031"]),
        ("Tuesday, Sept. 9, 2031 at noon", ["Tuesday, Sept. 9, 2031"]),
        ("the 4th of July 2031 party", ["4th of July 2031", "July 2031"]),  # overlaps: merged later
        ("since June 2031 only", ["June 2031"]),
        ("you may 2 go", []),  # a lower-case month word is no month
        ("pain 6/10 today", []),  # a bare month/day needs an introducing word
        ("seen on 2/19 or 2/20 and 2/21", ["2/19", "2/20", "2/21"]),
        ("from 3/4 to 3/9 inclusive", ["3/4", "3/9"]),
        ("on 2/30 nothing", []),  # no 30 February
    ],
)
def test_find_dates(text: str, dates: list[str]) -> None:
    found = find_dates(text)
    assert sorted(text[f.start : f.end] for f in found) == sorted(dates)
    assert all((f.label, f.source) == ("DATE", SOURCE) for f in found)


def test_a_full_date_is_surer_than_a_month_and_day() -> None:
    (full,) = find_dates("born 06/09/2031")
    (short,) = find_dates("seen on 6/9")
    assert full.score > short.score
