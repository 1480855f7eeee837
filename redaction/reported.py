"""Names by their place in a nursing note, in any case: an initial and a surname after a
reporting cue ("reported to D. Hale", "d/w j. orrin", "PAGED R. TAVIN"), a signature in lower
case ("k. marden rn" ending a note), a surname before "family" ("OKAFOR FAMILY UPDATED").
An initial or a credential is evidence of a name, so a short or rare surname that reads like
shorthand is still one: only a plain English word ("reported to A. Line") is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, kind

SOURCE = "context:reported"
_CUE = (
    r"reported\s+to|discussed\s+with|d/w|paged|notified|informed|spoke\s+(?:with|to)"
    r"|called|aware|made\s+aware|per|by"
)
_REPORTED = re.compile(
    rf"\b(?i:{_CUE})[ \t]+(?P<n>[^\W\d_]\.[ \t]?(?P<s>[^\W\d_]{{3,}}))(?![\w'\u2019-])"
)

_SIGNED = re.compile(
    r"(?<![\w.])(?P<n>[a-z]\.[ \t]?(?P<s>[a-z]{3,}))[ \t,]+(?:rn|rrt|lpn|np|md|sn)\.?[ \t]*$",
    re.MULTILINE,
)
_FAMILY = re.compile(r"(?<![\w'\u2019-])(?P<n>[^\W\d_]{3,})[ \t]+(?i:family)\b")


def find_reported_names(text: str) -> Iterator[Finding]:
    """An initial and a surname that is no plain word after a cue of reporting or before a
    lower-case credential ending its line; a census surname before "family": PERSON."""
    for m in _REPORTED.finditer(text):
        if kind(m.group("s")) is not Kind.WORD:
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)
    for m in _SIGNED.finditer(text):
        if kind(m.group("s")) is not Kind.WORD:
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)
    for m in _FAMILY.finditer(text):
        if kind(m.group("n")) is Kind.NAME:  # a census surname that is no common word
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)
