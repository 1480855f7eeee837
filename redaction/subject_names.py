"""Names in subject position in lower-case and ALL-CAPS notes: a name word (or two joined by
"and") that starts a clause and does what a person does ("BUT QUENNAR DOES NOT VISIT", "Both
marla and tobrakin are his proxies", "vossberg is family contact"). Capitals carry no signal
there, so each word must be a census name that is no common word or a word in no lexicon that
is no shorthand, misspelling, clipped word or medical abbreviation. In mixed-case text the
subjects of such verbs are mostly companies and agencies, and NER reads capitals: not there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.informed_names import name_word
from redaction.residual_acronyms import lower_register, medical_abbreviations, mostly_upper

SOURCE = "context:subject"
_SUBJECT = re.compile(
    r"(?:^|[.;(!?]|\b(?i:but|and|that|both)\b)[ \t]*"
    r"(?P<w>[^\W\d_]{3,}(?:[ \t]+(?i:and|&)[ \t]+[^\W\d_]{3,})?)[ \t]+"
    r"(?i:is|was|will|does|did|has|had|reports|reported|states|stated|said|says|wants|would"
    r"|are|were)\b",
    re.MULTILINE,
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_JOINERS = frozenset(("and",))


def _name(word: str) -> bool:
    w = word.lower()
    abbreviation = w in medical_abbreviations() or w.rstrip("s") in medical_abbreviations()
    return not abbreviation and name_word(word)


def find_subject_names(text: str) -> Iterator[Finding]:
    """PERSON spans for names doing a person's verb at a clause start (not mixed case)."""
    if not (mostly_upper(text) or lower_register(text)):
        return
    for m in _SUBJECT.finditer(text):
        words = [w for w in _WORD.finditer(text, m.start("w"), m.end("w"))]
        words = [w for w in words if w.group().lower() not in _JOINERS]
        if words and all(_name(w.group()) for w in words):
            for w in words:
                yield Finding(w.start(), w.end(), "PERSON", 0.7, SOURCE)
