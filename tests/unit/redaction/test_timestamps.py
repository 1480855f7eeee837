"""ISO timestamps are taken whole. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.timestamps import find_timestamps


def _stamps(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_timestamps(text)]


@pytest.mark.parametrize(
    ("text", "stamps"),
    [
        ("Logged: 2031-07-14 09:26:51.123456 by the desk", ["2031-07-14 09:26:51.123456"]),
        ("at 2029-02-03T23:05Z", ["2029-02-03T23:05Z"]),
        ("sent 2030-11-30T08:00:00+02:00.", ["2030-11-30T08:00:00+02:00"]),
        ("On 1987-04-09 17:45, the board met", ["1987-04-09 17:45"]),
        # no time, an impossible month or hour, other date shapes
        ("Dated 2031-07-14 only", []),
        ("code 2031-13-14 09:26", []),
        ("at 2031-07-14 25:10", []),
        ("07/18/2000 03:49 PM", []),
    ],
)
def test_timestamps(text: str, stamps: list[str]) -> None:
    assert _stamps(text) == stamps


def test_timestamp_is_one_date_span(detector: Detector) -> None:
    text = "When: 2031-07-14 09:26:51.123456\nWhere: the east gate"
    dates = [text[f.start : f.end] for f in detector.detect(text) if f.label == "DATE"]
    assert dates == ["2031-07-14 09:26:51.123456"]
