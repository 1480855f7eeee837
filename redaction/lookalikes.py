"""Clinical look-alikes of identifiers, checked on pattern findings before they spread: shift
and flow-sheet ranges ("1900-0700"), ventilator settings ("14X700X100"), problem numbers and
vital-sign runs read as street lines ("#3", "70-72 AV", "3 WAY FOLEY IN PLACE"), and "home"
as a word rather than an address cue ("TO GO HOME C HUSBAND")."""

from __future__ import annotations

import re

from redaction.wordclass import Kind, common_ranks, kind, shorthand

_RANGE = re.compile(r"^(?P<a>\d{2,4})-(?P<b>\d{2,4})$")
_SETTINGS = re.compile(r"^\d+(?:[xX]\d+){2,}$")
ROUND_FROM = 25
ROUND_TO = 100
RANGE_SPAN = 2
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_LEAD_NUMBER = re.compile(r"^[#\d]")
# Function words that do occur inside street names ("Avenue of the Americas", "Rue de la Paix").
_GLUE_WORDS = "of the de la le du del des von van der y no new"
_STREET_GLUE = frozenset(_GLUE_WORDS.split())
FUNCTION_RANK = 150
SUFFIX_ONLY = 4
_SENTENCE = re.compile(r"[A-Z]{2,}\.[ \t]+[A-Z]+[ \t]")
_RANGE_LEAD = re.compile(r"^\d+-\d+[ \t]")
_FLOOR = re.compile(r"^(?i:floor|fl)\.?[ \t]*\d+$")
# A number counting doses, times, beats or stools, not a house: "5000 UNITS SQ", "5 BEAT RUNS",
# "20 SEC RUN", "250 ML NS. CT", "3 SMALL SOFT STOOLS ON GREEN" (the word in lower or upper
# case: "12 Large Oak Road" is a street).
_MEASURE = re.compile(
    r"^[\d.,/-]+[ \t]*(?P<w>(?i:mg|mcg|g|kg|ml|cc|l|dl|meq|mmol|units?|iu|sec|secs|seconds?"
    r"|min|mins|minutes?|hrs?|hours?|days?|wks?|weeks?|beats?|episodes?|runs?|doses?|tabs?|puffs?|amps?"
    r"|bags?|liters?|litres?|large|small|moderate|mod|med|medium|times))\b"
)
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ"
    " NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR"
)
_STATE_CODE = frozenset(_STATE_CODES.split())
# Prepositions that join clauses, not street-name words ("1800 PER DR", "5 ETT INSERTED VIA").
_CLAUSE_WORDS = frozenset(["per", "via", "by", "at", "in", "to", "on", "for", "with", "from"])
# An organisation's own suffix is no evidence against it ("Rice LLC", "ASHGROVE HOSPITAL").
_ORG_SUFFIX_WORDS = (
    "and of the llc llp inc ltd corp co pc pllc gmbh ag plc sa hospital clinic group company"
    " corporation partners associates bank trust lab labs laboratories pharmacy health healthcare"
    " hospice"
)
_ORG_SUFFIXES = frozenset(_ORG_SUFFIX_WORDS.split())
_HOME_CUE = re.compile(r"(?i:\b(?:home|address|addr)\b)[ \t]*(?P<colon>:?)[ \t]*$")


def number_lookalike(value: str) -> bool:
    """A long-number finding that is a time or volume range or a ventilator setting."""
    if _SETTINGS.match(value):
        return True
    m = _RANGE.match(value)
    if m is None:
        return False
    a, b = m.group("a"), m.group("b")
    return not (len(a) == 3 and len(b) == 4) or _round_range(int(a), int(b))


def _round_range(a: int, b: int) -> bool:
    """An amount from and to ("325-600", "850-1400"): rising, in round figures (from a
    multiple of 25 to one of 100), within a factor of ``RANGE_SPAN``; "555-1234", "425-1000"
    stay local phone numbers (a round exchange and a round line number together are rare)."""
    return a % ROUND_FROM == 0 and b % ROUND_TO == 0 and a < b <= RANGE_SPAN * a


def _plain_or_clinical(word: str) -> bool:
    """A function word, or a medical word that is no common word."""
    w = word.lower()
    if w in _STREET_GLUE:
        return False
    if w in _CLAUSE_WORDS:
        return True
    rank = common_ranks().get(w)
    if rank is not None and rank < FUNCTION_RANK:
        return True  # "IN", "PER", "FOR": sentences, not street names
    return rank is None and kind(word) is Kind.WORD


def street_lookalike(value: str, caps: bool) -> bool:
    """A street/unit pattern that is a problem number, a measure, a vital-sign run or clinical
    words: no words at all, a unit or count after the number; in all-caps text a bare number
    before the suffix ("70 AV", "80-100 ST") or a function or medical word inside; elsewhere a
    lower-case one ("6L via")."""
    words = _WORDS.findall(value)
    if not words or value.startswith("#") or _FLOOR.match(value) or _measure(value):
        return True  # "#3", "#20fr": problem numbers and catheter sizes; "floor 3": a ward
    if len(words) == 1 and _LEAD_NUMBER.match(value) and len(words[0]) <= SUFFIX_ONLY:
        return True  # "70 AV", "9, Dr.": a number and a suffix alone name no street
    if _SENTENCE.search(value) or ((caps or value.isupper()) and _RANGE_LEAD.match(value)):
        return True  # "3-5 BEAT RUNS VT. DR.": a sentence break or a vital-sign range
    if caps or value.isupper():
        return any(_plain_or_clinical(w) for w in words if w not in _STATE_CODE)
    return any(_plain_or_clinical(w) for w in words if w.islower())


def _measure(value: str) -> bool:
    m = _MEASURE.match(value)
    return m is not None and (m.group("w").islower() or m.group("w").isupper())


def organization_lookalike(value: str, caps: bool) -> bool:
    """A suffix pattern over a sentence or a drug list: "SENT TO CATH LAB", "Flagyl, Vanco and
    Levoq", "VENT CHANGED TO INC" hold a medical word, or a function word where capitals say
    nothing ("May Phillips and Acevedo LLP" is a firm)."""
    words = [w for w in _WORDS.findall(value) if w.lower() not in _ORG_SUFFIXES]
    loud = caps or value.isupper()
    return any(_medical(w) or ((loud or w.islower()) and _function(w)) for w in words)


def _function(word: str) -> bool:
    w = word.lower()
    rank = common_ranks().get(w)
    return w in _CLAUSE_WORDS or (rank is not None and rank < FUNCTION_RANK)


def _medical(word: str) -> bool:
    """Clinical vocabulary, shorthand or a misspelt word that is no common word (the brand and
    eponym list is left out: "Lindqvist" may be a partner's name)."""
    w = word.lower()
    k = kind(word)
    return common_ranks().get(w) is None and (
        k is Kind.WORD or (k is Kind.UNKNOWN and shorthand(w))
    )


def home_lookalike(before: str, value: str) -> bool:
    """An address announced by "home"/"address" without a colon must start with a house
    number: "sent home c husband" is no address."""
    cue = _HOME_CUE.search(before)
    return cue is not None and not cue.group("colon") and not value[:1].isdigit()
