"""A lone name opening a sentence before a verb: "Dagny is from Tromsø", "Okonjo began
writing", "Tomek lives on Elm Row". NER often leaves a sentence's first word alone; a census
name that is no common word, or a title-case word in no lexicon, before a verb of being,
having, saying or doing is a person. Not in clinical notes. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from models.finding import Finding
from redaction.clinical import DATA, read_words
from redaction.gazetteer import places, state_words
from redaction.register import clinical_register
from redaction.wordclass import Kind, kind

SOURCE = "lexicon:lead-name"
_VERBS = (
    r"is|was|has|had|lives|lived|works|worked|said|says|began|begins|told|asked|wrote|writes"
    r"|went|came|called|shouted|joined|left|moved|got|will|would|can|could|did|does|knows|knew"
    r"|thinks|thought|wants|wanted|needs|needed|agreed|signed|spent|became|met|listed|had"
)
_LEAD = re.compile(
    rf"(?:\A|(?<=[.!?][ \t])|(?<=\n)|(?<=\\n))[ \t]*(?P<n>[^\W\d_][^\W\d_'\u2019-]+)"
    rf"(?=[ \t]+(?:{_VERBS})\b)"
)
MIN_UNKNOWN = 4


def find_lead_names(text: str) -> Iterator[Finding]:
    """Sentence-opening names before a verb (not in clinical notes)."""
    if clinical_register(text):
        return
    for m in _LEAD.finditer(text):
        word = m.group("n")
        if _lone_name(word):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _lone_name(word: str) -> bool:
    """A census name that is no common word, or a title-case word in no lexicon that is no
    place or country in the gazetteer ("Poland was ...")."""
    if not word[0].isupper() or word.isupper():
        return False
    if place_word(word):
        return False
    k = kind(word)
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(word) >= MIN_UNKNOWN and word[1:].islower())


def place_word(word: str) -> bool:
    """A town in the gazetteer, or a word of a country's or US state's name ("Poland",
    "India", "Florida")."""
    w = word.lower()
    return w in places() or w in _countries()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return read_words(DATA / "countries.txt") | state_words()
