"""A given name before a middle initial: NER and the cue rules often find only "T. Achterberg"
or "L. OYELARAN" of "Rosalind T. Achterberg", "MARGUERITE L. OYELARAN", and leave the given
name readable. The word right before such a span, on the same line and in the same case, is the
given name when it is a census given name or a word in no lexicon ("Tibor K. Vasko"); a plain
word ("Senator W. Oyelaran", "Dear J. Achterberg") is not. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding
from redaction.wordclass import Kind, first_names, kind, plain

_INITIAL_FIRST = re.compile(r"[A-Z]\.?[ \t]+[A-Z][\w'\u2019-]+")
_BEFORE = re.compile(r"(?<![\w.'\u2019&/-])(?P<w>[A-Z][a-z]+|[A-Z]{2,})[ \t]+\Z")
_LOOKBACK = 30
MIN_GIVEN = 2


def given_before_initial(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Grow a person span that starts with an initial over the given name before it."""
    covered = [(f.start, f.end) for f in findings]
    out = []
    for f in findings:
        if f.label == "PERSON" and _INITIAL_FIRST.match(text, f.start):
            m = _BEFORE.search(text, max(0, f.start - _LOOKBACK), f.start)
            if m and _given(m.group("w"), text[f.start : f.end]) and not _inside(m, covered):
                f = Finding(m.start("w"), f.end, f.label, f.score, f.source)
        out.append(f)
    return out


def _given(word: str, span: str) -> bool:
    if len(word) < MIN_GIVEN or word.isupper() != span.isupper():
        return False
    return plain(word) in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _inside(m: re.Match[str], covered: list[tuple[int, int]]) -> bool:
    return any(s <= m.start("w") < e for s, e in covered)
