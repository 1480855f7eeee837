"""Residual-risk dates with a small day: a year-less month/day whose day is 10 or less reads
like a fraction, a score or a ventilator setting ("1/2", "5/5"), so ``residual_numbers`` leaves
it alone; after an event verb or a date preposition it is a date all the same ("TRACH (PLACED
9/9)", "extubated on 3/4", "since 6/2"). Not before a unit, a fluid or a setting ("started 1/2
NS", "placed on 10/5 psv"), and after a bare preposition not where ventilator talk comes just
before ("abg acceptable on 5/5": pressure support over PEEP).

Shape and a few context words only, no detector; used by ``redaction.residual`` on the clear
text of a finished rendition (tokens blanked out)."""

from __future__ import annotations

import re

_EVENT = (
    r"placed|inserted|started|extubated?|intubated|reintubated|admitted|transferred|tx'?d"
    r"|discharged|d/c'?d|dc'?d|removed|changed|sent|done|drawn|due|trached|returned|dated?"
)
_DAY = re.compile(
    rf"(?i)(?<![\w/])(?:(?P<e>{_EVENT})|on|since|until|till|last)[ \t]+(?:on[ \t]+)?"
    r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|10)"
    r"(?![\w/%+-]|\.\d|[ \t]*(?:psv|ps|cpap|bipap|peep|ns|nss|normal|saline|x\b|of\b|mmhg|cm"
    r"|strength|units?|tabs?|mg|ml|cc|l\b|lpm|mcg|meq|liters?|doses?|pressure|support|scale|score))"
)
_VENT_BEFORE = re.compile(
    r"(?i)\b(?:abg|cpap|bipap|psv?|peep|ips|ipap|epap|simv|imv|vent|ventilator|fio2|wean(?:ed|ing)?"
    r"|trach[ \t]+collar|pressure[ \t]+support|settings?)\b"
)
VENT_WINDOW = 60


def small_days(clear: str) -> int:
    """Year-less dates with a day of 10 or less after an event verb or a date preposition."""
    count = 0
    for m in _DAY.finditer(clear):
        vent = _VENT_BEFORE.search(clear, max(0, m.start() - VENT_WINDOW), m.start())
        if m.group("e") or vent is None:
            count += 1
    return count
