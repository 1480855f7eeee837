"""Trimming NER spans: role words off both ends, states only from places, trailing codes."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.lexicon import trim_entity


@pytest.mark.parametrize(
    ("text", "label", "kept"),
    [
        ("Dr. Jane Roe", "PERSON", "Jane Roe"),
        ("Jane Roe DEA", "PERSON", "Jane Roe"),  # all-caps code after a mixed-case name
        ("Jane Q Roe", "PERSON", "Jane Q Roe"),  # a one-letter initial stays
        ("Springfield Illinois", "ADDRESS", "Springfield"),
        ("Virginia Roe", "PERSON", "Virginia Roe"),  # a state is a given name outside places
    ],
)
def test_trim(text: str, label: str, kept: str) -> None:
    trimmed = trim_entity(text, Finding(0, len(text), label))
    assert trimmed is not None and text[trimmed.start : trimmed.end] == kept


def test_nothing_left_is_none() -> None:
    assert trim_entity("the lab", Finding(0, 7, "ORGANIZATION")) is None
