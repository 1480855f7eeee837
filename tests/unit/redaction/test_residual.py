"""The residual-risk scan (known answers): what a finished rendition leaves in clear that
looks like an identifier, reported as codes and counts, never as text."""

from __future__ import annotations

import pytest

from redaction.residual import NAME_LIMIT, Residual, residual_risk, scan


@pytest.mark.parametrize(
    ("rendition", "expected"),
    [
        ("[PERSON_1] came on [DATE_1]; plan per [ORGANIZATION_1].", Residual(0, 0, 0)),
        ("Reviewed with Quorvane, Blenkiss and Tolvarin.", Residual(3, 0, 0)),
        ("Seen 06/09/2031 and again 2031-07-01.", Residual(0, 2, 0)),
        ("Card 8812 4410 9937 noted.", Residual(0, 0, 1)),
        ("Seen by Quorvane.", Residual(1, 0, 0)),  # one name-shaped word: within the limit
        ("QUORVANE, BLENKISS AND TOLVARIN REVIEWED.", Residual(0, 0, 0)),  # capitals say nothing
        ("Routing 099887766 and NDC 0002-7510-01 stay readable.", Residual(0, 0, 0)),
        ("Quorvane. Blenkiss. Tolvarin.", Residual(0, 0, 0)),  # sentence starts do not count
    ],
)
def test_scan(rendition: str, expected: Residual) -> None:
    assert scan(rendition) == expected


def test_reasons_are_codes_with_counts() -> None:
    assert Residual(NAME_LIMIT, 0, 0).reasons() == []
    assert Residual(NAME_LIMIT + 1, 2, 1).reasons() == [
        f"residual-risk:name-shaped:{NAME_LIMIT + 1}",
        "residual-risk:date:2",
        "residual-risk:digit-run:1",
    ]


def test_no_reason_carries_the_text() -> None:
    rendition = "Reviewed with Quorvane, Blenkiss and Tolvarin on 06/09/2031."
    reasons = residual_risk(rendition)
    assert len(reasons) == 2
    assert not any(word in r for r in reasons for word in ("Quorvane", "2031", "06/09"))
