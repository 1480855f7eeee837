"""Findings and redaction results."""

from __future__ import annotations

import pytest

from models.finding import Finding, RedactionResult, Replacement


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 4)])
def test_empty_or_negative_spans_are_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad span"):
        Finding(start, end, "PERSON")


def test_overlap_and_entity_counts() -> None:
    assert Finding(0, 3, "A").overlaps(Finding(2, 5, "B"))
    assert not Finding(0, 3, "A").overlaps(Finding(3, 5, "B"))
    reps = tuple(Replacement(label, "[T]", "v", 0, 1, 0, 3) for label in ["SSN", "DATE", "SSN"])
    assert RedactionResult("x", reps).entity_counts() == {"DATE": 1, "SSN": 2}
