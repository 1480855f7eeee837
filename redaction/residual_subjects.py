"""Residual-risk names in subject position: a word in no lexicon that starts a clause and does
what a person does ("BUT QUENNAR DOES NOT HAVE MUCH CONTACT", "(VOSKUIL IS ON VACA)", "per
tobral, will hold"). Lower-case and ALL-CAPS notes give no capitals, and a surrogate or
foreign name is in no census list, so only its place tells it. Clinical shorthand, misspellings
and brand drugs (``uncued_kind``), clipped words ("neurosurg"), medical abbreviations and their
plurals ("adls") and compounds of two plain words ("permacath") are no names.

Lexicon and shape only, no detector; used by ``redaction.residual`` on the clear text of a
finished rendition (tokens blanked out)."""

from __future__ import annotations

import re
from bisect import bisect_left

from redaction.clinical import clinical_words
from redaction.informed_names import clipped, sorted_words
from redaction.residual_acronyms import medical_abbreviations, mostly_upper
from redaction.wordclass import Kind, common_ranks, dictionary, kind, plain, uncued_kind

_SUBJECT = re.compile(
    r"(?i)(?:^|[.;(!?]|\b(?:but|and|that|per|with|w/)\b)[ \t]*(?P<w>[^\W\d_]{4,})[ \t]+"
    r"(?:is|was|will|does|did|has|had|reports|reported|states|stated|said|says|wants|would"
    r"|can|could)\b",
    re.MULTILINE,
)
MIN_PART = 3
MIN_TAIL = 4
# A word that starts and ends like a plain word is a misspelling of it ("immobizer").
NEAR_HEAD = 5
NEAR_TAIL = 3
NEAR_LOOK = 400


def _compound(w: str) -> bool:
    """A medical word with a head glued on ("permacath"), or two common words run together
    ("Datamanager"); one common word at a name's end ("-akin", "-wood") says nothing."""
    tails = (w[i:] for i in range(MIN_PART, len(w) - MIN_TAIL + 1))
    if any(t in dictionary() or t in clinical_words() for t in tails):
        return True
    splits = ((w[:i], w[i:]) for i in range(MIN_PART, len(w) - MIN_TAIL + 1))
    return any(h in common_ranks() and t in common_ranks() for h, t in splits)


def _near_word(w: str) -> bool:
    words = sorted_words()
    i = bisect_left(words, w[:NEAR_HEAD])
    for other in words[i : i + NEAR_LOOK]:
        if not other.startswith(w[:NEAR_HEAD]):
            return False
        if other.endswith(w[-NEAR_TAIL:]):
            return True
    return False


def name_like(word: str, caps: bool) -> bool:
    w = plain(word)
    if kind(word) is not Kind.UNKNOWN or uncued_kind(word) is not Kind.UNKNOWN:
        return False
    if not caps and (word.isupper() or any(c.isupper() for c in word[1:])):
        return False  # an acronym or a product name in mixed-case text ("GISB", "EnronOnline")
    abbreviation = w in medical_abbreviations() or w.rstrip("s") in medical_abbreviations()
    return not (abbreviation or clipped(w) or _compound(w) or _near_word(w))


def subject_names(clear: str) -> int:
    """Distinct words in no lexicon that start a clause before a person's verb."""
    caps = mostly_upper(clear)
    found = {m.group("w") for m in _SUBJECT.finditer(clear) if name_like(m.group("w"), caps)}
    return len({w.casefold() for w in found})
