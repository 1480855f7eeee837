"""Known values found case- and whitespace-insensitively, as whole words, longest first."""

from __future__ import annotations

import pytest

from redaction.matching import normalise, value_pattern


@pytest.mark.parametrize(
    ("values", "text", "found"),
    [
        (["Jane Roe"], "jane   ROE called", ["jane   ROE"]),
        (["Roe", "Jane Roe"], "Jane Roe and Roe", ["Jane Roe", "Roe"]),
        (["Ann"], "Annual report", []),  # whole words only
        (["O'Neil"], "Mr O'Neil.", ["O'Neil"]),
        (["a@b.co"], "mail a@b.co.", ["a@b.co"]),
    ],
)
def test_value_pattern(values: list[str], text: str, found: list[str]) -> None:
    rx = value_pattern(values)
    assert rx is not None
    assert [m.group() for m in rx.finditer(text)] == found


def test_no_values_no_pattern_and_normalise() -> None:
    assert value_pattern(["", "  "]) is None
    assert normalise("  Jane\n  ROE ") == "jane roe"
