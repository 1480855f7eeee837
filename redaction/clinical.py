"""Precision guard for clinical text: drug names, doses and clinical shorthand are not names.

The vocabularies are data (``redaction/data/*.txt``, one or more words a line, ``#`` comments);
a person/organisation/place span made only of those words and numbers, or holding a dose,
is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from models.finding import Finding

DATA = Path(__file__).parent / "data"
_GUARDED = frozenset({"PERSON", "ORGANIZATION", "ADDRESS"})
_TRUSTED_SOURCES = (
    "pattern:address",
    "pattern:zip",
    "context:address",
    "context:relation",
    "context:email-given",  # a one-word salutation or sign-off line ("Ed,")
)
_WORD = re.compile(r"[^\s,;:()\"]+")
_NUMBER = re.compile(r"^[\d.,/%x^-]+$")
# A dose inside a span ("MORPHINE 2 MG IV"): no name or organisation carries one.
_DOSE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?[ \t]?(?:mg|mcg|µg|g|kg|ml|mL|units?|iu|meq|mmol)(?![\w])",
    re.IGNORECASE,
)
# A doctor's title before a span: "Dr. Drain" is a person, whatever the word means alone.
_DOCTOR_BEFORE = re.compile(r"\b(?i:drs?)\.?[ \t]*$")


def read_words(path: Path) -> frozenset[str]:
    """The lower-cased words of a lexicon file (comments and blank lines ignored)."""
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].lower().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    """Drug names plus clinical shorthand."""
    return read_words(DATA / "drugs.txt") | read_words(DATA / "clinical_terms.txt")


def clinical_only(value: str, vocabulary: Iterable[str] | None = None) -> bool:
    """True when every word of ``value`` is a clinical word or a number (and one is a word)."""
    vocab = clinical_words() if vocabulary is None else vocabulary
    words = [w.strip(".'").lower() for w in _WORD.findall(value)]
    words = [w for w in words if w]
    named = [w for w in words if not _NUMBER.match(w)]
    return bool(named) and all(w in vocab for w in named)


def drop_clinical(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Drop name/organisation/place findings that are only drug names and clinical words."""
    return [f for f in findings if not _clinical_finding(text, f)]


def _clinical_finding(text: str, f: Finding) -> bool:
    if f.label not in _GUARDED or f.source.startswith(_TRUSTED_SOURCES):
        return False
    if _DOCTOR_BEFORE.search(text, max(0, f.start - 6), f.start):
        return False
    value = text[f.start : f.end]
    return clinical_only(value) or _DOSE.search(value) is not None
