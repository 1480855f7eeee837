"""Year-less and short numeric dates in clinical shorthand: "extubated 7/17", "echo 8/87".

A bare ``m/d`` is a date unless its neighbourhood says it is a score, a strength grade, a
fraction or a ratio ("pain 5/10", "5/5 strength", "1/2 NS", "180/90" fails the month test).
``m/yy`` with a year part that cannot be a day (32-99) is a month and year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.validators import date_ok

SOURCE = "pattern:date"
# A hyphen may glue a date to a word ("TOXICITY-9/2", "6/14- IF", "3/16->"), never to a number
# ("120-130/80", "1/2-1").
# ... and "'s" makes it a range of values ("bp 110-130/60's"), not a date.
_MD = re.compile(
    r"(?<![\w./+])(?<!\d-)(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/%+]|-\d|\.\d|\s?%|['\u2019]s\b)"
)
# Two month/day dates run together, a course of days ("abx 09/12/09/15"): both padded to
# two digits, so a ventilator or blood-gas run ("12/5/50", "7.38/52/71") does not read so.
_MD_PAIR = re.compile(
    r"(?<![\w./+])(?<!\d-)(?P<m>\d\d)/(?P<d>\d\d)/(?P<m2>\d\d)/(?P<d2>\d\d)(?![\w/%+]|\.\d)"
)
# Words before a slash pair that make it a score, grade or ratio, not a date.
_SCORE_BEFORE = re.compile(
    r"(?i:\b(?:pain|score|scale|strength|str|motor|power|grip|grade|gcs|ratio|rate|x|sbp|bp|map"
    r"|peep|ps|cpap|bipap|ie|i:e|vt|tv|fio2|abg|vent|settings?|murmur|sats?|mmhg|hr|cvp"
    r"|pap|pa|wedge|co|ci|svr|of|out\s+of|dose|tab|tabs|ns|nss|psv|simv|imv|ac|flow-?by"
    r"|ventilator|vent\s+settings|on\s+(?:psv|cpap|bipap|ps)))[\s:=#-]*$"
)
_SCORE_AFTER = re.compile(
    r"^[\s-]*(?i:strength|str\b|power|motor|grip|pain|ns\b|nss\b|normal|saline|of\b|tabs?\b|strength"
    r"|bilat|grade|murmur|sem\b|holosystolic|systolic|diastolic|scale|mmhg|cm|mm\b|x\b|units?"
    r"|peep|fio2|psv|cpap|bipap|cp\b|(?:[a-z]+\s+){0,2}pain)"
)
_FRACTIONS = frozenset({(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8)})
_MONTH_YEAR = re.compile(
    r"(?<![\w./+])(?<!\d-)(?P<m>\d{1,2})/(?P<y>\d{2})(?![\w/%+]|-\d|\.\d|['\u2019]s\b)"
)


# Nearby words that make an x/10 a pain score.
_PAIN_NEAR = re.compile(r"(?i:\b(?:pain|cp|angina|chest|discomfort|pressure)\b)")


# Pressure support over PEEP ("10/5") stays within these (cm H2O).
MAX_SUPPORT = 25
MAX_PEEP = 10
# Ventilator talk near a pair makes it a pressure setting ("cpap 5/5", "psv increased to 10/5").
_VENT_NEAR = re.compile(
    r"(?i:\b(?:cpap|bipap|psv?|ips|peep|vent(?:ilation|ilator)?|mask|abg|fio2|simv|weaning|wean"
    r"|trach\s+collar|pressure\s+support)\b)"
)


def setting_like(text: str, start: int, end: int) -> bool:
    """A slash pair that ventilator talk around it makes a pressure setting, after a date cue
    too ("placed on 12/5 psv", "vent settings ... on 8/5")."""
    first, second = (int(n) for n in text[start:end].split("/")[:2])
    vent_pair = first <= MAX_SUPPORT and second <= MAX_PEEP
    near = _VENT_NEAR.search(text, max(0, start - 50), min(len(text), end + 20))
    return vent_pair and near is not None


def _is_score(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text[end : end + 16]):
        return True
    if setting_like(text, start, end):
        return True
    near = text[max(0, start - 40) : end + 40]
    denominator = text[start:end].rsplit("/", 1)[1]
    return denominator == "10" and _PAIN_NEAR.search(near) is not None


# "CVA 74'", "cabg '92": a two-digit year marked by an apostrophe.
_APOSTROPHE_YEAR = re.compile(
    r"(?<=[ \t(])(?:\d{2}['\u2019](?![\w'\u2019\"])|['\u2019]\d{2}(?![\w']))"
)
# ... unless it is an angle, a distance or minutes: "HOB 30'", "ambulated 30'", "x 30'".
_NOT_YEAR_BEFORE = re.compile(r"(?i:\b(?:hob|x|head|bed|elevated|ambulated?|walked|up)[ \t]*$)")
# "on the 11th", "it's the 3rd.": an ordinal day that ends its phrase.
_ORDINAL_DAY = re.compile(
    r"(?i:\bthe[ \t]+)(?P<d>(?:[12]?\d|3[01])(?:st|nd|rd|th))(?=[ \t]*(?:[.,;:)!?\"\n]|$)"
    r"|[ \t]+of\b)"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A month named alone after a time preposition ("admitted in sept."), or with its year.
_MONTH_ALONE = re.compile(
    rf"(?i:\b(?:in|since|early|late|mid|until|before|after)[ \t]+)(?P<v>(?i:{_MONTHS})\b\.?)"
    rf"|(?P<w>\b(?i:{_MONTHS}|may)[ \t]+(?i:of)[ \t]+\d{{4}})\b"
)


def find_worded_dates(text: str) -> Iterator[Finding]:
    """Apostrophe years, ordinal days and months named without a day."""
    for m in _APOSTROPHE_YEAR.finditer(text):
        if _NOT_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Finding(m.start(), m.end(), "DATE", 0.6, SOURCE)
    for m in _ORDINAL_DAY.finditer(text):
        yield Finding(m.start("d"), m.end("d"), "DATE", 0.6, SOURCE)
    for m in _MONTH_ALONE.finditer(text):
        group = "v" if m.group("v") else "w"
        value = m.group(group).rstrip(".")
        yield Finding(m.start(group), m.start(group) + len(value), "DATE", 0.6, SOURCE)


def find_short_dates(text: str) -> Iterator[Finding]:
    """Bare month/day and month/two-digit-year dates outside score and ratio contexts."""
    yield from find_worded_dates(text)
    if "/" not in text:
        return
    for m in _MD.finditer(text):
        month, day = int(m.group("m")), int(m.group("d"))
        plausible = date_ok(None, month, day) and (month, day) not in _FRACTIONS
        if plausible and not _is_score(text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
    yield from _date_pairs(text)
    for m in _MONTH_YEAR.finditer(text):
        month, year = int(m.group("m")), int(m.group("y"))
        if 1 <= month <= 12 and year > 31 and not _is_score(text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)


# A month/day date with a two-digit year after a full stop ("10/14.91"), heading a note.
_MD_DOT_YEAR = re.compile(
    r"(?<![\w./+-])(?P<m>\d{1,2})/(?P<d>\d{1,2})\.(?P<y>\d{2})(?![\w/%+]|\.\d)"
)


def _date_pairs(text: str) -> Iterator[Finding]:
    for m in _MD_PAIR.finditer(text):
        first = (int(m.group("m")), int(m.group("d")))
        second = (int(m.group("m2")), int(m.group("d2")))
        if date_ok(None, *first) and date_ok(None, *second) and first <= second:
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
    for m in _MD_DOT_YEAR.finditer(text):
        valid = date_ok(None, int(m.group("m")), int(m.group("d")))
        if valid and not _is_score(text, m.start(), m.start() + len(m.group()) - 3):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
