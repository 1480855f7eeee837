"""Pager and beeper numbers in clinical notes: short in-house numbers ("Pager #54321",
"PG 33445", "beeper number 55037") that no phone pattern takes for a phone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

_PAGER = re.compile(
    r"\b(?i:pager|beeper|pgr|pg|beep)\b\.?[ \t]*(?i:(?:number|num|no\.?)[ \t]*)?"
    r"(?:[#:][ \t]*){0,2}(?P<v>\d{4,6})(?![\w/-]|\.\d)"
)


def find_pager_numbers(text: str) -> Iterator[Finding]:
    """Numbers announced as pager or beeper numbers: PHONE."""
    for m in _PAGER.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "PHONE", 0.85, "context:pager")
