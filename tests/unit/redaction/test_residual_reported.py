"""A day of the month told in reply beside a redacted date (known answers, texts written for
these tests): orientation answers count as dates, scores, counts and measures do not."""

from __future__ import annotations

import pytest

from redaction.residual import scan
from redaction.residual_ids import reported_days


@pytest.mark.parametrize(
    ("rendition", "count"),
    [
        ("asked the date, pt states 17 (calendar shows [DATE_1]).", 1),
        ("ORIENTED X2, SAID IT'S THE 9TH, IT IS [DATE_2]", 1),
        ("[DATE_1]: pt thinks it is the 3rd; reoriented", 1),
        ("when asked the day she answered 28 - today is [DATE_4]", 1),
        # no redacted date near: a count or a reading
        ("pt states 3 loose stools overnight, no c/o pain", 0),
        # a score, a count of, a measure, a number running on
        ("on [DATE_1] pt states 8/10 pain, medicated", 0),
        ("on [DATE_1] pt states 2 out of 3 meals eaten", 0),
        ("[DATE_1] pt reports 5,000 steps; says 40 of them in hall", 0),
        ("[DATE_1] pt states 12% better", 0),
        ("[DATE_1] pt states 32 pillows", 0),  # no day of the month
    ],
)
def test_reported_days(rendition: str, count: int) -> None:
    assert reported_days(rendition) == count


def test_the_scan_counts_it_as_a_date() -> None:
    assert scan("asked the date, pt states 17 (calendar shows [DATE_1]).").dates == 1
