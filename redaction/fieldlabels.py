"""Field labels stay outside spans: ``Patient: Jane Roe Sex: F`` redacts ``Jane Roe`` only.

Forms and headers put the next field's label on the same line (``Sex:``, ``DOB:``,
``MRN:``); NER runs a name into it and propagation would then spread the label word with the
name. A word directly followed by a colon is a label when it is a plain word or a short
acronym, never when it is name-like (``WATANABE:`` in a transcript is the speaker). A span
that starts with such a label starts after it; one that runs into a label ends before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.finding import Finding
from redaction.wordclass import Kind, kind

_NAMED = frozenset({"PERSON", "ORGANIZATION", "ADDRESS"})
_LABEL = re.compile(r"(?<![\w'\u2019.-])([^\W\d_][\w/#.-]*?)[ \t]*:(?!//)")
_SPACE_PUNCT = " \t,;/-"
ACRONYM_MAX = 4


def _is_label(word: str) -> bool:
    k = kind(word)
    if k is Kind.UNKNOWN:
        return word.isupper() and len(word) <= ACRONYM_MAX  # DOB, MRN, DX
    return k is Kind.WORD


def _labels_in(text: str, f: Finding) -> list[re.Match[str]]:
    """Label words inside the span (their colon may be just past its end)."""
    window_end = min(len(text), f.end + 3)
    return [
        m
        for m in _LABEL.finditer(text, f.start, window_end)
        if m.start(1) < f.end and _is_label(m.group(1))
    ]


def _trimmed(text: str, f: Finding) -> Finding:
    start, end = f.start, f.end
    for m in _labels_in(text, f):
        if m.start(1) <= start:
            start = max(start, m.end())
        elif text[start : m.start(1)].strip(_SPACE_PUNCT):
            end = min(end, m.start(1))
            break
    while start < end and text[start] in _SPACE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _SPACE_PUNCT:
        end -= 1
    if end <= start or (start, end) == (f.start, f.end):
        return f  # a span that is all label is left alone: a dropped name would leak
    return Finding(start, end, f.label, f.score, f.source)


def trim_field_labels(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Name, place and organisation findings without field labels at either end."""
    return [
        _trimmed(text, f) if f.label in _NAMED and ":" in text[f.start : f.end + 3] else f
        for f in findings
    ]
