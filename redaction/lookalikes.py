"""Clinical look-alikes of identifiers, checked on pattern findings before they spread: shift
and flow-sheet ranges ("1900-0700"), ventilator settings ("14X700X100"), problem numbers and
vital-sign runs read as street lines ("#3", "70-72 AV", "3 WAY FOLEY IN PLACE"), and "home"
as a word rather than an address cue ("TO GO HOME C HUSBAND")."""

from __future__ import annotations

import re

from redaction.wordclass import Kind, common_ranks, kind

_RANGE = re.compile(r"^(?P<a>\d{2,4})-(?P<b>\d{2,4})$")
_SETTINGS = re.compile(r"^\d+(?:[xX]\d+){2,}$")
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_LEAD_NUMBER = re.compile(r"^[#\d]")
# Function words that do occur inside street names ("Avenue of the Americas", "Rue de la Paix").
_GLUE_WORDS = "of the de la le du del des von van der y no new"
_STREET_GLUE = frozenset(_GLUE_WORDS.split())
FUNCTION_RANK = 150
_STATE_CODE = re.compile(r"^[A-Z]{2}$")
_HOME_CUE = re.compile(r"(?i:\b(?:home|address|addr)\b)[ \t]*(?P<colon>:?)[ \t]*$")


def _clock(part: str) -> bool:
    if len(part) not in (3, 4):
        return False
    hours, minutes = int(part[:-2]), int(part[-2:])
    return hours <= 24 and minutes < 60


def number_lookalike(value: str) -> bool:
    """A long-number finding that is a time or volume range or a ventilator setting."""
    if _SETTINGS.match(value):
        return True
    m = _RANGE.match(value)
    if m is None:
        return False
    a, b = m.group("a"), m.group("b")
    # "555-1234" is a local phone number unless both halves are clock times
    return not (len(a) == 3 and len(b) == 4) or (_clock(a) and _clock(b))


def _plain_or_clinical(word: str) -> bool:
    w = word.lower()
    if w in _STREET_GLUE:
        return False
    rank = common_ranks().get(w)
    if rank is not None and rank < FUNCTION_RANK:
        return True  # "IN", "PER", "FOR": sentences, not street names
    return rank is None and kind(word) is Kind.WORD  # a medical, not a common, word


def street_lookalike(value: str, caps: bool) -> bool:
    """A street/unit pattern that is a problem number, a vital-sign run or clinical words: no
    words at all; in all-caps text a bare number before the suffix ("70 AV", "80-100 ST") or a
    function or medical word inside; elsewhere a lower-case one ("6L via")."""
    words = _WORDS.findall(value)
    if not words:
        return True
    if caps and len(words) == 1 and _LEAD_NUMBER.match(value) and len(words[0]) <= 4:
        return True
    if caps:
        return any(_plain_or_clinical(w) for w in words if not _STATE_CODE.match(w))
    return any(_plain_or_clinical(w) for w in words if w.islower())


def home_lookalike(before: str, value: str) -> bool:
    """An address announced by "home"/"address" without a colon must start with a house
    number: "sent home c husband" is no address."""
    cue = _HOME_CUE.search(before)
    return cue is not None and not cue.group("colon") and not value[:1].isdigit()
