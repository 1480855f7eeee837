"""Names and numbers announced by legal cues: honorifics ("Mr K.J.", "Smt. Kamala Devi",
"Hon'ble Mr. Justice R.Subramanian"), a judge's ", J.", "Coram:", counsel lines ("Shri X,
Advocate"), witness tags ("PW-2 Name"), and application numbers ("applications nos. 123/97,
124/97 and 201/98"). Names may carry glued initials and wrap onto the next line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, kind

# Personal titles (any one may be followed by a name); chains like "Prof. Dr", "Hon'ble Mr.
# Justice" are matched title by title.
_TITLE = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Shri|Sri|Shrimati|Smt|Kumari|Km|Sh|Hon'?ble|Hon"
    r"|Justice|Judge|Advocate|Adv|Mme|Mlle|Herr|Frau|Sig|Sig\.ra|Dott|Mag|Ing"
)
_TITLES = rf"(?:{_TITLE}|{_TITLE.upper()})"
_TITLE_RX = re.compile(rf"(?<![\w']){_TITLES}\b\.?[ \t]+")
# Titles that tell a person's sex go into the name's span (a quasi-identifier, and court
# anonymisation masks them); professional ones ("Dr", "Prof") stay readable. Clinical notes
# record the patient's sex anyway (pronouns, "67 yo M"), so there the title stays readable.
_GENDERED = r"Mr|Mrs|Ms|Miss|Mx|Shri|Sri|Shrimati|Smt|Kumari|Km|Sh|Mme|Mlle|Herr|Frau|Sig|Sig\.ra"
_PERSONAL = re.compile(rf"(?<![\w'])(?:{_GENDERED})\.?[ \t]*$")  # "MS." is multiple sclerosis
# One piece of a name: initials ("K.J.", "A.-M.", "P.Ö."), glued ("S.Velanthiran") or a word.
_PIECE = re.compile(
    r"(?:[^\W\d_]\.-?)+(?:[^\W\d_]{2,}(?:['\u2019-][^\W\d_]+)*)?"
    r"|[^\W\d_]{2,}(?:['\u2019-][^\W\d_]+)*"
)
_SEP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*(?=\S)")
# Capitalised words that follow a title but are offices, not names.
_OFFICE_WORDS = (
    "president chairman chairperson chair speaker registrar agent deputy vice the a an"
    " justice judge honourable honorable hon'ble learned counsel advocate"
)
_OFFICES = frozenset(_OFFICE_WORDS.split())
MAX_PIECES = 4
# a wrapped line that starts with a street word is an address block, not the name's tail
_STREETISH = re.compile(
    r"(?i:stra(?:ß|ss)e|str\.|gasse|weg|platz|allee|gracht|straat|laan|vej|gade|gatan|gata|vägen|veien|stræti|straeti|utca|ulica)$"
)
_SENTENCE_END = re.compile(r"[^\W\d_][a-z\u00df-\u00ff]\.$")


def _name_piece(word: str, caps: bool, first: bool, newline: bool) -> bool:
    """Does ``word`` (after a title) continue the name?"""
    if not word[:1].isupper() or word.lower() in _OFFICES:
        return False
    if _TITLE_RX.fullmatch(word + " "):
        return False
    if word.isupper() and len(word) > 3 and not caps and not first:
        return False  # an acronym after a mixed-case name
    k = kind(word)
    if newline:  # a name wrapped onto the next line: its word must look like a name
        return k in (Kind.NAME, Kind.UNKNOWN) and not _STREETISH.search(word)
    return k is not Kind.WORD or "." in word


def name_after(text: str, pos: int) -> int | None:
    """End of the capitalised name starting at ``pos`` (after a title or role), or None."""
    end, cursor, count, caps = pos, pos, 0, True
    newline = False
    while count < MAX_PIECES:
        m = _PIECE.match(text, cursor)
        if m is None or not _name_piece(m.group(), caps, count == 0, newline):
            break
        caps = caps and m.group().isupper()
        end, count = m.end(), count + 1
        if _SENTENCE_END.search(m.group()):  # "Brennan." ends a sentence; "K.J.", "E." do not
            end -= 1
            break
        sep = _SEP.match(text, m.end())
        if sep is None or ("\n" in sep.group() and count > 2):
            break
        newline, cursor = "\n" in sep.group(), sep.end()
    return end if count else None


_CHAIN = re.compile(rf"(?<![\w'])(?:{_TITLES}\b\.?[ \t]+)+")
_JUDICIAL = re.compile(r"(?i:justice|judge)\b")


def find_titled_names(text: str) -> Iterator[Finding]:
    """A personal title and the name after it, title included ("Mr K. Brennan", "Mr K.J."); a
    judge's whole title chain and name ("Hon'ble Mr. Justice R.Subramanian") is a JUDGE, which
    the legal policy leaves readable."""
    gendered = not clinical_register(text)
    for m in _CHAIN.finditer(text):
        end = name_after(text, m.end())
        if end is None or end - m.end() < 2:
            continue
        if _JUDICIAL.search(m.group()):
            yield Finding(m.start(), end, "JUDGE", 0.9, "context:judge")
        else:
            last = list(_TITLE_RX.finditer(m.group()))[-1].group()
            start = m.end() - len(last) if gendered and _PERSONAL.match(last) else m.end()
            yield Finding(start, end, "PERSON", 0.8, "context:title")


def include_titles(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """PERSON spans grow over the gendered title right before them ("Mr [Tomasz Wierzbicki]"),
    except in clinical notes."""
    if clinical_register(text):
        return list(findings)
    out = []
    for f in findings:
        if f.label == "PERSON":
            m = _PERSONAL.search(text, max(0, f.start - 12), f.start)
            if m is not None and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                f = Finding(m.start(), f.end, f.label, f.score, f.source)
        out.append(f)
    return out


# "Coram: A, B and C", "Counsel for the appellant: X", "Before: X", "PW-2 X", "X (PW-2)"
_ROLE = re.compile(
    r"(?:(?P<bench>\b(?i:coram[ \t]*:?|(?:before|present|bench)[ \t]*:))[ \t]*(?:\n[ \t]*)?"
    r"|\b(?i:counsel\s+for\s+(?:the\s+)?[a-z]+(?:\s+no\.?\s*\d+)?"
    r"|(?:learned\s+)?(?:senior\s+)?(?:advocate|counsel)\s+for\s+(?:the\s+)?[a-z]+"
    r"|appearing\s+for\s+(?:the\s+)?[a-z]+)[ \t]*[:,-]?[ \t]*(?:\n[ \t]*)?"
    r"|\b(?:PW|DW|CW|RW)[ \t]*[-.]?[ \t]*\d+[ \t]*[:,-]?[ \t]*)"
    r"(?:(?:Hon'?ble|Mr|Mrs|Ms|Dr|Shri|Sri|Smt|Justice)\.?[ \t]+)*"
)
_JUDGE = re.compile(r"(?P<n>(?:[^\W\d_]\.[ \t]?)*[^\W\d_][\w'\u2019-]+),[ \t]*J\.(?!\w)")
_AND = re.compile(
    r"[ \t]*(?:,|and|&)[ \t]*(?:(?:Hon'?ble|Mr|Mrs|Ms|Dr|Shri|Smt|Justice)\.?[ \t]+)*"
)


def find_role_names(text: str) -> Iterator[Finding]:
    """Names after a bench, counsel or witness cue (lists of names too), and judges' ", J."."""
    for m in _ROLE.finditer(text):
        cursor = m.end()
        while (end := name_after(text, cursor)) is not None and end - cursor >= 2:
            if m.group("bench"):
                yield Finding(cursor, end, "JUDGE", 0.9, "context:judge")
            else:
                yield Finding(cursor, end, "PERSON", 0.8, "context:role")
            joiner = _AND.match(text, end)
            if joiner is None or joiner.end() == end:
                break
            cursor = joiner.end()
    for m in _JUDGE.finditer(text):
        if m.group("n")[:1].isupper():
            yield Finding(m.start("n"), m.end("n"), "JUDGE", 0.9, "context:judge")


_CODE = r"(?=[\w/.:-]*\d)[A-Z0-9][\w/.:-]*[A-Z0-9]|\d"
_NUMBERED = re.compile(
    r"\b(?i:applications?|complaints?|petitions?|appeals?|plots?|parcels?|files?|registers?"
    r"|registrations?|title\s+deeds?|certificates?)[ \t]*\(?[ \t]*(?i:nos?|numbers?)\.?"
    r"[ \t]*:?[ \t]*"
    rf"(?P<v>(?:{_CODE})(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*)(?:{_CODE}))*)"
)
_ONE_CODE = re.compile(_CODE)


def find_numbered_codes(text: str) -> Iterator[Finding]:
    """Every code in a list announced as application, complaint, plot or file numbers."""
    for m in _NUMBERED.finditer(text):
        for c in _ONE_CODE.finditer(text, m.start("v"), m.end("v")):
            yield Finding(c.start(), c.end(), "ACCOUNT", 0.85, "legal:number")


_RANGE = re.compile(r"[ \t]*(?:-|\u2013|\u2014|and|to|until|till|through)[ \t]*")


def join_date_ranges(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Two dates joined by "and", "to" or a dash are one span: the joiner hides nothing, but
    a readable "and" between redacted dates is left out of every token count."""
    out: list[Finding] = []
    for f in sorted(findings):
        prev = out[-1] if out else None
        if prev is not None and prev.label == f.label == "DATE" and prev.end <= f.start:
            gap = _RANGE.fullmatch(text, prev.end, f.start)
            if gap is not None:
                out[-1] = Finding(prev.start, f.end, "DATE", max(prev.score, f.score), prev.source)
                continue
        out.append(f)
    return out


def find_legal_cues(text: str) -> Iterator[Finding]:
    """Every legal-cue recognizer (one entry in the pattern table)."""
    yield from find_titled_names(text)
    yield from find_role_names(text)
    yield from find_numbered_codes(text)
