"""Facilities and wards announced by a movement cue, in any case: "transferred to GH",
"ADMITTED TO QUARTERMAIN 2", "sent from calvert". A following word must be a name-like word
or an upper-case acronym that is no clinical or dictionary word ("to ED", "to the floor" stay)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, kind

_CUE = re.compile(
    r"\b(?:admitted|admit|transferred|transfered|trans|sent|referred|came\s+into|arrived\s+at"
    r"|returned|discharged|went|go|going|transfer)[ \t]+(?:to|at|from|into)[ \t]+(?:the[ \t]+)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*(?:[ \t]+\d{1,2}(?!\d|/))?")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


def _place_word(word: str) -> bool:
    head = word.split()[0]
    if _ACRONYM.match(head):
        return kind(head) is not Kind.WORD
    return kind(head) in (Kind.NAME, Kind.UNKNOWN) and len(head) >= 4


_GAP = re.compile(r"[ \t]+")


def find_facilities(text: str) -> Iterator[Finding]:
    """Up to three place words after a movement cue: ADDRESS."""
    for cue in _CUE.finditer(text):
        start = cursor = end = cue.end()
        for _ in range(3):
            m = _WORD.match(text, cursor)
            if m is None or not _place_word(m.group()):
                break
            end = m.start() + len(m.group().split()[0])  # the ward number stays readable
            gap = _GAP.match(text, m.end())
            if gap is None or end < m.end():
                break
            cursor = gap.end()
        if end > start:
            yield Finding(start, end, "ADDRESS", 0.7, "context:facility")
