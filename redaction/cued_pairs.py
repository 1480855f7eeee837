"""A two-word name after a word of contact or a conjunction, in the case the text is written
in: "talked to Ferris Dunmoyle", "left voicemail for sunniva hargreave", "MESSAGE FROM TIBERIUS
OBUYA", "rowena castlebury and idris penhaligon". NER
misses names it has not seen, most of all in lower case or capitals, and the census lists hold
few names from outside the US. The pair must be written like the text around it (capitalised in
mixed case, lower case in a lower-case text, capitals in an all-caps one), neither word a plain
word or a place, the first a name or a word of no lexicon, the second a name or a word of no
lexicon of four letters or more (one part of a hyphenated surname, the others no plain
word), and no capitalised word
may follow ("with Dunmore Wendleton Gas" is a company). Not in clinical notes. Pure function,
no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.gazetteer import places
from redaction.mail_register import clinical_text
from redaction.residual_acronyms import lower_register, mostly_upper
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "lexicon:cued-pair"
_CUE = (
    r"talk(?:ed)?[ \t]+(?:to|with)|spoke[ \t]+(?:to|with)|spoken[ \t]+(?:to|with)"
    r"|speak(?:ing)?[ \t]+(?:to|with)|met[ \t]+with|meet(?:ing)?[ \t]+with|call(?:ed)?"
    r"|ask(?:ed)?|tell|told|per|cc['\u2019]?d|cc:?|from|by|for|with|to|thanks|thank"
    r"|remind(?:ed)?|e-?mail(?:ed)?|voicemail[ \t]+for|message[ \t]+from|contact(?:ed)?|and|or|&"
    r"|cop(?:y|ied)|forward(?:ed)?|invite[ds]?|includ(?:e|ing)|ping(?:ed)?"
)
_W = r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)?"
_PAIR = re.compile(
    rf"(?<![\w'\u2019-])(?i:{_CUE})[ \t]+(?=(?P<n>(?P<a>{_W})[ \t]+(?P<b>{_W}))"
    r"(?![\w'\u2019@/-]|[ \t]+[A-Z][a-z]))"
)  # the pair is read ahead, so "and copy Ines Varga" tries "copy Ines" and then "Ines Varga"
MIN_SURNAME = 4


def find_cued_pairs(text: str) -> Iterator[Finding]:
    """Two-word names after a word of contact (none in clinical notes)."""
    if clinical_text(text):
        return
    case = _case(text)
    for m in _PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        written = _written(a, case) and _written(b, case)
        if written and _first(a) and _surname(b) and f"{plain(a)} {plain(b)}" not in places():
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.65, SOURCE)


def _case(text: str) -> str:
    if mostly_upper(text):
        return "upper"
    return "lower" if lower_register(text) else "title"


def _written(word: str, case: str) -> bool:
    if case == "upper":
        return word.isupper()
    if case == "lower":
        return word.islower()
    return word[:1].isupper() and not word.isupper()


def _first(word: str) -> bool:
    k = kind(word)
    if k is Kind.WORD or plain(word) in places():
        return False
    return k in (Kind.NAME, Kind.UNKNOWN) or plain(word) in first_names()


def _surname(word: str) -> bool:
    """A surname, or a hyphenated one with a surname part and no plain word ("Ormsby-Gore")."""
    parts = re.split(r"['\u2019-]", word)
    if plain(word) in places() or any(kind(p) is Kind.WORD for p in parts):
        return False
    return any(_surname_part(p) for p in parts) if len(parts) > 1 else _surname_part(word)


def _surname_part(part: str) -> bool:
    k = kind(part)
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(part) >= MIN_SURNAME)
