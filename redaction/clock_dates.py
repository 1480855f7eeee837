"""Year-less dates told by their place beside a time or a clause, in nursing shorthand:

- a month/day right after a clock time, ending its clause ("d/c'd drip at 0630 2/14",
  "ARRIVED TO CCU AT 2300 1/8."): a time then a day is a timeline entry, so here a pair that
  elsewhere reads as a fraction or a pressure setting ("1/8", "10/5") is a date, and so is a
  day the calendar lacks (a shifted surrogate: "2/30");
- a month-dash-day after "on" before the clause goes on ("back to OR on 7-8 for coiling");
  "on 2-4 L" and "on 4-5 mcg" are doses (no clause word follows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

SOURCE = "pattern:date"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_CLOCK = r"(?:[01]\d|2[0-3]):?[0-5]\d"
_TIMED = re.compile(
    rf"(?<![\w./:-]){_CLOCK}(?:[ \t]*(?i:hrs?|h))?[ \t]+(?:(?i:on)[ \t]+)?"
    rf"(?P<d>{_MONTH}/{_DAY})(?=[ \t]*(?:[.,;:)]|\n|$))"
)
_ON_DASH = re.compile(
    rf"(?<![\w-])(?i:on)[ \t]+(?P<d>{_MONTH}-{_DAY})[ \t]+(?=(?i:for|at|to|with|and|when)\b)"
)

# An event verb right before a pair dates it, even where ventilator talk or a fraction would
# read it as a setting ("TRACH (PLACED 9/9). AC 100%", "will extubate 12/10."), unless a
# setting or a unit follows ("placed on 12/5 psv", "started 1/2 NS").
_EVENT = re.compile(
    r"(?<![\w/])(?i:placed|inserted|started|extubated?|intubated|reintubated|admitted"
    r"|transferred|discharged|d/c'?d|dc'?d|removed|changed|drawn|sent|since|until|last"
    r"|done|trached|repeated)[ \t]+(?:(?i:on)[ \t]+)?"
    rf"(?P<d>{_MONTH}/{_DAY})(?![\w/%+-]|\.\d|[ \t]*(?i:psv|ps|cpap|bipap|peep|ns|nss|normal|saline"
    r"|x\b|of\b|mmhg|cm|strength|units?|tabs?|mg|ml|cc|l\b|lpm))"
)

# Two pairs listed together, one of them with a day past 12, which no fraction, score or setting
# has: both are dates ("s/p MI x2 (1/3, 5/27)", "cx sent 2/4 and 9/19").
_LISTED = re.compile(
    rf"(?<![\w./+-])(?P<a>{_MONTH}/{_DAY})(?:[ \t]*,[ \t]*|[ \t]+(?i:and|&)[ \t]+)"
    rf"(?P<b>{_MONTH}/{_DAY})(?![\w/%+-]|\.\d)"
)
LATE_DAY = 12


def _listed_dates(text: str) -> Iterator[Finding]:
    for m in _LISTED.finditer(text):
        days = [int(m.group(g).split("/")[1]) for g in ("a", "b")]
        if max(days) > LATE_DAY:
            for g in ("a", "b"):
                yield Finding(m.start(g), m.end(g), "DATE", 0.7, SOURCE)


def find_clock_dates(text: str) -> Iterator[Finding]:
    """DATE spans for a day after a clock time or an event verb, a dashed day after "on", a
    pair listed with a date."""
    for pattern in (_TIMED, _ON_DASH, _EVENT):
        for m in pattern.finditer(text):
            yield Finding(m.start("d"), m.end("d"), "DATE", 0.7, SOURCE)
    yield from _listed_dates(text)
