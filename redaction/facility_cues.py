"""Facilities and employers named by the people who come from them, in any case: "surgeon from
Harborview", "records from qxmc", "SEEN BY QXMC NURSE", "CEO OF ZORBEX", "works at Zorbex". A
movement verb is not needed here (``redaction.facilities`` handles "transferred to"); the cue
is a clinician, a team or records, or a job. Each name word must be no plain or clinical word:
a census name, a word in no lexicon, an acronym that is no clinical abbreviation, or a
capitalised word-name in mixed case ("Cove", not "COVE" or "cove"). An acronym shaped like a
medical centre's ("BXMC") needs no cue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.shorthand import proper_nouns
from redaction.wordclass import Kind, common_ranks, uncued_kind

SOURCE = "context:facility"
# Cue words are looked up per word in sets (regex alternations tried at every position of a
# note cost more than the rest of the module).
_ROLE_WORDS = (
    "surgeon surgeons doctor doctors nurse nurses team staff physician physicians md mds np nps"
    " resident residents fellow fellows attending attendings cardiologist cardiologists pcp"
    " record records note notes chart charts film films lab labs paperwork transport ambulance"
)
_ROLES = frozenset(_ROLE_WORDS.split())
_JOB_WORDS = (
    "ceo owner manager employee employed works worked working retired job career engineer"
    " teacher professor"
)
_JOBS = frozenset(_JOB_WORDS.split())
# Who or what an acronym before can be a facility's: its clinicians, unit or transport ("NSG
# NOTE", "EP TEAM" are a discipline's, so notes and teams are not among them).
_STAFF_WORDS = (
    "nurse nurses doctor doctors physician physicians surgeon surgeons er icu ccu rehab"
    " hospital hosp ems ambulance transport"
)
_STAFF = frozenset(_STAFF_WORDS.split())
_LETTERS = re.compile(r"(?<![\w/-])[^\W\d_]+")
_AFTER_ROLE = re.compile(r"[ \t]+(?i:from|at|of)[ \t]+(?:(?i:the)[ \t]+)?(?=[^\W\d_])")
_AFTER_JOB = re.compile(r"[ \t]+(?i:of|at|for|from|with|by)[ \t]+(?:(?i:the)[ \t]+)?(?=[^\W\d_])")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_NEXT = re.compile(r"[ \t]+([^\W\d_]+)\b")
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?<![.'\u2019-])(?![\w/+=-])")
_GAP = re.compile(r"[ \t]+")
MAX_WORDS = 3
MIN_CENTRE = 4  # "XYMC"; "CMC" (a joint) is too short to tell


def _place_word(word: str) -> bool:
    """A name word after a cue: no clinical or plain word; a word-name only capitalised in
    mixed case ("Cove", not "HIGH" or "early")."""
    if word.lower() in clinical_words():
        return False
    k = uncued_kind(word)
    if k in (Kind.NAME, Kind.UNKNOWN):
        return len(word) >= 2
    return k is Kind.WORDNAME and word.istitle()


def _acronym(word: str) -> bool:
    """An upper-case acronym that is no clinical abbreviation nor a word ("QXMC", not "NSG")."""
    w = word.lower()
    if w in clinical_words() or w in common_ranks():
        return False
    return uncued_kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _employer_word(word: str) -> bool:
    """An employer's name word: a nationality or a country ("working for the Icelandic ...") is
    a public body's, not a workplace that locates the patient."""
    return _place_word(word) and word.lower() not in proper_nouns()


def _name_end(text: str, pos: int, job: bool = False) -> int:
    """End of up to ``MAX_WORDS`` name words from ``pos`` (``pos`` when none)."""
    end = cursor = pos
    accept = _employer_word if job else _place_word
    for _ in range(MAX_WORDS):
        m = _WORD.match(text, cursor)
        if m is None or not accept(m.group()):
            break
        end = m.end()
        gap = _GAP.match(text, end)
        if gap is None:
            break
        cursor = gap.end()
    return end


def find_cued_facilities(text: str) -> Iterator[Finding]:
    """Names after a clinician, records or a job ("nurse from X", "CEO of X") and acronyms
    before one ("X NURSE"): ADDRESS (a workplace or a facility locates the patient)."""
    for word in _LETTERS.finditer(text):
        w = word.group().lower()
        if w in _ROLES or w in _JOBS:
            yield from _after_cue(text, word.end(), job=w not in _ROLES)
        if _ACRONYM.fullmatch(word.group()) and _facility_acronym(text, word):
            yield Finding(word.start(), word.end(), "ADDRESS", 0.7, SOURCE)


def _facility_acronym(text: str, word: re.Match[str]) -> bool:
    """An acronym before a facility's staff ("QXMC NURSE"), or one shaped like a medical
    centre's ("BXMC") anywhere: no clinical abbreviation or word either way."""
    nxt = _NEXT.match(text, word.end())
    staff = nxt is not None and nxt.group(1).lower() in _STAFF
    centre = len(word.group()) >= MIN_CENTRE and word.group().endswith("MC")
    return (staff or centre) and _acronym(word.group())


def _after_cue(text: str, pos: int, job: bool) -> Iterator[Finding]:
    cue = (_AFTER_JOB if job else _AFTER_ROLE).match(text, pos)
    if cue is not None:
        end = _name_end(text, cue.end(), job=job)
        if end > cue.end():
            yield Finding(cue.end(), end, "ADDRESS", 0.7, SOURCE)
