"""Words that NER mistakes for entities in legal and medical text (roles, document words, titles,
US states: Safe Harbor allows states), and trimming of NER spans that run into them."""

from __future__ import annotations

import re
from collections.abc import Collection

from models.finding import Finding
from redaction.wordclass import Kind, kind

_ROLE_WORDS = (
    "plaintiff plaintiffs defendant defendants petitioner respondent appellant appellee claimant"
    " claimants employee employees employer company corporation counsel general attorney attorneys"
    " partner partners associate client clients patient patients physician doctor nurse provider"
    " member subscriber insured beneficiary medicare medicaid claim claims department dept court"
    " judge jury witness deponent exhibit agreement release settlement section article discharge"
    " admission summary date dates history hospital course medications diagnosis diagnoses note"
    " notes report results result test follow-up follow up signed electronically privileged"
    " confidential re subject dear sincerely regards mr ms mrs mx dr md rn pa-c np phd esq"
    " q a mr./ms the of and for to in on at by with a an laboratory services lab clinic"
    " emergency contact policy group plan account acct id no number iban ip ssn dob mrn npi dea"
)
# Only trimmed from place entities: several are also given names (Virginia, Georgia, ...).
_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia"
    " hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts"
    " michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon"
    " pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"
    " new hampshire jersey mexico york north south carolina dakota rhode island west"
    " united states america usa u.s. us england scotland wales britain uk canada india"
)
NOT_ENTITY = frozenset(_ROLE_WORDS.split())
STATES = frozenset(_STATES.split())
_WORD = re.compile(r"[^\s,;:()\"]+")


def _acronym(word: str) -> bool:
    """An all-caps word trailing a mixed-case name that is no name: "DEA" in "Asuka Ikeda DEA",
    not "PEMBERTON" in "Rosalind PEMBERTON" (a census surname) nor an initial."""
    if not word.isupper() or len(word.strip(".")) <= 2:
        return False
    return kind(word) is not Kind.NAME


def _plain(word: str) -> str:
    return word.strip(".'\u2019").lower()


def trim_entity(text: str, f: Finding, skip: Collection[str] = NOT_ENTITY) -> Finding | None:
    """Strip ``skip`` words (and, for places, US states) from both ends of an NER span, and
    all-caps words trailing a mixed-case name ("Asuka Ikeda DEA"); None when nothing is left."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, f.start, f.end)]
    drop = set(skip) | (STATES if f.label == "ADDRESS" else set())
    # a leading state goes only before a comma ("Delaware, ..."): in "Delaware Rehab" it is
    # part of the facility's name, and trimming it left a plain word that was then dropped
    while words and (
        _plain(text[words[0][0] : words[0][1]]) in skip
        or (
            _plain(text[words[0][0] : words[0][1]]) in drop
            and text[words[0][1] : words[0][1] + 1] == ","
        )
    ):
        words.pop(0)
    while words and _plain(text[words[-1][0] : words[-1][1]]) in drop:
        words.pop()
    if not text[f.start : f.end].isupper():
        while len(words) > 1 and _acronym(text[words[-1][0] : words[-1][1]]):
            words.pop()
    if not words:
        return None
    return Finding(words[0][0], words[-1][1], f.label, f.score, f.source)
