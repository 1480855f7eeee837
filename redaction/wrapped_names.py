"""Names broken by a line wrap: e-mail and letters are hard-wrapped near 76 characters, so
"... the City Attorney is Oskar \\nBrannigan." splits a name over two lines, and NER, which
reads a line end as a boundary, finds neither half (or one). A census given name ending a line
(no punctuation after it) and a surname-like word starting the next one are one name: a
census surname, a word in no lexicon (four letters or more), or a surname that is rare as a
word. A given name that is also a word ("Bill", "Rose") needs a census surname or a word of
no lexicon after it, and is not read so in clinical notes, whose lines end in shorthand and
headings. A place's first word before a given name ("San Antonio\\nMarriott") is no name. Pure
function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.mail_register import clinical_text
from redaction.wordclass import VERY_COMMON, Kind, common_ranks, first_names, kind, plain

SOURCE = "lexicon:wrapped"
_WRAP = re.compile(
    r"(?<![\w'\u2019.-])(?P<g>[A-Z][a-z]+)[ \t]*\r?\n[ \t>]*"
    r"(?P<s>[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*|(?:Mc|Mac|O['\u2019])[A-Z][a-z]+)"
    r"(?![\w'\u2019-]|[ \t]*:)"
)
_PLACE_START = re.compile(
    r"(?i:\b(?:san|santa|st\.?|saint|los|las|new|fort|port|mount|lake)[ \t]+)\Z"
)
MIN_UNKNOWN = 4


def find_wrapped_names(text: str) -> Iterator[Finding]:
    """Given names ending a line with the surname starting the next."""
    clinical: bool | None = None
    for m in _WRAP.finditer(text):
        given, surname = m.group("g"), m.group("s")
        if plain(given) not in first_names() or kind(given) is Kind.WORD:
            continue
        if _PLACE_START.search(text, max(0, m.start() - 8), m.start()):
            continue
        if kind(given) is Kind.WORDNAME:
            clinical = clinical_text(text) if clinical is None else clinical
            if clinical or kind(surname) not in (Kind.NAME, Kind.UNKNOWN):
                continue
        if _surname_like(surname):
            yield Finding(m.start("g"), m.end("s"), "PERSON", 0.7, SOURCE)


def _surname_like(word: str) -> bool:
    k = kind(word)
    if k is Kind.UNKNOWN:
        return len(word) >= MIN_UNKNOWN
    if k is Kind.WORDNAME:
        return common_ranks().get(plain(word), VERY_COMMON) >= VERY_COMMON
    return k is Kind.NAME
