"""Names written surname first in capitals, as mail systems and rosters print them: "OKONKWO,
HENRIETTA", "ZILBAUER/MAREK", "HALE, IDA M.". The given half must be a census given name that
is no plain word and neither half a clinical word ("BS, PEG"), and the surname a name or a
word of no lexicon; a place ("DAYTON, MARY") is no surname. The census given name is
evidence enough to read it in all-caps shorthand too (travel itineraries in capitals look
clinical by their share of abbreviations), but in a clinical text the given name must have
four letters or more ("PERL, MAE" is shorthand). A pair alone on its line (a roster or an
itinerary) needs no census given name outside clinical text: both halves names or words of
no lexicon ("KOWALCZYK, RADOMIR"). Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.gazetteer import places
from redaction.mail_register import clinical_text
from redaction.residual_acronyms import medical_abbreviations
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:caps-name"
MIN_LETTERS = 3
MIN_CLINICAL_GIVEN = 4  # three capitals in a note are shorthand as often ("PERL, MAE")
_CAPS = re.compile(
    r"(?<![\w'\u2019/-])(?P<s>[A-Z]{2,}(?:['\u2019-][A-Z]{2,})?)(?:,[ \t]*|/)"
    r"(?P<g>[A-Z]{2,})(?:[ \t]+[A-Z]\.?(?![\w'\u2019]))?(?![\w'\u2019/@-])"
)


def find_caps_names(text: str) -> Iterator[Finding]:
    """Capital "SURNAME, GIVEN" and "SURNAME/GIVEN"."""
    clinical: bool | None = None
    for m in _CAPS.finditer(text):
        given, surname = m.group("g"), m.group("s")
        census = _given(given, MIN_LETTERS)
        if not _surname(surname) or not (census or _alone(text, m)):
            continue
        if not census or len(given) < MIN_CLINICAL_GIVEN:
            clinical = clinical_text(text) if clinical is None else clinical
            if clinical or not (census or _surname(given)):
                continue
        yield Finding(m.start(), m.end(), "PERSON", 0.7, SOURCE)


def _alone(text: str, m: re.Match[str]) -> bool:
    """The name is all its line holds (a roster or itinerary entry)."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return text[start : len(text) if end < 0 else end].strip(" \t\r>") == m.group()


def _given(word: str, least: int) -> bool:
    w = plain(word)
    return (
        len(w) >= least
        and w in first_names()
        and not _clinical(w)
        and (kind(word) is not Kind.WORD)
    )


def _surname(word: str) -> bool:
    parts = [p.lower() for p in re.split(r"['\u2019-]", word)]
    clinical = any(_clinical(p) for p in parts)
    named = all(kind(p) in (Kind.NAME, Kind.UNKNOWN) for p in parts)
    return named and not clinical and len(word) >= MIN_LETTERS and plain(word) not in places()


def _clinical(word: str) -> bool:
    """A clinical word or a medical abbreviation (lower case)."""
    return word in clinical_words() or word in medical_abbreviations()
