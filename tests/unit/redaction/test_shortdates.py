"""Year-less and month/two-digit-year dates (known answers): dates where the neighbourhood
does not make them a score, grade, fraction, ratio or dose."""

from __future__ import annotations

import pytest

from redaction.shortdates import SOURCE, find_short_dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("seen again 4/12 in clinic", ["4/12"]),
        ("follow up 11/3.", ["11/3"]),
        ("echo 9/88 showed normal function", ["9/88"]),  # month and two-digit year
        ("pain 6/10 at rest", []),  # a pain score
        ("chest discomfort, now 3/10", []),  # x/10 near a pain word
        ("5/5 strength in all limbs", []),  # a strength grade (after)
        ("bp 4/6 reading was odd", []),  # after a vital-sign word
        ("give 1/2 of the dose", []),  # a common fraction
        ("13/5 is no date", []),  # no 13th month
        ("2/30 cannot be a day", []),  # no 30 February
        ("ratio 3/7 observed", []),
        ("1.5/2 or 3/4%", []),  # decimals and percentages
        ("no slash here", []),
    ],
)
def test_short_dates(text: str, dates: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_short_dates(text)] == dates


def test_findings_are_dates_from_the_pattern_source() -> None:
    (finding,) = find_short_dates("back on 7/19")
    assert (finding.label, finding.source, finding.start, finding.end) == ("DATE", SOURCE, 8, 12)
