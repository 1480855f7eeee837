"""Date recognizers: numeric, ISO, written-out month forms and weekday forms, sanity-checked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.shortdates import setting_like
from redaction.validators import date_ok, expand_year

SOURCE = "pattern:date"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD_LIST = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# Full month names: a stop-word trim must not cut "May" out of an NER date ("on 9 May").
MONTH_NAMES = frozenset(m.lower() for m in _MONTH_WORD_LIST)
_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?i:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?i:day)?\.?,?\s+)?"
_ORD = r"(?i:st|nd|rd|th)?"
# Month names count only when capitalised or upper case ("May" vs "may"); case-sensitive
# patterns are also much faster to scan.
_M = rf"(?P<mon>{_MONTH_WORD}|{_MONTH_WORD.upper()})"

# A word may be glued to a full date ("on10/14/82", "TOXICITY-9/2/92"); a number may not.
_NUMERIC = re.compile(
    r"(?<![\d./])(?<!\d-)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/%-]|\.\d)"
)
_ISO = re.compile(r"(?<![\w./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)")
_MDY = re.compile(
    rf"(?<!\w){_WEEKDAY}{_M}\s+(?P<day>\d{{1,2}}){_ORD}(?:,?\s+(?P<year>\d{{4}}))?(?!\w)",
)
_DMY = re.compile(
    rf"(?<!\w){_WEEKDAY}(?P<day>\d{{1,2}}){_ORD}\s+(?i:of\s+)?{_M},?\s+(?P<year>\d{{4}})(?!\w)",
)
_MY = re.compile(rf"(?<!\w){_M},?\s+(?P<year>\d{{4}})(?!\w)")
# A month/day without a year ("seen on 2/19", "from 3/4 to 3/9") is a date only after a word
# that introduces one; bare "6/10" stays readable (pain scores, doses, fractions).
_MD_CONTEXT = re.compile(
    r"(?i:\b(?:on|by|since|from|until|till|thru|through|before|after|dated?|dos|admitted"
    r"|discharged|seen|visit(?:ed)?|effective|due|between|starting|ending|as\s+of)\s+)"
    r"(?P<md>(?<![\w./-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/-]|\.\d))"
)
# ... and the dates chained to it: "on 2/19 or 2/20", "from 3/4 to 3/9", "3/4, 3/5 and 3/6"
_MD_NEXT = re.compile(
    r"\s*(?:,|or|and|to|through|thru|-|\u2013)\s*"
    r"(?P<md>(?<![\w./-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/-]|\.\d))"
)


def _month_number(word: str) -> int | None:
    key = word.rstrip(".").lower()
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _numeric(text: str) -> Iterator[Finding]:
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), expand_year(m.group(4))
        if m.group(2) == "." and len(m.group(4)) != 4:
            continue
        if date_ok(year, a, b) or date_ok(year, b, a):
            yield Finding(m.start(), m.end(), "DATE", 0.95, SOURCE)
    yield from _month_days(text)
    for m in _ISO.finditer(text):
        if date_ok(int(m.group(1)), int(m.group(3)), int(m.group(4))):
            yield Finding(m.start(), m.end(), "DATE", 0.95, SOURCE)


def _month_days(text: str) -> Iterator[Finding]:
    for first in _MD_CONTEXT.finditer(text):
        m: re.Match[str] | None = first
        while m is not None and date_ok(None, int(m.group("m")), int(m.group("d"))):
            if setting_like(text, m.start("md"), m.end("md")):
                break
            yield Finding(m.start("md"), m.end("md"), "DATE", 0.8, SOURCE)
            m = _MD_NEXT.match(text, m.end("md"))


def _worded(text: str) -> Iterator[Finding]:
    for rx in (_MDY, _DMY, _MY):
        for m in rx.finditer(text):
            mon = m.group("mon")
            month = _month_number(mon)
            if month is None or not _capitalised(mon):
                continue
            day = int(m.group("day")) if "day" in m.groupdict() and m.group("day") else None
            year = int(m.group("year")) if m.group("year") else None
            if date_ok(year, month, day):
                yield Finding(m.start(), m.end(), "DATE", 0.9, SOURCE)


def find_dates(text: str) -> list[Finding]:
    """Every date-like span with a valid month/day (years alone are not dates here)."""
    return [*_numeric(text), *_worded(text)]
