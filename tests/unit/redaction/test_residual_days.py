"""Residual small-day dates (known answers, text written for the test): a month/day with a day
of 10 or less after an event verb or a date preposition; fractions, doses and settings stay."""

from __future__ import annotations

import pytest

from redaction.residual import residual_risk
from redaction.residual_days import small_days


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("MECH VENT VIA TRACH (PLACED 9/9). AC 100%", 1),  # an event verb: vent talk or not
        ("extubated on 3/4, tol well", 1),
        ("no bm since 6/2. abd soft", 1),
        ("family meeting on 2/7 at noon", 1),
        ("started 1/2 NS at 100cc/hr", 0),  # a fraction before its fluid
        ("placed on 10/5 psv overnight", 0),  # a setting after the verb
        ("abg acceptable on 5/5. will wean", 0),  # pressure support over PEEP
        ("strength 5/5 all ext", 0),  # no date cue
        ("pain 3/10 on 4/10 scale", 0),
    ],
)
def test_small_days(clear: str, count: int) -> None:
    assert small_days(clear) == count


def test_a_small_day_left_in_clear_quarantines_with_a_date_reason() -> None:
    assert residual_risk("pt extubated on 3/4, tol well\n") == ["residual-risk:date:1"]
