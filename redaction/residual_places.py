"""Residual-risk places: a named region, place or facility left in clear, told by the words
around it rather than by the word itself (lower-case and ALL-CAPS notes give no capitals).

- a compass word before a geographic noun names a region (``the eastern shore``,
  ``WEST BAY``);
- a bare geographic noun after a preposition is a place's name (``surgeon from harbor``;
  ``at the harbor`` is any harbour);
- an acronym in no lexicon where a facility is announced (``seen by QRMC``, ``w/u by QRMC``,
  ``QRMC transplant``) or an employer is (``ceo of QRX``, ``retired from Quillco``), and a
  short unknown word where the patient stayed (``which she had at qgh.``);
- a house number before a name that is no plain word and a street type (``14 Quillan Rd``).

Lexicon and shape only, no detector; used by ``redaction.residual`` on the clear text of a
finished rendition (tokens blanked out, so a redacted name leaves only blanks behind a cue).
"""

from __future__ import annotations

import re

from redaction.wordclass import Kind, uncued_kind

# Generic nouns of US and UK place names (a town, a region, a hospital's site); not those a
# note uses as a verb or a clinical noun after "to"/"at"/"in" ("able to point", "prone to
# falls", "port", "GE junction", "to park").
_GEO = (
    r"(?:harbou?r|shores?|bay|valley|hills?|heights|springs|beach|island|ridge|creek|glen"
    r"|grove|meadows?|landing|hollow|bluffs?|lakes?|county|village|forest|woods|cove|brook"
    r"|mills|haven|plains|gardens)"
)
# ... and not a numbered bay or bed area ("in bay 3").
_NOT_NUMBERED = r"\b(?![ \t]*(?:#[ \t]*)?\d)"
_REGION = re.compile(
    r"(?i)(?<![\w-])(?:eastern|western|northern|southern|east|west|north|south)[ \t]+"
    rf"{_GEO}{_NOT_NUMBERED}"
)
# One space only: a blanked token between the two words is no bare noun.
_PREP_GEO = re.compile(
    rf"(?i)(?<![\w-])(?:at|from|to|in|near)[ \t]{_GEO}{_NOT_NUMBERED}(?![ \t]of\b)"
)
# A facility announced by what it did to the patient, or by its staff or service after it.
_SEEN_BY = re.compile(
    r"(?i)(?<![\w/-])(?:seen|w/u|eval(?:uated)?|followed|consulted|accepted|transferred"
    r"|admitted|worked[ \t]up|sent|referred|discharged|came)[ \t]+(?:by|to|at|from)[ \t]+"
    r"(?P<word>[^\W\d_]{3,5})\b"
)
_BEFORE_SERVICE = re.compile(
    r"(?<![\w/-])(?P<word>[A-Z]{3,5})[ \t]+(?i:nurse|transplant|hospital|hosp|clinic|rehab)\b"
)
# A house number, a name of four letters or more (shorthand is shorter: "3 wks") and a street
# type: "lives at 14 Quillan Rd".
_STREET = re.compile(
    r"(?i)(?<![\w.-])\d{1,5}[ \t]+(?P<word>[^\W\d_]{4,})[ \t]+(?:st|street|rd|road|ave|avenue"
    r"|blvd|boulevard|lane|ln|drive|ct|court|way|pl|place|terrace|circle|pike|hwy|highway)\b"
)
# Where the patient stayed, written as a short unknown word ("intubated twice, which she had
# at qgh.", "WAS AT QMC FOR 2 WKS"): a facility's initials.
_STAY = re.compile(
    r"(?i)(?<![\w-])(?:had|was|were|been|stayed|admitted|seen|treated|hospitalized|intubated)"
    r"[ \t]+(?:at|from)[ \t](?P<word>[^\W\d_]{2,5})\b"
    r"(?=[ \t]*[.,;)]|[ \t]+(?:for|in|on|x|and|where|last|since)\b)"
)
# Nursing times read the same way ("was at hs", "had at noc"), and lexicons may miss them.
_TIMES = frozenset(("hs", "qhs", "noc", "mn", "am", "pm", "hrs"))
_EMPLOYER = re.compile(
    r"(?i)(?<![\w-])(?:ceo|president|employee|vp|director|manager|owner|retired|works|worked"
    r"|working|employed|job)[ \t]+(?:of|at|for|by|from)[ \t]+(?P<word>[^\W\d_]{2,})\b"
)


def regions(clear: str) -> int:
    """Distinct compass-word regions ("eastern shore")."""
    return len({m.group().casefold() for m in _REGION.finditer(clear)})


def bare_places(clear: str) -> int:
    """Distinct geographic nouns used as a name after a preposition ("from harbor")."""
    return len({m.group().casefold() for m in _PREP_GEO.finditer(clear)})


def _unknown(word: str) -> bool:
    return uncued_kind(word) is Kind.UNKNOWN


def facility_acronyms(clear: str) -> int:
    """Distinct unknown words where a facility is announced ("seen by QRMC", "QRMC nurse")."""
    found = {m.group("word").casefold() for m in _SEEN_BY.finditer(clear)}
    found |= {m.group("word").casefold() for m in _BEFORE_SERVICE.finditer(clear)}
    return len({w for w in found if _unknown(w)})


def stays(clear: str) -> int:
    """Distinct unknown short words where the patient stayed ("had at qgh.")."""
    words = {m.group("word").casefold() for m in _STAY.finditer(clear)}
    return len({w for w in words - _TIMES if _unknown(w)})


def streets(clear: str) -> int:
    """Distinct street addresses whose name is no plain word ("14 Quillan Rd"; not "2 units
    st", "5 mg way")."""
    return len(
        {
            m.group().casefold()
            for m in _STREET.finditer(clear)
            if uncued_kind(m.group("word")) is not Kind.WORD
        }
    )


def employers(clear: str) -> int:
    """Distinct employers after a job or work cue: an unknown word or a census name."""
    return len(
        {
            m.group("word").casefold()
            for m in _EMPLOYER.finditer(clear)
            if uncued_kind(m.group("word")) in (Kind.UNKNOWN, Kind.NAME)
        }
    )


def places(clear: str) -> int:
    """All the place shapes above, counted together."""
    named = facility_acronyms(clear) + stays(clear) + employers(clear) + streets(clear)
    return regions(clear) + bare_places(clear) + named
