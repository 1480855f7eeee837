"""Name evidence for statistical (NER) findings: a span NER calls a person must hold at least
one token that can be a name (a census name, or a capitalised word in no lexicon); one made
only of plain words, clinical shorthand and acronyms is noise (all-caps notes: "ABD SOFT")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.finding import Finding
from redaction.lookalikes import (
    home_lookalike,
    number_lookalike,
    organization_lookalike,
    street_lookalike,
)
from redaction.wordclass import Kind, first_names, kind, plain, uncued_kind

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019.-])*")
_GUARDED = frozenset({"PERSON", "ORGANIZATION", "ADDRESS"})
# Street/ZIP patterns and announced addresses are evidence enough by their shape, and so is a
# legal form ending a company name (``redaction.companies``, never run on clinical notes).
_TRUSTED = (
    "pattern:address",
    "pattern:zip",
    "context:facility",
    "policy:",
    "lexicon:",
    "pattern:company",
)
_DIGIT = re.compile(r"\d")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
SHOUTING = 0.6
LONE_UNKNOWN = 5
# ("Vince J Kaminski/HOU/ECT" is an e-mail address book entry: slashes alone say nothing)
_STRUCTURE = re.compile(r"[:+]|\s[-&/]\s|\d")
_BLANK = re.compile(r"[ \t]+")
_NUMBER_WORD = re.compile(r"(?<!\S)\d")  # "Pearl 2-3 mm" (not "Stephens/OR2/AEPIN")
_BARE_LETTER = re.compile(r"(?<![\w.'\u2019/&-])[^\W\d_](?![\w.'\u2019/&-])")
_CAMEL = re.compile(r"[a-z][A-Z]|^[A-Z]{2}[a-z]")


def shouting(text: str) -> bool:
    """Mostly upper-case text: capitals say nothing about names there."""
    letters = sum(map(str.isalpha, text))  # map over str methods: C speed, no lists
    return letters > 0 and sum(map(str.isupper, text)) >= SHOUTING * letters


def name_evidence(token: str, caps: bool, cued: bool = False) -> bool:
    """Can this token be (part of) a person's name, given the text's case habits? ``cued``: a
    context cue (title, role) announced it, so short and upper-case tokens and initials count."""
    k = kind(token) if cued else uncued_kind(token)
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
    if k is Kind.UNKNOWN and _CAMEL.search(token):
        return False  # "CareVue", "KPhos", "PAline": product names and shorthand
    return not (k is Kind.UNKNOWN and loud and size <= 4)


def _census(token: str) -> bool:
    """A census name, or a double-barrelled one with a census part ("MURPHY-OSEI")."""
    parts = [p for p in token.split("-") if p]
    return kind(token) is Kind.NAME or (
        len(parts) > 1 and any(kind(p) in (Kind.NAME, Kind.WORDNAME) for p in parts)
    )


def _stray_letter(value: str) -> bool:
    """A bare letter that is no middle initial ("Old L CT", "R IJ quinton"; not "Debbie R
    Brackett")."""
    for m in _BARE_LETTER.finditer(value):
        before, after = value[: m.start()].split(), value[m.end() :].split()
        initial = before and after and before[-1].istitle() and after[0][:1].isupper()
        if not initial:
            return True
    return False


def _lone_name(token: str) -> bool:
    """A single word NER alone calls a name: a census name, a long unknown capitalised word, or
    a double-barrelled name ("Chandler-Wilson")."""
    parts = token.split("-")
    titled = all(p[:1].isupper() and p[1:].islower() for p in parts)
    if titled and len(parts) > 1:
        return True
    k = uncued_kind(token)
    if k is Kind.WORDNAME:  # "Kevin", "Mike": a given name NER found, not "Swan", "Lung"
        return titled and plain(token) in first_names()
    return k is Kind.NAME or (k is Kind.UNKNOWN and titled and len(token) >= LONE_UNKNOWN)


def plausible(text: str, f: Finding, caps: bool) -> bool:
    """Keep a name/place finding only when some token in it is name-like (persons always; places
    and organisations where capitals carry no signal)."""
    value = text[f.start : f.end]
    if _lookalike(text, f, value, caps):
        return False
    if f.label not in _GUARDED or f.source.startswith(_TRUSTED):
        return True
    statistical = f.source.startswith("ner:")
    if f.label == "ADDRESS" and not caps and not value.isupper() and not statistical:
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
    words = [t for t in tokens if not _INITIAL.match(t)]
    if caps and 2 * sum(_census(t) for t in evidence) <= len(words):
        return False  # all caps: NER alone needs mostly census names ("HICKMAN PLACED")
    if len(tokens) == 1 and not _lone_name(tokens[0]):
        return False  # one word NER alone calls a name: a census name or a long unknown word
    # acronyms in mixed-case text ("Doan/HOU/ECT") are neither evidence nor against it
    counted = [t for t in tokens if caps or not (t.isupper() and len(t) <= 4)]
    if _NUMBER_WORD.search(value) or (
        f.label != "PERSON" and (_STRUCTURE.search(value) or _stray_letter(value))
    ):
        return False  # "MS/COMFORT: Pt A & O", "Endocrine - BS's": note headings, not names
    return 2 * len(evidence) >= len(counted) > 0


def _lookalike(text: str, f: Finding, value: str, caps: bool) -> bool:
    if f.source == "context:number":
        return number_lookalike(value)
    if f.source == "pattern:address":
        return street_lookalike(value, caps)
    if f.source == "pattern:organization":
        return organization_lookalike(value, caps)
    if f.source == "context:address":
        return home_lookalike(text[max(0, f.start - 16) : f.start], value)
    return False


def keep_plausible(text: str, findings: Iterable[Finding]) -> list[Finding]:
    caps = shouting(text)
    return [f for f in _joined(text, findings) if plausible(text, f, caps)]


def _joined(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """NER pieces of one name split by a blank ("Chula" + "Vista") are judged as one span."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda x: (x.start, x.end)):
        last = out[-1] if out else None
        if (
            last is not None
            and f.source == last.source
            and f.source.startswith("ner:")
            and _BLANK.fullmatch(text, last.end, f.start)
        ):
            out[-1] = Finding(last.start, f.end, f.label, f.score, f.source)
            continue
        out.append(f)
    return out
