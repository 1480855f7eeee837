"""Full dates written in lower case ("may 16, 2015", "16 march 2014"). Month names count only
when capitalised elsewhere (``redaction/dates.py``: "may" is a verb); with a day and a
four-digit year around it a lower-case month is a date all the same."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_LOWER_DATE = re.compile(
    rf"(?<![\w-])(?:{_MONTH}[ \t]+{_DAY}(?:,[ \t]*|[ \t]+){_YEAR}"
    rf"|{_DAY}[ \t]+{_MONTH}(?:,[ \t]*|[ \t]+){_YEAR})(?![\w-])"
)


def find_lower_dates(text: str) -> Iterator[Finding]:
    """Day-month-year dates with a lower-case month name."""
    for m in _LOWER_DATE.finditer(text):
        yield Finding(m.start(), m.end(), "DATE", 0.9, "pattern:date")
