"""Terms of what happened to a party (rule ``durations``, legal): the length of a sentence, a
custody, a ban or a service ("sentenced to four years and two months' imprisonment", "police
custody lasted eleven days", "barred from holding office for seven years") narrows down who a
judgment is about as much as a date does, so it goes as a date.

Only a duration a cue ties to the party counts: a penalty or custody word after it, or a
sentencing verb, "sentence of", "period of", "for", "lasted" or "the following" before it.
Statutory time limits ("appeal within 90 days"), ages ("ten years old") and durations in
clinical notes ("on pressors for 3 days", told by ``register.clinical_register``) stay
readable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.register import clinical_register

SOURCE = "policy:durations"
_UNITS = r"(?:year|month|week|day|hour)s?"
_SMALL = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUMBER = rf"(?:\d{{1,3}}|(?:{_TENS})(?:-(?:{_SMALL}))?|{_SMALL}|a)"
_ONE = rf"{_NUMBER}(?:[ \t]+and[ \t]+a[ \t]+half)?[ \t-]+{_UNITS}(?:[ \t]+and[ \t]+a[ \t]+half)?"
# "four years and two months", "one year, two months and five days"
_TERM = rf"(?i:{_ONE}(?:(?:,[ \t]*|[ \t]+and[ \t]+){_ONE})*)"
_AFTER = re.compile(
    r"(?:['\u2019]s?|s['\u2019])?[ \t]+(?:of[ \t]+)?(?:suspended[ \t]+)?"
    r"(?i:imprisonment|prison|detention|custody|jail|gaol|incarceration|probation|sentence"
    r"|suspension|ban|disqualification|retention|hard[ \t]+labour|community[ \t]+service"
    r"|confinement|internment|contract)\b"
)
_BEFORE = re.compile(
    r"(?i:\bsentenced\b[^.;:\n]{0,40}?\bto|\breduced\b[^.;:\n]{0,20}?\bto"
    r"|\b(?:sentence|term|period|total|maximum|minimum)[ \t]+of|\blast(?:ed|ing|s)?(?:[ \t]+for)?"
    r"|\bfor|\b(?:the[ \t]+)?(?:following|further|next))"
    r"(?:[ \t]+(?:a|an|the|about|approximately|some|another|further|over|nearly|almost))*"
    r"[ \t]+\Z"
)
_POSSESSIVE = re.compile(r"['\u2019]s(?!\w)")
_CANDIDATE = re.compile(rf"(?<![\w-]){_TERM}(?![\w-])")
_LOOKBACK = 60


def find_durations(text: str) -> Iterator[Finding]:
    """Every cued duration outside clinical notes."""
    if clinical_register(text):
        return
    for m in _CANDIDATE.finditer(text):
        if m.group().lower().startswith("a ") and not _AFTER.match(text, m.end()):
            continue  # "for a day or two": only "a year's imprisonment" and the like
        before = text[max(0, m.start() - _LOOKBACK) : m.start()]
        if _AFTER.match(text, m.end()) or _BEFORE.search(before):
            owner = _POSSESSIVE.match(text, m.end())  # "one month's imprisonment"
            yield Finding(m.start(), owner.end() if owner else m.end(), "DATE", 0.7, SOURCE)
