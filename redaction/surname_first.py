"""Names written surname first in running text and field values: "Owner: Brannock, Thaddeus",
"please add Okafor, Henrietta to the list". NER reads the comma as the end of an entity and
often finds only one half. A capitalised surname (a name or a word of no lexicon, no place or
country), a comma and a census given name that is no plain word, optionally with an initial,
followed by the end of the line, punctuation or a lower-case word (not "and": "Peterson,
Morgan and Pratt" is a firm; not after "@" or "/": a Notes address list), is one name. Alone after a
field label or on its line ("Backup: Figgis, Quennell") the given name needs no census list:
a name or a word of no lexicon of four letters or more. Not in clinical notes. Pure function,
no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from models.finding import Finding
from redaction.clinical import DATA, read_words
from redaction.gazetteer import places
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:surname-first"
_NAME = r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?"
_PAIR = re.compile(
    rf"(?<![\w'\u2019.,@/&-])(?P<s>{_NAME}),[ \t]+(?P<g>{_NAME})(?:[ \t]+[A-Z]\.)?"
    r"(?=[ \t]*(?:\r?$|[;:)!?]|\.(?:\s|$)|[ \t]+(?!and\b|or\b)[a-z]))",
    re.MULTILINE,
)
_LABELLED = re.compile(r"^[ \t>]*(?:[A-Z][\w -]{0,30}:[ \t]*)?\Z")
MIN_UNKNOWN = 4


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return places() | read_words(DATA / "countries.txt")


def find_surname_first_names(text: str) -> Iterator[Finding]:
    """ "Surname, Given" pairs (none in clinical notes)."""
    if "," not in text or clinical_text(text):
        return
    for m in _PAIR.finditer(text):
        surname, given = m.group("s"), m.group("g")
        if not _namelike(surname):
            continue
        if _census_given(given) or (_namelike(given) and _alone(text, m)):
            yield Finding(m.start(), m.end(), "PERSON", 0.7, SOURCE)


def _namelike(word: str) -> bool:
    k = kind(word)
    if plain(word) in _places():
        return False
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(word) >= MIN_UNKNOWN)


def _census_given(word: str) -> bool:
    return plain(word) in first_names() and kind(word) is not Kind.WORD


def _alone(text: str, m: re.Match[str]) -> bool:
    """Nothing but a field label before the pair on its line, nothing after it."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    after = text[m.end() : len(text) if end < 0 else end]
    return _LABELLED.match(text[start : m.start()]) is not None and not after.strip()
