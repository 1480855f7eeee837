"""Residual-risk numbers told by context rather than length: an age over 89 (a Safe Harbor
identifier: ``92 y/o``, ``101 yo``, a note opening ``98 s/p hip fx``), a record, policy or
member code with letters and digits after its label (``policy #qx17``, ``MRN: AB1234``),
a pager number however short (``pager 4417``),
a year-less day written month-dash-day after "on" and before the clause goes on
(``back to OR on 7-8 for coiling``; ``on 2-4L`` and ``on 4-5 mcg`` are doses), and a day of
the month told in reply, beside a redacted date (``asked the date, states 24 (it is
[DATE_1])``: an orientation check answered with the day).
Shape and a few context words only, no detector; used by ``redaction.residual`` on the clear
text of a finished rendition (tokens blanked out).
"""

from __future__ import annotations

import re

_OLD = r"(?:9\d|1[01]\d)"
_AGE = re.compile(
    rf"(?i)(?<![\w./-]){_OLD}[ \t]*(?:y/?o|yrs?[ \t]*old|years?[ \t-]*old|yo)\b"
    # a note or line that opens with the age: "98 s/p", "93 w/ hx", "95 y"
    rf"|(?:^|\n)[ \t]*{_OLD}[ \t]+(?:s/p|w/|y|yr)(?![\w])"
)
_LABELLED_CODE = re.compile(
    r"(?i)\b(?:policy|protocol|mrn|medical[ \t]record|record|chart|member|acct|account|id)"
    r"[ \t]*(?:#|no\.?|number|:)[ \t]*#?"
    # letters then digits ("qx17"), or a long number; not a count ("protocol #2") or a
    # measure ("record: 1200cc")
    r"(?P<code>[^\W\d_]{1,4}\d[^\W_]*|\d{5,})(?![\w-])"
)
# A pager or beeper number, short as it is ("pager 4417", "beeper #20931").
_PAGER = re.compile(
    r"(?i)\b(?:pager|beeper|pgr|beep)[ \t]*(?:#|no\.?|number|:)?[ \t]*#?(?P<code>\d{4,6})\b"
    r"(?![.%/-]?\d)"
)

_ON_DAY = re.compile(
    r"(?i)\bon[ \t]+(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:for|at|to|with|and)\b"
)


# A reported answer that is a bare day of the month ("states 24", "said it's the 3rd"); not a
# count, score or measure after it ("states 8/10", "said 2 pillows", "reports 5,000").
_REPORTED_DAY = re.compile(
    r"(?i)\b(?:states?|stated|said|says|thinks?|thought|believes?|reports?|reported|answers?"
    r"|answered|replie[sd]|guess(?:es|ed)?)[ \t]+"
    r"(?:(?:it(?:'s|[ \t]+is|[ \t]+was)|the|that)[ \t]+)*"
    r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![.,/:%-]?\d|[ \t]*(?:/|%|of\b|out\b|x\b))"
)
_DATE_TOKEN = re.compile(r"\[DATE_\d+\]")
# How far from the answer the redacted date may be.
REPORTED_WINDOW = 80


def reported_days(rendition: str) -> int:
    """Days of the month told in reply within ``REPORTED_WINDOW`` characters of a redacted
    date; read on the rendition itself, tokens and all."""
    return sum(
        1
        for m in _REPORTED_DAY.finditer(rendition)
        if _DATE_TOKEN.search(
            rendition, max(0, m.start() - REPORTED_WINDOW), m.end() + REPORTED_WINDOW
        )
    )


def days_after_on(clear: str) -> int:
    """Year-less month-dash-day dates after "on", before a clause word."""
    return sum(1 for _ in _ON_DAY.finditer(clear))


def ages(clear: str) -> int:
    """Ages over 89 left in clear."""
    return sum(1 for _ in _AGE.finditer(clear))


def labelled_codes(clear: str) -> int:
    """Distinct record, policy or account codes and pager numbers after their label."""
    found = {m.group("code").casefold() for m in _LABELLED_CODE.finditer(clear)}
    return len(found | {m.group("code") for m in _PAGER.finditer(clear)})
