"""Bare numbers that a hospital's context makes identifiers, in any case: "UNIT # 556677" and
"unit no: 5566-77" (the unit number is the medical record number), "hosp #: 4431270", "pt no.
88123", "adm number 20456"; and pager extensions written with a dash ("pager 4-1234", "pgr
#7-0412"), which ``redaction.pagers`` leaves to the five-digit form. A count or a measure
after these words ("unit 2 of blood", "history: 2004") has no number sign or "no"/"number"
before it and stays readable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

SOURCE = "context:record"
_RECORD = re.compile(
    r"\b(?i:unit|hosp(?:ital)?|pt|patient|adm(?:ission)?|history|hist|case|visit)"
    r"[ \t]*(?i:no\.?|num\.?|number|#)[ \t]*:?[ \t]*"
    r"(?P<v>\d{4,10}(?:-\d{2,6})?)(?![\w/.-]|\.\d)"
)
_PAGER_DASH = re.compile(
    r"\b(?i:pager|beeper|pgr|beep)\b\.?[ \t]*(?:(?i:number|num|no\.?)[ \t]*)?(?:[#:][ \t]*){0,2}"
    r"(?P<v>\d{1,2}-\d{4})(?![\w/-]|\.\d)"
)


def find_record_numbers(text: str) -> Iterator[Finding]:
    """Record numbers after a unit/hospital/patient number sign (MRN) and dashed pager
    extensions (PHONE)."""
    for m in _RECORD.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "MRN", 0.8, SOURCE)
    for m in _PAGER_DASH.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "PHONE", 0.8, SOURCE)
