"""Name evidence for statistical (NER) findings: a span NER calls a person must hold at least
one token that can be a name (a census name, or a capitalised word in no lexicon); one made
only of plain words, clinical shorthand and acronyms is noise (all-caps notes: "ABD SOFT")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.finding import Finding
from redaction.wordclass import Kind, kind, plain

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019.-])*")
_GUARDED = frozenset({"PERSON", "ORGANIZATION", "ADDRESS"})
# Street/ZIP patterns and announced addresses are evidence enough by their shape.
_TRUSTED = ("pattern:address", "pattern:zip", "context:facility", "policy:")
_DIGIT = re.compile(r"\d")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
SHOUTING = 0.6


def shouting(text: str) -> bool:
    """Mostly upper-case text: capitals say nothing about names there."""
    letters = sum(map(str.isalpha, text))  # map over str methods: C speed, no lists
    return letters > 0 and sum(map(str.isupper, text)) >= SHOUTING * letters


def name_evidence(token: str, caps: bool, cued: bool = False) -> bool:
    """Can this token be (part of) a person's name, given the text's case habits? ``cued``: a
    context cue (title, role) announced it, so short and upper-case tokens and initials count."""
    k = kind(token)
    if cued and not caps:
        return True
    if cued:
        return (
            k in (Kind.NAME, Kind.WORDNAME)
            or (k is Kind.UNKNOWN and len(plain(token)) >= 4)
            or _INITIAL.match(token) is not None
        )
    if k is Kind.WORD:
        return False
    loud = caps or token.isupper()
    size = len(plain(token))
    if token.isupper() and size <= 3:
        return False  # an acronym
    if k is Kind.WORDNAME:
        return not loud and token[:1].isupper()
    return not (k is Kind.UNKNOWN and loud and size <= 4)


def plausible(text: str, f: Finding, caps: bool) -> bool:
    """Keep a name/place finding only when some token in it is name-like (persons always; places
    and organisations where capitals carry no signal)."""
    if f.label not in _GUARDED or f.source.startswith(_TRUSTED):
        return True
    value = text[f.start : f.end]
    if f.label == "ADDRESS" and not caps and not value.isupper():
        return True
    tokens = _TOKEN.findall(value)
    if f.source == "context:address":  # "home ... ON MONDAY": a real one has a number or name
        return _DIGIT.search(value) is not None or any(name_evidence(t, caps) for t in tokens)
    if f.source == "pattern:organization":  # the suffix is evidence where capitals are
        return not caps or any(name_evidence(t, caps) for t in tokens[:-1])
    if not f.source.startswith("ner:"):
        cued = f.source.startswith("context:")
        return any(name_evidence(t, caps, cued) for t in tokens)
    evidence = [t for t in tokens if name_evidence(t, caps)]
    if caps and not any(kind(t) is Kind.NAME for t in evidence):
        return False  # all caps: NER alone needs a census name ("PEARL", not "AGGRESTAT")
    # acronyms in mixed-case text ("Doan/HOU/ECT") are neither evidence nor against it
    counted = [t for t in tokens if caps or not (t.isupper() and len(t) <= 4)]
    return 2 * len(evidence) >= len(counted) > 0


def keep_plausible(text: str, findings: Iterable[Finding]) -> list[Finding]:
    caps = shouting(text)
    return [f for f in findings if plausible(text, f, caps)]
