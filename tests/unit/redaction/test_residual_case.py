"""Residual-risk shapes that hold in any case: given name + surname-like word, named
facilities. Texts written for these tests."""

from __future__ import annotations

import pytest

from redaction.residual import scan
from redaction.residual_case import facilities, name_pairs


@pytest.mark.parametrize(
    ("rendition", "pairs", "places"),
    [
        ("spoke w/ daughter greta vasquelle re plan", 1, 0),
        ("HOUSE OFFICER DORIS OKONKWO AWARE OF K 3.1", 1, 0),
        ("pt transferred from brenwick hosp last eve", 0, 1),
        ("ARRIVED FROM TALLOWAY REGIONAL VIA MEDFLIGHT", 0, 1),
        # shorthand next to a given name, generic facilities: nothing
        ("min drng from jp, mae x4, max temp 38.2", 0, 0),
        ("sent to the hospital, then outside hospital; community hospital f/u", 0, 0),
        # a rehabilitation facility by name; rehab as a plan is no facility
        ("hopes for a bed at Quarrendon Rehab next wk", 0, 1),
        ("P: TRANSFER TO TALLOWAY REHAB", 0, 1),
        ("poss rehab, begin rehab when stable, cardiac rehab f/u", 0, 0),
        # a plain word before hospital; a regional court is a public body
        ("pt says she is at a basic hospital", 0, 0),
        ("appealed to the Brenwick Regional Court, then the Regional Administrative", 0, 0),
        # a given name that is also a word needs a census surname after it; shorthand and
        # misspellings are no surnames
        ("ALINE DCED, SANG DRNG FROM JP", 0, 0),
        ("aline prssures dampened", 0, 0),
        ("GRACE BRANNIGAN CALLED", 1, 0),
    ],
)
def test_any_case_pairs_and_facilities(rendition: str, pairs: int, places: int) -> None:
    assert (name_pairs(rendition), facilities(rendition)) == (pairs, places)


def test_scan_reports_them_as_counts() -> None:
    found = scan("seen by greta vasquelle, then sent to brenwick hosp")
    assert found.reasons() == ["residual-risk:name-pair:1", "residual-risk:facility:1"]
