"""Facilities and wards announced by a movement cue, in any case: "transferred to GH",
"ADMITTED TO ELDERWICK 2", "sent from ashcombe". A following word must be a name-like word
or an upper-case acronym that is no clinical or dictionary word ("to ED", "to the floor" stay)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.wordclass import Kind, uncued_kind

_CUE = re.compile(
    r"\b(?:admitted|admit|transferred|transfered|trans|sent|referred|came\s+into|arrived\s+at"
    r"|returned|discharged|went|go|going|transfer|taken|enroute|en\s+route|come|came|presents?"
    r"|presented|followed|seen|treated)[ \t]+(?:to|at|from|into)[ \t]+(?:the[ \t]+)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*(?:[ \t]*\d{1,2}(?!\d|/))?")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_HEAD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*")
MAX_ACRONYM = 4


def _head(word: str) -> str:
    """The place word without a ward number glued or spaced after it ("ELDERWICK7")."""
    m = _HEAD.match(word)
    return m.group() if m else word


def _place_word(word: str) -> bool:
    head = _head(word)
    if _ACRONYM.match(head) or (head.islower() and len(head) <= MAX_ACRONYM):
        return uncued_kind(head) is not Kind.WORD and head.lower() not in clinical_words()
    k = uncued_kind(head)
    if k is Kind.WORDNAME:  # "went to Harbor": a capitalised word-name in mixed case
        return head.istitle()
    return k in (Kind.NAME, Kind.UNKNOWN) and len(head) >= 4


_GAP = re.compile(r"[ \t]+")


def find_facilities(text: str) -> Iterator[Finding]:
    """Up to three place words after a movement cue: ADDRESS."""
    for cue in _CUE.finditer(text):
        start = cursor = end = cue.end()
        for _ in range(3):
            m = _WORD.match(text, cursor)
            if m is None or not _place_word(m.group()):
                break
            end = m.start() + len(_head(m.group()))  # a ward number stays readable
            gap = _GAP.match(text, m.end())
            if gap is None or end < m.end():
                break
            cursor = gap.end()
        if end > start:
            yield Finding(start, end, "ADDRESS", 0.7, "context:facility")
