"""A name in the possessive inside a sentence: "Frank's daughter", "at Okonjo's house". A
census name that is no common word (or a census given name), title case, not opening the
sentence, then "'s" and a lower-case word; eponyms of diseases, laws and rules ("Crohn's
disease", "Murphy's law") and the clinical register stay out. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.lead_names import place_word
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "lexicon:possessive"
_POSSESSIVE = re.compile(
    r"(?<=[a-z,;:][ \t])(?P<n>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['\u2019]s[ \t]+(?P<next>[a-z]+)"
)
_EPONYM_WORDS = (
    "disease syndrome sign law laws rule rules test principle theorem razor paradox palsy"
    " phenomenon reflex triad lymphoma sarcoma tumour tumor ulcer fracture procedure"
)
_EPONYM = frozenset(_EPONYM_WORDS.split())


def find_possessive_names(text: str) -> Iterator[Finding]:
    """Names before a possessive "'s" inside a sentence (not in clinical notes)."""
    if "s" not in text or clinical_register(text):
        return
    for m in _POSSESSIVE.finditer(text):
        follow = m.group("next")
        if follow in _EPONYM or follow in clinical_words():
            continue
        if _name(m.group("n")):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _name(word: str) -> bool:
    """A census name that is no common word or a census given name, and no place."""
    if place_word(word):
        return False
    k = kind(word)
    return k is Kind.NAME or (k is Kind.WORDNAME and plain(word) in first_names())
