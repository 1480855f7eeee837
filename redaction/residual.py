"""Residual-risk scan: an independent second opinion on a finished rendition.

It shares nothing with the detector's method (no NER, no context rules, no propagation): it
looks at what the redaction left in clear, token by token, for shapes that identify people:
name-shaped words (capitalised, in the census name lists or in no dictionary at all), dates
with a day, long digit runs, and in any case a given name followed by a surname-like word or
a named facility (``redaction.residual_case``). Findings are counts and codes, never text: a
rendition with any of them goes to human redaction QC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redaction.operators import TOKEN
from redaction.residual_case import facilities, name_pairs
from redaction.wordclass import Kind, in_dictionary, kind, plain

# Capitalised words in a mixed-case text; sentence and line starts do not count.
_TITLE_WORD = re.compile(r"(?<![\w'\u2019.-])[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\-*#>)\]]|\d)[ \t\"'(]*$")
_DATE = re.compile(
    r"(?<![\w/.:])(?:(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2})(?![\w/%'-]|\.\d)"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\d:])"
    # day before month, as European and Indian texts write it: "12 March 1998", "3rd of Jan"
    r"|(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    # a year-less m/d whose day is past 10: fractions, pain scores and ventilator settings
    # ("1/2", "3/10", "12/5") have small second numbers; a day of the month need not
    r"|(?<![\w/.:-])(?:0?[1-9]|1[0-2])/(?:1[1-9]|2\d|3[01])(?![\w/%:]|\.\d|-\d)"
)
_ANY_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?![\w'\u2019-])")
# Seven or more digits in one run; a run inside a ratio, range or decimal chain ("ABG
# 7.37-49-247", "BP 116-145/50", "AC 30-50-400-5.0") is a lab or vitals sequence.
_DIGITS = re.compile(r"(?<![\w./-])\d(?:[ -]?\d){6,}(?!\w|[/-]\d|\.\d)")
# A numbered file or application code ("application no. 18403/91", "file no. 2291/2004"):
# a serial and a year, which identifies a party as surely as a long digit run.
_CODE = re.compile(r"(?i:\bnos?\.?|\bnumber|#)[ \t]*(?P<n>\d{3,7}/(?:\d{2}|\d{4}))(?![\w/])")
# A shift or time range of two 24-hour clock times ("1900-0700"), not an identifier.
_SHIFT = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d")
# Numbers that identify no person and stay readable on purpose: bank routing numbers,
# clinical codes, statutes, dockets.
_PUBLIC_NUMBER = re.compile(
    r"(?i:routing|aba|rtn|ndc|loinc|snomed|icd(?:-?\d+)?|cpt|hcpcs|docket|u\.?s\.?c\.?|c\.?f\.?r\.?"
    r"|§+|section|case\s+no\.?)[\s:#.(]*$"
)
MIN_NAME_LENGTH = 4
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

    def reasons(self) -> list[str]:
        out = []
        if self.names > NAME_LIMIT:
            out.append(f"residual-risk:name-shaped:{self.names}")
        if self.name_pairs:
            out.append(f"residual-risk:name-pair:{self.name_pairs}")
        if self.facilities:
            out.append(f"residual-risk:facility:{self.facilities}")
        if self.dates:
            out.append(f"residual-risk:date:{self.dates}")
        if self.digits:
            out.append(f"residual-risk:digit-run:{self.digits}")
        return out


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def _name_shaped(text: str, start: int, word: str) -> bool:
    """Capitalised mid-sentence, and a census name that is no English word at all ("Mask"
    and "Comfort" are census surnames too) or a word in no lexicon."""
    if len(word) < MIN_NAME_LENGTH or _SENTENCE_START.search(text, max(0, start - 3), start):
        return False
    k = kind(word)
    return k is Kind.UNKNOWN or (k is Kind.NAME and not in_dictionary(plain(word)))


def _count_names(clear: str) -> int:
    if _mostly_upper(clear):
        return 0  # capitals say nothing in an all-caps text; dates and digits still count
    words = {
        m.group() for m in _TITLE_WORD.finditer(clear) if _name_shaped(clear, m.start(), m.group())
    }
    return len(words)


def _count_numbers(clear: str) -> int:
    """Digit runs (not dates, counted as dates) and numbered codes, except public numbers."""
    starts = [
        m.start()
        for m in _DIGITS.finditer(clear)
        if not _DATE.fullmatch(m.group()) and not _SHIFT.fullmatch(m.group())
    ]
    starts += [m.start("n") for m in _CODE.finditer(clear)]
    return sum(1 for s in starts if not _PUBLIC_NUMBER.search(clear, max(0, s - 20), s))


def scan(rendition: str) -> Residual:
    """What is left in clear that looks like an identifier (tokens blanked out first)."""
    clear = TOKEN.sub(lambda m: " " * len(m.group()), rendition)
    return Residual(
        names=_count_names(clear),
        dates=sum(1 for _ in _DATE.finditer(clear)),
        digits=_count_numbers(clear),
        name_pairs=name_pairs(clear),
        facilities=facilities(clear),
    )


def residual_risk(rendition: str) -> list[str]:
    """Quarantine reasons (codes and counts only); [] when nothing identifying is left."""
    return scan(rendition).reasons()
