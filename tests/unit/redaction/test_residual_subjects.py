"""Residual names in subject position (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.residual import residual_risk
from redaction.residual_subjects import subject_names


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("ANOTHER SON IN EUROPE BUT QUENNAR DOES NOT VISIT", 1),
        ("CALL CASE MGMT MONDAY (VOSKUIL IS ON VACA)", 1),
        ("spoke w/ dtr. tobrakin states pt lives alone", 1),
        ("Plan per team. Quennar will call back", 1),
        ("permacath is patent, flushed", 0),  # a plain word with a head glued on
        ("IMMOBIZER IS ON R LEG", 0),  # a misspelling of a plain word
        ("neurosurg will see pt in am", 0),  # a clipped word
        ("adls was discussed", 0),  # a medical abbreviation's plural
        ("The GISB draft is attached. QRXO will sign", 0),  # acronyms in mixed-case text
        ("vanco was given at 1400", 0),  # shorthand
    ],
)
def test_subject_names(clear: str, count: int) -> None:
    assert subject_names(clear) == count


def test_a_subject_name_quarantines_as_a_cued_name() -> None:
    assert residual_risk("son in town but quennar does not visit\n") == [
        "residual-risk:cued-name:1"
    ]
