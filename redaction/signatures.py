"""Signature blocks of letters and e-mails: a line holding only a full name, right above a line
that names a job ("Ysolde Quenneville\\nSenior Counsel", "TOBIAS REED\\nVice President,
Trading"). Given names from anywhere in the world are not in the census lists the other name
rules lean on, so here the layout is the evidence: two to four capitalised words, none of
them a plain word (a census given name that is also a word, "Rose", counts), the first no
surname that is also a word ("Vice President"), over a job line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:signature"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff'\u2019"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_WORD = rf"[{_UP}](?:[{_LOW}]+(?:-[{_UP}][{_LOW}]+)*|[{_UP}'\u2019]+(?:-[{_UP}'\u2019]+)*|\.)"
_JOBS = (
    r"Counsel|Attorney|Lawyer|Solicitor|Barrister|Paralegal|Partner|Associate|Manager"
    r"|Director|President|Chairman|Chair|Officer|Analyst|Engineer|Specialist|Coordinator"
    r"|Administrator|Assistant|Secretary|Consultant|Advisor|Adviser|Accountant|Controller"
    r"|Treasurer|Trader|Broker|Representative|Supervisor|Head|Lead|Executive|Agent|Clerk"
    r"|Nurse|Physician|Surgeon|Therapist|Pharmacist|Technician|Scientist|Economist|Editor"
    r"|Reporter|Professor|Lecturer|Principal|CEO|CFO|COO|CTO|VP|SVP|EVP|Esq"
)
_BLOCK = re.compile(
    rf"^[ \t>]*(?P<n>{_WORD}(?:[ \t]+{_WORD}){{1,3}})[ \t]*,?[ \t]*\r?\n"
    rf"[ \t>]*(?=[^\n]{{0,40}}\b(?i:{_JOBS})s?\b)[^\n]{{1,80}}$",
    re.MULTILINE,
)


def find_signature_names(text: str) -> Iterator[Finding]:
    """Full-name lines above a job line."""
    for m in _BLOCK.finditer(text):
        words = m.group("n").split()
        if _given(words[0]) and all(_name_word(w) for w in words[1:]):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)


def _given(word: str) -> bool:
    """A census given name, or a word of no lexicon or of the name lists only ("Ysolde"); a
    surname that is also a word ("Vice", "Senior") does not start a name."""
    return plain(word) in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _name_word(word: str) -> bool:
    """An initial, a census given name, or any word that is no plain word."""
    if len(word.rstrip(".")) == 1:
        return True
    return plain(word) in first_names() or kind(word) is not Kind.WORD
