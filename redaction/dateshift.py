"""Per-patient date shifting: dates move by the same secret offset for one patient, so the
intervals a clinical reviewer needs (admission to discharge, dose to reaction) survive while
the real dates do not. The offset is a keyed HMAC of the patient's identity under the
matter key: the same patient shifts the same way in every document of the matter, and
without the key the offset cannot be recovered from a token."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, timedelta

from redaction.matching import normalise
from redaction.operators import TokenNamer

MAX_SHIFT_DAYS = 365
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<mon>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_FORMS = [
    re.compile(rf"^{_WEEKDAY}(?P<m>\d{{1,2}})[/.-](?P<d>\d{{1,2}})[/.-]{_YEAR}$"),
    re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),
    re.compile(rf"^{_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$"),
]
_PATIENT = re.compile(
    r"\b(?:patient(?:\s+name)?|pt|name)\s*:\s*(?P<name>[^\n,;]{3,60})", re.IGNORECASE
)


def parse_date(value: str) -> date | None:
    """A calendar date from the common written forms; None when it is not a full date."""
    text = normalise(value)
    for form in _FORMS:
        m = form.match(text)
        if m is None:
            continue
        fields = m.groupdict()
        month = int(fields["m"]) if fields.get("m") else _MONTHS.get(fields.get("mon") or "")
        day = int(fields.get("d") or fields.get("day") or 0)
        year = _full_year(fields["year"])
        try:
            return date(year, month or 0, day)
        except ValueError:
            return None
    return None


def _full_year(year: str) -> int:
    value = int(year)
    if len(year) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


def shift_days(key: bytes, patient: str) -> int:
    """A non-zero offset in [-365, 365] days, fixed per (matter key, patient). The name is
    upper-cased before it is case-folded: folding alone keeps a dotless i (U+0131) apart from
    the "I" it becomes in capitals, so a Turkish name and its capitals would shift apart."""
    who = normalise(patient.upper())
    digest = hmac.new(key, b"date-shift\x00" + who.encode(), hashlib.sha256)
    number = int.from_bytes(digest.digest()[:8], "big")
    days = number % MAX_SHIFT_DAYS + 1
    return days if number >> 63 else -days


def patient_of(text: str, fallback: str) -> str:
    """Whose dates these are: the name after "Patient:"/"Name:", else ``fallback`` (the doc)."""
    m = _PATIENT.search(text)
    return m.group("name").strip() if m else fallback


class DateShiftNamer:
    """Dates become ``[DATE_<shifted ISO date>]``; every other value goes to ``inner``."""

    def __init__(self, inner: TokenNamer, days: int) -> None:
        self._inner = inner
        self._delta = timedelta(days=days)

    def name(self, label: str, value: str) -> str:
        if label == "DATE":
            parsed = parse_date(value)
            if parsed is not None:
                return f"[DATE_{(parsed + self._delta).isoformat()}]"
        return self._inner.name(label, value)
