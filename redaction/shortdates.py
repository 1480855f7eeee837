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
_MD = re.compile(r"(?<![\w./+-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/%+-]|\.\d|\s?%)")
# Words before a slash pair that make it a score, grade or ratio, not a date.
_SCORE_BEFORE = re.compile(
    r"(?i:pain|score|scale|strength|str|motor|power|grip|grade|gcs|ratio|rate|x|sbp|bp|map"
    r"|peep|ps|cpap|bipap|ie|i:e|vt|tv|fio2|abg|vent|settings?|murmur|sats?|mmhg|hr|cvp"
    r"|pap|pa|wedge|co|ci|svr|of|out\s+of|dose|doses|tab|tabs|ns|nss|psv|simv|imv|ac|flow-?by"
    r"|ventilator|vent\s+settings|on\s+(?:psv|cpap|bipap|ps))[\s:=#-]*$"
)
_SCORE_AFTER = re.compile(
    r"^[\s-]*(?i:strength|str\b|power|motor|grip|pain|ns\b|nss\b|normal|saline|of\b|tabs?\b|strength"
    r"|bilat|grade|murmur|sem\b|holosystolic|systolic|diastolic|scale|mmhg|cm|mm\b|x\b|units?"
    r"|peep|fio2|psv|cpap|bipap|cp\b|(?:[a-z]+\s+){0,2}pain)"
)
_FRACTIONS = frozenset({(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8)})
_MONTH_YEAR = re.compile(r"(?<![\w./+-])(?P<m>\d{1,2})/(?P<y>\d{2})(?![\w/%+-]|\.\d)")


# Nearby words that make an x/10 a pain score.
_PAIN_NEAR = re.compile(r"(?i:\b(?:pain|cp|angina|chest|discomfort|pressure)\b)")


def _is_score(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text[end : end + 16]):
        return True
    near = text[max(0, start - 40) : end + 40]
    denominator = text[start:end].rsplit("/", 1)[1]
    return denominator == "10" and _PAIN_NEAR.search(near) is not None


def find_short_dates(text: str) -> Iterator[Finding]:
    """Bare month/day and month/two-digit-year dates outside score and ratio contexts."""
    if "/" not in text:
        return
    for m in _MD.finditer(text):
        month, day = int(m.group("m")), int(m.group("d"))
        plausible = date_ok(None, month, day) and (month, day) not in _FRACTIONS
        if plausible and not _is_score(text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
    for m in _MONTH_YEAR.finditer(text):
        month, year = int(m.group("m")), int(m.group("y"))
        if 1 <= month <= 12 and year > 31 and not _is_score(text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "DATE", 0.7, SOURCE)
