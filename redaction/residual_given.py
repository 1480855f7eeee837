"""Residual-risk given names and initials told by the word right before them:

- a relative named straight after the kin word (``Son, Ed, updated``, ``wife Rosa``,
  ``DAUGHTER, MARY``): any census given name, however short or common, except a function
  word and a plain lower-case word (``son will call``, ``son to ed``; ``wife grace`` counts:
  a name that is also a word);
- a capitalised given name that is the subject of a relative's verb a few words after a kin
  word (``her son, who is abroad, but DAVID does not call``);
- a capitalised given name left right before a person's token (``By MARTA [PERSON_13]``);
- a lower-case tail of a surname left after a titled name's token (``Mr. [PERSON_1] ke is``);
- an initial after a personal title in a mixed- or lower-case text (``mr I remained``,
  ``Dr. Q``): in an ALL-CAPS text a title before one letter is shorthand (``MS A&O``).

Lexicon and shape only, no detector; used by ``redaction.residual`` on the clear text of a
finished rendition (tokens blanked out).
"""

from __future__ import annotations

import re

from redaction.residual_cues import GIVEN_MIN
from redaction.wordclass import (
    FUNCTION_WORDS,
    Kind,
    common_ranks,
    first_names,
    kind,
    uncued_kind,
)

_KIN_WORDS = (
    r"(?:sons?|daughters?|dtr|wife|husband|spouse|sisters?|brothers?|mother|father|niece"
    r"|nephew|friends?|proxy|hcp|grandson|granddaughter|aunt|uncle|cousin|fiance|fiancee"
    r"|boyfriend|girlfriend|stepson|stepdaughter)"
)
_KIN_GIVEN = re.compile(
    rf"(?i)(?<![\w-]){_KIN_WORDS}[,:]?[ \t]{{1,2}}(?P<word>[^\W\d_][\w'\u2019]*)\b"
)
_KIN = re.compile(rf"(?i){_KIN_WORDS}")
# A capitalised given name that is also a common word ("Mark", "DAVID") that is the subject of a
# verb a relative does, a few words after a kin word: "her son ... but DAVID does not".
SUBJECT_KIN_WINDOW, SUBJECT_MIN = 10, 4
_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][^\W\d_]{3,}(?![\w'\u2019-])")
_RELATIVE_VERB = re.compile(
    r"(?i)[ \t]+(?:does|did|is|was|has|had|will|would|called|visited|states|stated|said"
    r"|wants|feels|lives|came|arrived)\b"
)
_ALPHA = re.compile(r"[^\W\d_]+")
# A lower-case tail of a surname the redaction cut short, right after a titled name's token:
# "Mr. [PERSON_1] ke is" (not a word, a credential or a suffix: "Dr. [PERSON_1] np").
_NAME_TAIL = re.compile(
    r"(?i:\b(?:mr|mrs|ms|dr|prof))\.?[ \t]+\[PERSON_\d+\][ \t](?P<tail>[a-z]{1,3})\b"
)
# A capitalised given name left in clear right before a person's token: the detector took
# the surname only ("By THOMAS [PERSON_13]", "Peter [PERSON_2] said"); a given name that is
# also a frequent word ("Son", "Will", "OK") or a kin word is no such part.
_BEFORE_TOKEN = re.compile(r"(?<![\w.'\u2019-])(?P<word>[A-Z][a-z]+|[A-Z]{2,})[ \t]\[PERSON_\d+\]")
FREQUENT_RANK = 1000
_CREDENTIAL_WORDS = "md do rn np pa rrt lpn cna bsn msn phd jr sr esq dds"
_CREDENTIALS = frozenset(_CREDENTIAL_WORDS.split())
_TITLE_INITIAL = re.compile(
    r"(?<![\w.])(?:[Mm][Rr][Ss]?|[Mm][Ss]|[Dd][Rr])\.?[ \t]{1,2}(?P<initial>[A-Z])"
    r"(?![\w&/'\u2019-]|\.\w)"
)


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def _given(word: str) -> bool:
    """A given name ``residual_cues.kin_names`` leaves out (short, or also a word)."""
    w = word.casefold()
    if w not in first_names() or common_ranks().get(w, FUNCTION_WORDS) < FUNCTION_WORDS:
        return False
    if len(w) >= GIVEN_MIN and uncued_kind(word) is Kind.NAME:
        return False  # kin_names counts it
    return not (word.islower() and kind(word) is Kind.WORD)


def kin_given_names(clear: str) -> int:
    """Distinct given names right after a kin or proxy word."""
    return len(
        {m.group("word").casefold() for m in _KIN_GIVEN.finditer(clear) if _given(m.group("word"))}
    )


def _kin_before(clear: str, start: int) -> bool:
    before = _ALPHA.findall(clear, max(0, start - 10 * SUBJECT_KIN_WINDOW), start)
    return any(_KIN.fullmatch(w) for w in before[-SUBJECT_KIN_WINDOW:])


def kin_subjects(clear: str) -> int:
    """Distinct capitalised given names doing what a relative does, just after a kin word."""
    return len(
        {
            m.group().casefold()
            for m in _CAPITALISED_WORD.finditer(clear)
            if m.group().casefold() in first_names()
            and kind(m.group()) is Kind.WORDNAME  # a plain name: kin_names's case
            and _RELATIVE_VERB.match(clear, m.end())
            and _kin_before(clear, m.start())
        }
    )


def name_tails(rendition: str) -> int:
    """Lower-case tails no word list knows right after a titled name's token; read on the
    rendition itself, tokens and all."""
    return sum(
        1
        for m in _NAME_TAIL.finditer(rendition)
        if m.group("tail") not in _CREDENTIALS
        and uncued_kind(m.group("tail")) in (Kind.UNKNOWN, Kind.NAME)
    )


def given_before_tokens(rendition: str) -> int:
    """Distinct capitalised given names right before a person's token; read on the rendition
    itself, tokens and all."""
    return len(
        {
            w.casefold()
            for m in _BEFORE_TOKEN.finditer(rendition)
            if (w := m.group("word")).casefold() in first_names()
            and common_ranks().get(w.casefold(), FREQUENT_RANK) >= FREQUENT_RANK
            and not _KIN.fullmatch(w)
            and kind(w) in (Kind.NAME, Kind.WORDNAME)
        }
    )


def titled_initials(clear: str) -> int:
    """Distinct initials right after a personal title, outside ALL-CAPS texts."""
    if _mostly_upper(clear):
        return 0
    return len({m.group("initial") for m in _TITLE_INITIAL.finditer(clear)})
