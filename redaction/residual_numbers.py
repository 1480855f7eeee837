"""Residual-risk shapes made of digits: dates with a day, long digit runs and numbered codes
left in clear, and the clinical and legal look-alikes that are none of them (lab and vitals
chains, value ranges, shift times, fractions and ventilator settings, year ranges, public
numbers, cited cases). Shape and a few context words only, no detector; used by
``redaction.residual`` on the clear text of a finished rendition (tokens blanked out).
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_M = r"(?:0?[1-9]|1[0-2])"
_D = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"(?<![\w/.:])(?:{_M}([/.-]){_D}\1(?:\d{{4}}|\d{{2}})"
    r"|\d{4}-\d{2}-\d{2})(?![\w/%'-]|\.\d)"
    rf"|\b{_MONTH}[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\d:])"
    # day before month, as European and Indian texts write it: "12 March 1998", "3rd of Jan"
    rf"|(?<![\w.,/-]){_D}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}[a-z]*\b"
    # a year-less m/d whose day is past 10: fractions, pain scores and ventilator settings
    # ("1/2", "3/10", "12/5") have small second numbers; a day of the month need not
    r"|(?<![\w/.:-])(?P<md>(?:0?[1-9]|1[0-2])/(?:1[1-9]|2\d|3[01])(?![\w/%:]|\.\d|-\d)"
    # ... or is written with a leading zero, alone or as a range of two ("10/03-10/04")
    rf"|{_M}/0[1-9](?:[/-]{_M}/{_D})?(?![\w/%:]|\.\d|-\d)"
    # ... or carries a two-digit year after a dot ("11/21.93")
    r"|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])\.\d\d(?![\d.]))"
)
# The first day of a pair whose second date was redacted: "on 14 and [DATE_3]", "3-[DATE_1]".
_SPLIT_DAY = re.compile(
    r"(?<![\w.,/:-])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
    r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|to|till|until)[ \t]+|[ \t]*[-\u2013][ \t]*)(?=\[DATE_)"
)
# A capitalised month left in clear after its redacted day ("on [DATE_2] May and [DATE_3]"):
# "May" is also a verb, and a redaction that trims it leaves the month beside the token.
_SPLIT_MONTH = re.compile(
    rf"\[DATE_\d+\][ \t]+(?:{_MONTH}|January|February|March|April|June|July|August"
    r"|September|October|November|December)\b(?<!May)"
    # "[DATE_1] may be moved" is the verb
    r"|\[DATE_\d+\][ \t]+May\b(?![ \t]+(?:be|have|not|need|also|only|still|well|never"
    r"|require|result|take|get|want|apply|go|come|do|help|cause|lead|include)\b)"
)
# Ventilator and CPAP settings read like m/d ("cpap 5/15", "PS 10/12", "15/5 ips").
_VENT_BEFORE = re.compile(
    r"(?i)\b(?:cpap|bipap|psv?|peep|ips|eps|ipap|epap|simv|imv|cmv|prvc|vent|ac|fio2)"
    r"[\s:=@]*(?:of\s+|at\s+)?$"
)
_VENT_AFTER = re.compile(r"(?i)\s*(?:ips|eps|ipap|epap|cpap|peep|psv?)\b")
VENT_WINDOW = 16
# Seven or more digits in one run; a run inside a ratio, range or decimal chain ("ABG
# 7.37-49-247", "BP 116-145/50", "AC 30-50-400-5.0") is a lab or vitals sequence.
_DIGITS = re.compile(r"(?<![\w./-])\d(?:[ -]?\d){6,}(?!\w|[/-]\d|\.\d)")
# A numbered file or application code ("application no. 18403/91", "file no. 2291/2004"):
# a serial and a year, which identifies a party as surely as a long digit run.
_CODE = re.compile(r"(?i:\bnos?\.?|\bnumber|#)[ \t]*(?P<n>\d{3,7}/(?:\d{2}|\d{4}))(?![\w/])")
# Two-part runs that are no identifier: a shift of two 24-hour clock times ("1900-0700",
# "2400-0400"), a value range or a clock time and a reading ("SVR 1131-734", "@ 2400-323"),
# a span of years ("1998-1999").
_NOT_AN_ID = re.compile(
    r"(?:[01]\d|2[0-4])[0-5]\d-(?:[01]\d|2[0-4])[0-5]\d|\d{4}-\d{3}|(?:19|20)\d\d-(?:19|20)\d\d"
)
# A value range with a round upper end no more than this many times the lower ("SVR 900-1300",
# "voiding 575-1000", "IS 750-1000"); a phone's local part rarely ends in 00 and climbs so little.
RANGE_RATIO = 2.5
_RANGE = re.compile(r"(?P<lo>\d{3})-(?P<hi>\d{4})")


def _value_range(run: str) -> bool:
    m = _RANGE.fullmatch(run)
    if m is None:
        return False
    lo, hi = int(m.group("lo")), int(m.group("hi"))
    return hi % 100 == 0 and lo < hi <= RANGE_RATIO * lo


# Numbers that identify no person and stay readable on purpose: bank routing numbers,
# clinical codes, statutes, dockets.
_PUBLIC_NUMBER = re.compile(
    r"(?i:routing|aba|rtn|ndc|loinc|snomed|icd(?:-?\d+)?|cpt|hcpcs|docket|u\.?s\.?c\.?|c\.?f\.?r\.?"
    r"|§+|section|case\s+no\.?)[\s:#.(]*$"
)
PUBLIC_WINDOW = 20
# A cited case ("Kovach v. Ruritania (dec.), no. 12345/01"): the number follows "v." in the
# same line; an application of the case itself is announced as such ("application no.").
_CITED = re.compile(r"\bv\.[ \t](?:(?!application)[^\n]){0,60}$", re.IGNORECASE)
CITED_WINDOW = 72


def _vent_setting(clear: str, start: int, end: int) -> bool:
    return bool(
        _VENT_BEFORE.search(clear, max(0, start - VENT_WINDOW), start)
        or _VENT_AFTER.match(clear, end)
    )


def count_dates(clear: str) -> int:
    """Dates with a day left in clear (a year-less m/d next to a ventilator setting is none)."""
    return sum(
        1
        for m in _DATE.finditer(clear)
        if m.group("md") is None or not _vent_setting(clear, m.start(), m.end())
    )


def count_split_days(rendition: str) -> int:
    """Days left in clear before a redacted date they share a month with ("on 14 and
    [DATE_3]"), and months left after a redacted day ("[DATE_2] May"); read on the
    rendition itself, tokens and all."""
    days = sum(1 for _ in _SPLIT_DAY.finditer(rendition))
    return days + sum(1 for _ in _SPLIT_MONTH.finditer(rendition))


def _public(clear: str, start: int) -> bool:
    return bool(
        _PUBLIC_NUMBER.search(clear, max(0, start - PUBLIC_WINDOW), start)
        or _CITED.search(clear, max(0, start - CITED_WINDOW), start)
    )


def count_numbers(clear: str) -> int:
    """Digit runs (not dates, counted as dates) and numbered codes, except public numbers."""
    starts = [
        m.start()
        for m in _DIGITS.finditer(clear)
        if not _DATE.fullmatch(m.group())
        and not _NOT_AN_ID.fullmatch(m.group())
        and not _value_range(m.group())
    ]
    starts += [m.start("n") for m in _CODE.finditer(clear)]
    return sum(1 for s in starts if not _public(clear, s))
