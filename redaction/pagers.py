"""Pager and beeper numbers in clinical notes: short in-house numbers ("Pager #54321",
"PG 33445", "beeper number 55037") that no phone pattern takes for a phone; and phone numbers
in brackets in groups no phone pattern knows ("(410 555 01234)", an extension run on)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

_PAGER = re.compile(
    r"\b(?i:pager|beeper|pgr|pg|beep)\b\.?[ \t]*(?i:(?:number|num|no\.?)[ \t]*)?"
    r"(?:[#:][ \t]*){0,2}(?P<v>\d{4,6})(?![\w/-]|\.\d)"
)

# Three groups of digits, ten or eleven in all, alone in brackets: a number jotted in a note.
_BRACKETED = re.compile(r"(?<=\()\d{3}[ .-]\d{3}[ .-]\d{4,5}(?=\))")


def find_pager_numbers(text: str) -> Iterator[Finding]:
    """Numbers announced as pager or beeper numbers: PHONE."""
    for m in _PAGER.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "PHONE", 0.85, "context:pager")
    for m in _BRACKETED.finditer(text):
        yield Finding(m.start(), m.end(), "PHONE", 0.8, "context:pager")
