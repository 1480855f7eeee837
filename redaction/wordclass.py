"""Word classes from public lexicons (Philter-style "safe words"): is a token a plain English
word, a person's name, a name that is also a very common word, or unknown?

Lexicons (``redaction/data``, built by ``scripts/build_lexicons.py``): US Census given names and
surnames (PyPI ``names``), the most frequent English words (PyPI ``wordfreq``), plus the
project's clinical vocabulary. Lookups are set/dict membership, so classification is cheap.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from redaction.clinical import DATA, clinical_words, read_words
from redaction.lexicon_data import supplemented
from redaction.shorthand import abbreviates, medical_names, misspells, proper_nouns

# A name that is also among this many most frequent English words is a word first ("bill",
# "white", "will"): it counts as a name only where a cue says so.
VERY_COMMON = 3000
# Beyond this rank the common-word list only holds words a dictionary lists in lower case
# ("lung", "vent", "gauze"): a census name among them is a word too.
LOWER_CASE_RANK = 5000
# ... and among this many, a function word that is never a name ("in", "to", "may", "will").
FUNCTION_WORDS = 150
_STRIP = ".'\u2019"
_CALENDAR_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december christmas easter"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
_JOINERS = re.compile(r"['\u2019-]")


class Kind(Enum):
    WORD = "word"  # a plain word (common English, clinical, function word)
    NAME = "name"  # a census name that is not a very common word
    WORDNAME = "wordname"  # a census name that is also a very common word
    UNKNOWN = "unknown"  # in no lexicon: a rare name, a typo, an abbreviation


_ORDER = [Kind.NAME, Kind.UNKNOWN, Kind.WORDNAME, Kind.WORD]


@lru_cache(maxsize=1)
def common_ranks() -> dict[str, int]:
    """Common English word -> frequency rank (0 is the most frequent)."""
    words = (DATA / "common_words.txt").read_text(encoding="utf-8").split("\n")
    plain = (w for w in words if w and not w.startswith("#"))
    return {w: i for i, w in enumerate(plain)}


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """Plain words beyond the common ones: medical vocabulary (lower-case entries only)."""
    return supplemented("medical_words.txt")


# Inflections a dictionary lists by its base form: (suffix, replacement).
_INFLECTIONS = (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"),
                ("ion", "e"), ("ly", ""), ("ies", "y"), ("ied", "y"))  # fmt: skip


def _listed(w: str) -> bool:
    return w in common_ranks() or w in dictionary()


def in_dictionary(w: str) -> bool:
    """A common or medical word, directly or by a regular inflection ("extubation")."""
    if _listed(w):
        return True
    for suffix, base in _INFLECTIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + base
            if _listed(stem):
                return True
    return False


@lru_cache(maxsize=65536)
def shorthand(w: str) -> bool:
    """Clinical shorthand or a misspelt word ("vanco", "prpafol"): see ``redaction.shorthand``."""
    if abbreviates(w):
        return True
    return w not in proper_nouns() and misspells(w, _familiar, person_names().__contains__)


def _familiar(w: str) -> bool:
    """Words a misspelling is measured against: common words and drug or device names (not the
    long tail of the medical dictionary, where plant and place names live: "brownwort")."""
    return w in common_ranks() or w in medical_names() or w in clinical_words()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return read_words(DATA / "first_names.txt")


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Given names and surnames (lower case)."""
    return first_names() | read_words(DATA / "surnames.txt")


def plain(word: str) -> str:
    """Lower-cased, without surrounding dots/quotes or a possessive 's."""
    w = word.strip(_STRIP).lower()
    if w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    return w


def kind(word: str) -> Kind:
    """The class of one token (any case); a compound ("Forman-Lyons", "O'Brien") takes the
    most name-like class of its parts."""
    parts = [p for p in _JOINERS.split(plain(word)) if p]
    if len(parts) > 1:
        return min((_kind(p) for p in parts), key=_ORDER.index)
    return _kind(plain(word))


@lru_cache(maxsize=65536)
def _kind(w: str) -> Kind:
    if not w.isalpha() or w in clinical_words():
        return Kind.WORD
    rank = common_ranks().get(w)
    if rank is not None and rank < FUNCTION_WORDS:
        return Kind.WORD
    if w in person_names():
        very_common = rank is not None and (
            rank < VERY_COMMON or rank >= LOWER_CASE_RANK or w not in proper_nouns()
        )
        return Kind.WORDNAME if very_common or w in dictionary() else Kind.NAME
    return Kind.WORD if in_dictionary(w) else Kind.UNKNOWN


def proper_kind(word: str) -> Kind:
    """``kind``, except that a frequent word a dictionary only capitalises ("Seattle",
    "Turkish") is unknown rather than plain: evidence for a place or name where a cue or NER
    points at it, yet never propagated as a name part on its own."""
    k = kind(word)
    w = plain(word)
    if k is Kind.WORD and w in proper_nouns() and w not in _CALENDAR and not _medical(w):
        return Kind.UNKNOWN
    return k


def _medical(w: str) -> bool:
    return w in dictionary() or w in medical_names() or w in clinical_words()


def uncued_kind(word: str) -> Kind:
    """The class of a token no cue announced (an NER guess): an unknown that reads as clinical
    shorthand or a misspelt word counts as a word. A cued name keeps ``kind``: "Dr. Nupe"."""
    k = proper_kind(word)
    if k is Kind.UNKNOWN and all(_uncued_word(p) for p in _JOINERS.split(plain(word)) if p):
        return Kind.WORD
    return k


def _uncued_word(w: str) -> bool:
    """Brand drugs and devices ("Flovent"; the list also holds eponyms, so a cued "Teodor"
    stays a name), shorthand and misspellings."""
    return w in medical_names() or shorthand(w)


def is_common(word: str) -> bool:
    """A plain or very common word: never propagated, never a name on weak evidence alone."""
    return kind(word) in (Kind.WORD, Kind.WORDNAME)
