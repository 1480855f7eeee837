"""Residual-risk scan: an independent second opinion on a finished rendition.

It shares nothing with the detector's method (no NER, no context rules, no propagation): it
looks at what the redaction left in clear, token by token, for shapes that identify people:
name-shaped words (capitalised, in the census name lists or in no dictionary at all), dates
with a day, long digit runs, and in any case a given name followed by a surname-like word or
a named facility (``redaction.residual_case``), names and places told by the words around
them (``residual_cues``, ``residual_given``, ``residual_places``), ages over 89 and labelled
record codes (``residual_ids``). Findings are counts and codes, never text: a
rendition with any of them goes to human redaction QC.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from redaction.operators import TOKEN
from redaction.residual_acronyms import place_acronyms
from redaction.residual_case import facilities, name_pairs
from redaction.residual_cues import (
    family_names,
    kin_names,
    party_names,
    public_place,
    signed_names,
    titled_names,
    towns,
    wards,
)
from redaction.residual_days import small_days
from redaction.residual_given import (
    given_before_tokens,
    kin_given_names,
    kin_subjects,
    name_tails,
    titled_initials,
)
from redaction.residual_ids import ages, days_after_on, labelled_codes, reported_days
from redaction.residual_initials import party_initials
from redaction.residual_letters import framed_names
from redaction.residual_neighbours import token_neighbours
from redaction.residual_numbers import count_dates, count_numbers, count_split_days
from redaction.residual_places import places
from redaction.residual_subjects import subject_names
from redaction.wordclass import Kind, in_dictionary, plain, uncued_kind

# Capitalised words in a mixed-case text; sentence and line starts do not count.
_TITLE_WORD = re.compile(r"(?<![\w'\u2019.-])[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\-*#>)\]]|\d)[ \t\"'(]*$")
# A term in the original language after its translation: "the District Court (Amtsgericht)",
# "a penal order (Straferkenntnis)". Names in brackets are caught by the cue rules.
_GLOSS = re.compile(r"(?<=[^\W\d_]) \(([^()\n]{1,60})\)")
# A place that names an authority: "the Brenwick District Court", "Tallow Labour Office".
_AUTHORITY_AFTER = re.compile(
    r"[ \t]+(?:District|Regional|Provincial|Municipal|County|City|Labour|Administrative|Court"
    r"|Office|Authority|Council|Prosecutor|Police|Tax|Public)\b"
)
MIN_NAME_LENGTH = 4
# Longer capitalised words are compound nouns (a German or Dutch court or statute), not names.
MAX_NAME_LENGTH = 15
# Name-shaped words tolerated in clear before a rendition goes to human QC: eponyms and
# brand names look like names; several of them in one text are a person.
NAME_LIMIT = 2


@dataclass(frozen=True)
class Residual:
    names: int
    dates: int
    digits: int
    name_pairs: int = 0
    facilities: int = 0
    cued_names: int = 0
    places: int = 0
    ages: int = 0
    codes: int = 0

    def reasons(self) -> list[str]:
        counts = (
            ("name-shaped", self.names if self.names > NAME_LIMIT else 0),
            ("name-pair", self.name_pairs),
            ("cued-name", self.cued_names),
            ("facility", self.facilities),
            ("place", self.places),
            ("date", self.dates),
            ("age", self.ages),
            ("digit-run", self.digits),
            ("code", self.codes),
        )
        return [f"residual-risk:{code}:{n}" for code, n in counts if n]


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def _name_shaped(text: str, start: int, word: str) -> bool:
    """Capitalised mid-sentence, and a census name that is no English word at all ("Mask"
    and "Comfort" are census surnames too) or a word in no lexicon; not clinical shorthand,
    a misspelling or a brand drug ("Vanco", "Digixin"), not a place or people a dictionary
    capitalises ("Vienna", "Nigerian"), not a long compound ("Verwaltungsgerichtshof")."""
    if not MIN_NAME_LENGTH <= len(word) <= MAX_NAME_LENGTH:
        return False
    if _SENTENCE_START.search(text, max(0, start - 3), start):
        return False
    w = plain(word)
    if public_place(w):
        return False
    k = uncued_kind(word)
    return k is Kind.UNKNOWN or (k is Kind.NAME and not in_dictionary(w))


def _glosses(clear: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _GLOSS.finditer(clear)]


def _count_names(clear: str) -> int:
    """Distinct name-shaped words, except in a gloss or before an authority's noun."""
    if _mostly_upper(clear):
        return 0  # capitals say nothing in an all-caps text; dates and digits still count
    glosses = _glosses(clear)
    words = {
        m.group()
        for m in _TITLE_WORD.finditer(clear)
        if _name_shaped(clear, m.start(), m.group())
        and not any(a <= m.start() < b for a, b in glosses)
        and not _AUTHORITY_AFTER.match(clear, m.end())
    }
    return len(words)


_CUES: tuple[Callable[[str], int], ...] = (
    titled_names,
    titled_initials,
    family_names,
    kin_names,
    kin_given_names,
    kin_subjects,
    signed_names,
    party_names,
    framed_names,
    party_initials,
    subject_names,
)


def _cued_names(clear: str) -> int:
    return sum(cue(clear) for cue in _CUES)


def scan(rendition: str) -> Residual:
    """What is left in clear that looks like an identifier (tokens blanked out first)."""
    clear = TOKEN.sub(lambda m: " " * len(m.group()), rendition)
    return Residual(
        names=_count_names(clear),
        dates=count_dates(clear)
        + count_split_days(rendition)
        + days_after_on(clear)
        + reported_days(rendition)
        + small_days(clear),
        digits=count_numbers(clear),
        name_pairs=name_pairs(clear),
        facilities=facilities(clear),
        cued_names=_cued_names(clear)
        + name_tails(rendition)
        + given_before_tokens(rendition)
        + token_neighbours(rendition),
        places=wards(clear) + towns(clear) + places(clear) + place_acronyms(clear),
        ages=ages(clear),
        codes=labelled_codes(clear),
    )


def residual_risk(rendition: str) -> list[str]:
    """Quarantine reasons (codes and counts only); [] when nothing identifying is left."""
    return scan(rendition).reasons()
