"""Detection rules a policy switches on beyond the shared detector (``rules = [...]`` in its
TOML). ``date_parts`` (medical, Safe Harbor): every date element smaller than a year goes,
so a month or a holiday named on its own ("admitted in March", "home for Thanksgiving") is a
date too. A weekday alone ("echo due on Thursday") dates nothing and stays. ``durations``
(legal): the term of a sentence, a custody or a ban (``redaction/durations.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from models.errors import ConfigError
from models.finding import Finding
from redaction.durations import find_durations

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_HOLIDAYS = (
    r"Christmas(?:\s+Eve|\s+Day)?|Easter|Thanksgiving|New\s+Year['\u2019]?s(?:\s+(?:Eve|Day))?"
    r"|Hanukkah|Passover|Ramadan|Diwali|Eid|Memorial\s+Day|Labou?r\s+Day|Independence\s+Day"
    r"|Halloween|Valentine['\u2019]?s\s+Day"
)
_LEAD = (
    r"(?i:in|on|since|during|until|till|by|from|early|mid|late|last|next|this|of|over|before|after)"
)
_DATE_PART = re.compile(
    rf"\b{_LEAD}[ \t]+(?P<v>(?:(?:mid|early|late)-?)?(?:{_MONTHS})\.?)(?![\w-])"
    rf"|\b(?P<h>{_HOLIDAYS})(?![\w-])"
)


def find_date_parts(text: str) -> Iterator[Finding]:
    """Months (after a preposition) and holidays: date elements smaller than a year."""
    for m in _DATE_PART.finditer(text):
        group = "v" if m.group("v") else "h"
        yield Finding(m.start(group), m.end(group), "DATE", 0.7, "policy:date_parts")


Rule = Callable[[str], Iterator[Finding]]
RULES: dict[str, Rule] = {"date_parts": find_date_parts, "durations": find_durations}


def check_rules(names: Collection[str], policy: str) -> frozenset[str]:
    """The rule names of a policy file; an unknown name is a configuration error."""
    unknown = set(names) - set(RULES)
    if unknown:
        raise ConfigError(policy, "policy names an unknown rule")
    return frozenset(names)


def rule_findings(names: Collection[str], text: str) -> list[Finding]:
    return [f for name in sorted(names) for f in RULES[name](text)]
