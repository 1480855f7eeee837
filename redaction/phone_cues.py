"""Phone numbers in any national format, told by a cue rather than by their digits: grouped
("66 569 70 32", "(0xx) 1234-567", "9749 0982"), dotted ("03.93.92.16.85"), with an extension
("x6149"). A cue before the number ("Mobile:", "Desk", "call me on", "reach me at", "messages
to") or a line label after it ("... office", "...-Fax", "... mobile") makes a run of digit groups
a phone number; without a cue only the French dotted form (five pairs, a leading 0) is one.
Clinical numbers (doses, vitals, lab values, "1800-2000" shift hours) have no such cue and an
hour range is never taken."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.escaped_breaks import unescape_breaks

SOURCE = "context:phone"
MIN_DIGITS, MAX_DIGITS = 6, 15
_GROUP = r"\(?\d{1,12}\)?"  # groups of any length, or a whole number unbroken
_RUN = (
    rf"\+?{_GROUP}(?:(?:[ \t]?[-./][ \t]?|[ \t]|(?<=\))){_GROUP}){{0,6}}"
    r"(?:[ \t]*(?i:x|ext\.?|extn\.?|extension)[ \t]*\d{1,6})?"
)
_CUE_BEFORE = (
    r"(?i:ph)[ \t]*[:#.][ \t]*\r?\n?"  # "Ph: ..." ("PH 7.44" is a blood gas)
    r"|(?i:phone|telephone|tel|mobile|mob|cell(?:phone)?|fax|desk|office|direct|landline"
    r"|whatsapp|hotline|home|work)(?:[ \t]*(?i:no\.?|number|#))?[ \t]*[:.]?[ \t]*\r?\n?"
    r"|(?i:call|ring|text|phone|reach|contact)[ \t]+(?i:me|us|him|her|them)[ \t]+(?i:on|at)"
    r"|(?i:call|ring)[ \t]+(?i:on|at)?"
    r"|(?i:messages|texts)[ \t]+to|(?i:answering|reached)[ \t]+(?i:at|on)"
    r"|(?i:my|the)[ \t]+(?i:registered|mobile|cell|phone)(?:[ \t]+(?i:number|no\.?))?"
)
_BEFORE = re.compile(rf"(?<![\w-])(?:{_CUE_BEFORE})[ \t]*(?P<v>{_RUN})(?![\w/]|[.,]\d)")
_AFTER = re.compile(
    rf"(?<![\w+./-])(?P<v>{_RUN})[ \t]*-?[ \t]*"
    r"(?i:office|fax|mobile|cell|desk|home|work|direct)\b(?![ \t]+(?i:hours?|visits?|days?))"
)
_DOTTED = re.compile(r"(?<![\w.+-])0\d(?:\.\d\d){4}(?![\w.-]|[,]\d)")
_DECIMAL = re.compile(r"\d\.\d{1,2}(?!\d)")  # "pH 7.44-7.46", "4.5 - 6.0"
_HOURS = re.compile(r"(?:[01]\d|2[0-4])[0-5]\d[ \t]*[- ][ \t]*(?:[01]\d|2[0-4])[0-5]\d")


def _phone_ok(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return (
        MIN_DIGITS <= digits <= MAX_DIGITS
        and _HOURS.fullmatch(value.strip()) is None
        and _DECIMAL.match(value) is None
    )


def find_cued_phones(text: str) -> Iterator[Finding]:
    """Digit runs after a phone cue or before a phone line label; dotted French numbers."""
    view = unescape_breaks(text)
    for rx in (_BEFORE, _AFTER):
        for m in rx.finditer(view):
            value = m.group("v").rstrip(" \t-./")
            if _phone_ok(value):
                yield Finding(m.start("v"), m.start("v") + len(value), "PHONE", 0.8, SOURCE)
    for m in _DOTTED.finditer(view):
        yield Finding(m.start(), m.end(), "PHONE", 0.8, SOURCE)
