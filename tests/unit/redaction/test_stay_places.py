"""Places told by the patient's stay (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.stay_places import find_stay_places


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("reintubated x3, which she had at qrh. presents w/ brbpr", ["qrh"]),
        ("WAS AT QMC FOR 2 WKS, THEN HOME", ["QMC"]),
        ("pt seen by QRMC in march", ["QRMC"]),
        ("family meeting at harbor\nneuro: intact", ["harbor"]),
        ("was at hs. slept well", []),  # a nursing time
        ("transferred to icu for airway", []),  # shorthand
        ("seen at VA last month", []),  # a public service
        ("had at least 3 episodes", []),  # plain words
        ("pt moved to bay 3", []),  # a numbered bed area
        ("kept at bay with tylenol", []),  # a plain use
    ],
)
def test_find_stay_places(text: str, found: list[str]) -> None:
    spans = list(find_stay_places(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("ADDRESS", "context:stay") for f in spans)
