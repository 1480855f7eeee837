"""Clinical shorthand and misspellings among tokens in no lexicon (a nursing note's "vanco",
"ceftaz", "prpafol"): a token that begins a longer medical word, or is one edit away from a
plain or medical word, is a word too, not an unknown (possibly a name).

Both tests are set lookups on the token's own variants (no scan of the lexicons), cached.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Callable
from functools import lru_cache

from redaction.clinical import DATA, clinical_words, read_words
from redaction.lexicon_data import supplemented

# A prefix shorter than this says nothing; the word it begins must be this much longer.
MIN_PREFIX = 3
MAX_PREFIX = 7
MIN_EXTRA = 2
SHORT_PREFIX = 4
# Shorter tokens are too close to too many words for an edit to mean a misspelling.
MIN_TYPO = 6
_LETTERS = string.ascii_lowercase


@lru_cache(maxsize=1)
def medical_names() -> frozenset[str]:
    """Brand drugs and devices (capitalised medical words that are no census name)."""
    return supplemented("medical_names.txt")


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """Places and people a dictionary capitalises ("seattle"): never shorthand or a typo."""
    return read_words(DATA / "proper_nouns.txt")


@lru_cache(maxsize=1)
def _sorted_medical() -> list[str]:
    from redaction.wordclass import dictionary

    return sorted(dictionary() | medical_names() | clinical_words())


def abbreviates(w: str) -> bool:
    """``w`` (lower case) begins a medical or drug word at least ``MIN_EXTRA`` letters longer
    (a short prefix: two such words, so one rare word does not make a surname shorthand)."""
    if not MIN_PREFIX <= len(w) <= MAX_PREFIX:
        return False
    words = _sorted_medical()
    need = 2 if len(w) <= SHORT_PREFIX else 1
    i = bisect.bisect_left(words, w)
    while need and i < len(words) and words[i].startswith(w):
        need -= len(words[i]) >= len(w) + MIN_EXTRA
        i += 1
    return need == 0


def edits(w: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away from ``w``."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(w)
    return out


def misspells(w: str, is_word: Callable[[str], bool], is_name: Callable[[str], bool]) -> bool:
    """``w`` is one edit from a word and from no name (a misspelt name stays a name)."""
    if len(w) < MIN_TYPO:
        return False
    near = edits(w)
    return any(is_word(v) for v in near) and not any(is_name(v) for v in near)
