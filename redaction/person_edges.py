"""Person spans completed by name evidence around them (general, before propagation and after).

- ``person_votes``: a span NER calls an organisation or a place that a name cue (title, role,
  name lexicon, "Name, Plaintiff") calls a person is a person ("Patient: Ysolde Marrak"
  tagged ORG), so its parts spread like any person's.
- ``given_before``: a capitalised word in no lexicon (or a census given name) right before a
  one-word person span, on the same line, is that person's given name ("Teodric [Vanhal]").
- ``surname_after``: a census given name found alone, then a capitalised word in no lexicon or
  a census surname after a wider gap or a line wrap, is a full name ("Brenna  [Voskuil]",
  "Tomas\\n[Halvorsen]"); NER breaks names there.
- ``inverted_initials``: ``SURNAME, I.`` (surname, comma, the initial of a given name the
  document pairs with that surname) is one mention, and so is a generational suffix
  (", Jr.", " Sr", " III") after a person span ("Marrak, Y." after "Ysolde Marrak").

Pure functions over findings, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import VERY_COMMON, Kind, common_ranks, first_names, kind, plain

_VOTERS = ("context:", "lexicon:")
_RELABEL = frozenset({"ORGANIZATION", "ADDRESS"})
_PERSONISH = frozenset({"PERSON", *_RELABEL})
_TITLECASE = re.compile(r"(?<![\w.'\u2019-])[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*[ \t]$")
_ONE_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*")
_NAME_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*\.?")
_WRAP = re.compile(
    r"(?:[ \t]{1,2}|[ \t]*\r?\n[ \t>]*)(?P<w>[A-Z][a-z]+(?:['\u2019-][A-Z][a-z]+)*)\b"
)
_SUFFIX = re.compile(
    r",?[ \t]*(?:Jr|Sr|JR|SR)\.?(?![\w'\u2019-])|,?[ \t]+(?:II|III|IV)(?![\w'\u2019-])"
)
_CLOSED = re.compile(r"[ \t]*(?:[,;:)\]]|\r?\n|$)")
_INITIAL_AFTER = re.compile(r",[ \t]?(?P<i>[A-Z])\.(?![\w'\u2019-])")
MIN_GIVEN = 3
_LOOKBACK = 40


def person_votes(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """NER organisation/place spans that lie within a cued person span, or are made only of
    the name words of cued persons elsewhere in the document, become persons."""
    people = [f for f in findings if f.label == "PERSON" and f.source.startswith(_VOTERS)]
    if not people:
        return list(findings)
    words = {
        w.casefold()
        for p in people
        for w in _ONE_PART.findall(text[p.start : p.end])
        if kind(w) is not Kind.WORD
    }
    out = []
    for f in findings:
        if f.label in _RELABEL and f.source.startswith("ner:"):
            own = {w.casefold() for w in _ONE_PART.findall(text[f.start : f.end])}
            if _within(f, people) or (own and own <= words):
                f = Finding(f.start, f.end, "PERSON", f.score, f.source)
        out.append(f)
    return out


def _within(f: Finding, people: Sequence[Finding]) -> bool:
    return any(p.start <= f.start and f.end <= p.end for p in people)


def given_before(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Add ``Given Surname`` for a one-word person span preceded by a given-name-like word
    (not in clinical notes, where device and drug names take that place: "Passy Muir")."""
    if clinical_register(text):
        return list(findings)
    covered = [(f.start, f.end) for f in findings]
    out = list(findings)
    for f in findings:
        if f.label != "PERSON" or _ONE_PART.fullmatch(text, f.start, f.end) is None:
            continue
        m = _TITLECASE.search(text, max(0, f.start - _LOOKBACK), f.start)
        if m is None or any(s <= m.start() < e for s, e in covered):
            continue
        if _given_like(m.group().strip(), _CLOSED.match(text, f.end) is not None):
            out.append(Finding(m.start(), f.end, "PERSON", f.score, "context:given"))
    return out


def _given_like(word: str, closed: bool) -> bool:
    """A census name, a census given name that is also a word, or (when the name ends its
    clause: "Teodric Vanhal, Plaintiff", not "Passy Muir valve") a word in no lexicon."""
    if len(word) < MIN_GIVEN:
        return False
    k = kind(word)
    if k is Kind.WORDNAME:
        return plain(word) in first_names()
    return k is Kind.NAME or (k is Kind.UNKNOWN and closed)


def surname_after(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Add ``Given Surname`` for a lone census given name followed, across a wide gap or a
    line wrap, by a surname-like word."""
    out = list(findings)
    for f in findings:
        if f.label not in _PERSONISH or _ONE_PART.fullmatch(text, f.start, f.end) is None:
            continue
        given = text[f.start : f.end]
        if plain(given) not in first_names() or kind(given) is Kind.WORD:
            continue
        m = _WRAP.match(text, f.end)
        if m is not None and _surname_like(m.group("w")):
            out.append(Finding(f.start, m.end(), "PERSON", f.score, "context:surname"))
    return out


def _surname_like(word: str) -> bool:
    """A census name or a word in no lexicon; a name that is also a word only when rare as
    a word ("Levy", not "Park")."""
    k = kind(word)
    if k is Kind.WORDNAME:
        return common_ranks().get(plain(word), VERY_COMMON) >= VERY_COMMON
    return k in (Kind.NAME, Kind.UNKNOWN)


def finish_persons(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Person spans grown over ``, I.`` (``inverted_initials``) and a generational suffix."""
    out = []
    for f in inverted_initials(text, findings):
        m = _SUFFIX.match(text, f.end) if f.label == "PERSON" else None
        out.append(f if m is None else Finding(f.start, m.end(), f.label, f.score, f.source))
    return out


def inverted_initials(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Grow a one-word person span over ``, I.`` when I is a known given initial of it."""
    initials = _given_initials(text, findings)
    out = []
    for f in findings:
        m = _INITIAL_AFTER.match(text, f.end)
        if f.label == "PERSON" and m is not None:
            words = _NAME_WORDS.findall(text[f.start : f.end])
            if words and m.group("i") in initials.get(words[-1].casefold(), ()):
                f = Finding(f.start, m.end(), f.label, f.score, f.source)
        out.append(f)
    return out


def _given_initials(text: str, findings: Sequence[Finding]) -> dict[str, set[str]]:
    """Surname -> initials of the given names it follows in the document's person spans."""
    out: dict[str, set[str]] = {}
    for f in findings:
        if f.label != "PERSON":
            continue
        value = text[f.start : f.end]
        words = [w for w in _NAME_WORDS.findall(value) if not w.endswith(".")]
        if len(words) < 2:
            continue
        surname, given = (words[0], words[1]) if "," in value else (words[-1], words[0])
        out.setdefault(surname.casefold(), set()).add(given[0].upper())
    return out
