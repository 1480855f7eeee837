"""Days beside a clock time or after "on" (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.clock_dates import find_clock_dates


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("heparin gtt off at 0630 2/14\nNS at 100cc/hr", ["2/14"]),
        ("ARRIVED TO CCU AT 2300 1/8. NEURO: A+OX3", ["1/8"]),  # a fraction elsewhere
        ("extubated 14:20 on 3/30, tol well", ["3/30"]),
        ("lasix given 0900 2/30.", ["2/30"]),  # a shifted day the calendar lacks
        ("back to OR on 7-8 for clipping", ["7-8"]),
        ("went to cath lab on 11-3 and had stent", ["11-3"]),
        ("MECH VENT VIA TRACH (PLACED 9/9). AC 100%, PEEP 5", ["9/9"]),  # vent talk near
        ("abg ok, will wean and extubate 12/10.", ["12/10"]),
        ("picc inserted on 4/3, cxr confirmed", ["4/3"]),
        ("placed on 12/5 psv at 0400", []),  # a pressure setting after the verb
        ("started 1/2 NS at 100cc/hr", []),  # a fraction before its fluid
        ("PMH: s/p MI x2 (1/3, 5/27), stent", ["1/3", "5/27"]),  # a fraction elsewhere
        ("cultures 2/4 and 9/19 neg", ["2/4", "9/19"]),
        ("PS 10/5, 5/5 tol well", []),  # settings: no day past 12
        ("at 0630 1/2 NS bolus", []),  # a fraction before its noun
        ("on 2-4 L nc, sats 95%", []),  # a flow rate
        ("placed on 4-5 mcg of levo", []),
        ("bp 0630 120/60.", []),  # no month
        ("rr 2400 1/8.", []),  # no clock time
    ],
)
def test_find_clock_dates(text: str, found: list[str]) -> None:
    spans = list(find_clock_dates(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all(f.label == "DATE" for f in spans)
