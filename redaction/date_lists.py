"""Dates said as lists and ranges are one date each, whole: "on 3 and 19 March 2007" (the
first day shares the month of the second), "between 4 February 2002 and 11 August 2003", "on
8 April, on 21 June and on 30 November 2015", "from 1971 to 1988", "in 2003, 2006 and 2009",
"the spring and summer of 1996", "the second half of 2008". Left readable, a leading day, a
season or a joiner says when something happened as plainly as the redacted part around it.

Bare years stay readable on their own (``find_dates``); two or more years joined as a list or
a range are a period of the person's life and go (outside clinical notes, whose shift times
"1800-2000" look the same). Pure functions over findings, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from models.finding import Finding
from redaction.register import clinical_register

SOURCE = "context:datelist"
_YEAR = r"(?:1[89]|20)\d\d"
_JOIN = (
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|to|until|till)[ \t]+)(?:on[ \t]+)?"
)
# A gap between two dates that makes them one list: ", ", " and ", ", on ", " and on "
_GAP = re.compile(rf"{_JOIN}|[ \t]*(?:-|\u2013|\u2014)[ \t]*")
# Leading days sharing the month of the date after them: "14 and ", "1, 2 and "
_DAYS = re.compile(
    r"(?<![\w./-])(?:\d{1,2}(?:st|nd|rd|th)?,[ \t]*)*\d{1,2}(?:st|nd|rd|th)?"
    r"[ \t]*(?:,[ \t]*)?(?:and|&|to|-|\u2013)[ \t]*\Z"
)
_DAY_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+")
_BETWEEN = re.compile(r"(?<![\w-])(?i:between)[ \t]+\Z")
_YEARS = re.compile(
    rf"(?<![\w/.$-]){_YEAR}(?:(?:[ \t]*(?:-|\u2013)[ \t]*|{_JOIN}){_YEAR})+(?![\w/-]|[.,]\d)"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PARTS = re.compile(
    rf"(?<![\w-])(?i:(?:{_SEASON}(?:[ \t]+(?:and|or|to)[ \t]+{_SEASON})?"
    r"|(?:first|second)[ \t]+half|beginning|end|middle)[ \t]+of)[ \t]+"
    rf"{_YEAR}(?![\w/-]|\.\d)"
)
_LOOKBACK = 40


def find_year_ranges(text: str) -> Iterator[Finding]:
    """Two or more years joined as a range or a list, and a season or half of a year (not in
    clinical notes, where "1800-2000" is a span of hours)."""
    if clinical_register(text):
        return
    for m in _YEARS.finditer(text):
        years = [int(y) for y in re.findall(_YEAR, m.group())]
        if years == sorted(years) and len(set(years)) == len(years):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
    for m in _PARTS.finditer(text):
        yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)


def join_date_lists(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Dates next to each other in a list or range become one span, grown over leading days
    and a leading "between"."""
    out: list[Finding] = []
    for f in sorted([*findings, *find_year_ranges(text)]):
        prev = out[-1] if out else None
        if _adjacent(text, prev, f) and prev is not None:
            out[-1] = Finding(prev.start, f.end, "DATE", max(prev.score, f.score), prev.source)
            continue
        out.append(_grown(text, f) if f.label == "DATE" else f)
    return [_between(text, f) if f.label == "DATE" else f for f in out]


def _adjacent(text: str, prev: Finding | None, f: Finding) -> bool:
    if prev is None or not prev.label == f.label == "DATE" or prev.end > f.start:
        return False
    return _GAP.fullmatch(text, prev.end, f.start) is not None


def _grown(text: str, f: Finding) -> Finding:
    """``f`` grown back over the days that share its month ("3 and [19 March 2007]")."""
    if _DAY_FIRST.match(text, f.start) is None:
        return f
    m = _DAYS.search(text, max(0, f.start - _LOOKBACK), f.start)
    if m is None or any(int(d) > 31 for d in re.findall(r"\d+", m.group())):
        return f
    return Finding(m.start(), f.end, f.label, f.score, f.source)


def _between(text: str, f: Finding) -> Finding:
    """A range announced by "between" keeps the word ("between 1971 and 1988")."""
    if not re.search(r"[ \t]and[ \t]", text[f.start : f.end]):
        return f
    m = _BETWEEN.search(text, max(0, f.start - 10), f.start)
    return f if m is None else Finding(m.start(), f.end, f.label, f.score, f.source)
