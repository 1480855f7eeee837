"""Residual-risk cues: a name or a place left in clear beside the words that announce one.

Shapes a note keeps around an identifier whatever the detector made of it: a personal title
followed by a name (``Dr. Quillan``, ``mrs okonkwo``), a surname before ``family``, a given
name beside a relative or proxy, a name signed before a credential (``q. lander rrt``), a
party's name before its defined term (``Quillan ("the applicant")``), a ward
written with its bed or floor number glued on (``BRENWICK7``), a town before its state
(``Talloway, MD``, ``brenwick maryland``). Lexicon and shape only, no detector; used by
``redaction.residual`` on the clear text of a finished rendition (tokens blanked out), so a
cue whose name was redacted sees only blanks after it and does not fire.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.clinical import DATA
from redaction.shorthand import proper_nouns
from redaction.wordclass import Kind, first_names, kind, person_names, plain, uncued_kind

# A title, then one or two spaces (a blanked token is longer), then the next word.
_TITLED = re.compile(
    r"(?<![\w.])(?P<title>[Dd][Rr]|[Mm][Rr][Ss]?|[Mm][Ss]|[Mm]iss|MISS|[Pp]rof)\b\.?"
    r"[ \t]{1,2}(?P<word>[^\W\d_][\w'\u2019-]*)"
)
_FAMILY = re.compile(
    r"(?<![\w'\u2019-])(?P<word>[^\W\d_]{3,})[ \t]+(?P<noun>famil(?:y|ies))\b", re.IGNORECASE
)
# A given name this close to a relative or proxy is that person ("son teodor", "his
# health care proxies, greta and ...", "family met with greta").
KIN_BEFORE, KIN_AFTER, GIVEN_MIN = 6, 3, 4
_KIN = re.compile(
    r"(?i)(?:sons?|daughters?|dtr|wife|husband|spouse|sisters?|brothers?|mother|father|family"
    r"|proxy|proxys|proxies|hcp|friends?|niece|nephew|grandson|granddaughter|visitors?)"
)
_ALPHA = re.compile(r"[^\W\d_]+")
# A signature: a name, perhaps after an initial, before a nursing or therapy credential at
# the end of a line or clause ("q. lander rrt", "Quillan RN.").
_SIGNED = re.compile(
    r"(?i)(?<![\w.])(?:(?P<initial>[a-z])\.[ \t]?)?(?P<word>[^\W\d_]{3,})[ \t,]+"
    r"(?:rrt|rn|bsn|np|lpn|cna|rcp|crt)(?=[ \t]*(?:$|\n|[,.;)]))",
    re.MULTILINE,
)
# A party's defined term after its name: 'Mehmet Quillan ("the applicant")'. The name is the
# clause before it, back to a comma, bracket or line start.
_PARTY = re.compile(
    r"(?P<clause>[^,;:()\n]{1,60})\([ \t]*[\"'\u201c\u2018]?the[ \t]+(?:applicant|claimant"
    r"|defendant|respondent|appellant|petitioner|plaintiff|complainant|accused)s?\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][^\W\d_]*[a-z][\w'\u2019-]*")
# Letters with a bed, floor or unit number glued on: a named ward ("BRENWICK7").
WARD_MIN = 6
_GLUED = re.compile(rf"(?<![\w-])(?P<word>[^\W\d_]{{{WARD_MIN},}})\d{{1,2}}(?!\w|\.\d)")
_STATE_NAMES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii"
    " Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts"
    " Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon"
    " Pennsylvania Tennessee Texas Utah Vermont Wisconsin Wyoming"
)
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH"
    " NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
# A town before a state: "Talloway, MD" (the code in capitals, after a comma) or
# "brenwick maryland" (a state's name in any case).
_TOWN_STATE = re.compile(
    r"(?<![\w'\u2019-])(?P<word>[^\W\d_]{4,})"
    rf"(?:,[ \t]*(?-i:{'|'.join(_STATE_CODES.split())})(?![\w.])"
    rf"|,?[ \t]+(?i:{'|'.join(_STATE_NAMES.split())})(?![\w-]))"
)


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """One-word country names, lower case ("Austria" is a census surname too)."""
    lines = (DATA / "countries.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(n.lower() for n in lines if n and not n.startswith("#") and " " not in n)


def public_place(w: str) -> bool:
    """A country, or a place or people a dictionary capitalises and no census lists as a name
    ("Vienna", "Nigerian"); ``w`` in lower case."""
    return w in _countries() or (w in proper_nouns() and w not in person_names())


def name_like(word: str) -> bool:
    """In no word list as a plain word, shorthand or drug: a census name or an unknown."""
    return uncued_kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _titled_name(word: str, title: str, mixed_case: bool) -> bool:
    """The word after a title is a name: name-like in any case; in mixed-case text also any
    capitalised word after a title written "Dr" or "Mrs" ("Dr. Keel": a plain word used as
    a name; "MS. OOB" is mental status)."""
    if name_like(word):
        return True
    titled = title[0].isupper() and title[1:].islower()
    return mixed_case and titled and word[0].isupper() and not word.isupper()


def titled_names(clear: str) -> int:
    """Distinct names left in clear right after a personal title."""
    mixed_case = not _mostly_upper(clear)
    return len(
        {
            plain(m.group("word"))
            for m in _TITLED.finditer(clear)
            if _titled_name(m.group("word"), m.group("title"), mixed_case)
        }
    )


def family_names(clear: str) -> int:
    """Distinct surname-like words before ``family`` ("the Quillan family")."""
    return len(
        {
            plain(m.group("word"))
            for m in _FAMILY.finditer(clear)
            if name_like(m.group("word")) and not _acronym(m.group("word"), m.group("noun"))
        }
    )


def _acronym(word: str, noun: str) -> bool:
    """An all-caps word before a noun that is not ("ETS family": a company's products)."""
    return word.isupper() and not noun.isupper()


def signed_names(clear: str) -> int:
    """Distinct names before a credential: name-like, or any word but a plain one after an
    initial ("q. lander rrt"; "night rn", "primary RN." are roles)."""
    return len(
        {
            plain(m.group("word"))
            for m in _SIGNED.finditer(clear)
            if name_like(w := m.group("word")) or (m.group("initial") and kind(w) is not Kind.WORD)
        }
    )


def party_names(clear: str) -> int:
    """Distinct capitalised name-like words just before a party's defined term."""
    return len(
        {
            plain(w.group())
            for m in _PARTY.finditer(clear)
            for w in _CAPITALISED.finditer(m.group("clause"))
            if name_like(w.group()) and not public_place(plain(w.group()))
        }
    )


def wards(clear: str) -> int:
    """Distinct unknown words with a number glued on ("BRENWICK7"; not "CABGx4", "NaHCO3")."""
    return len(
        {
            m.group("word").casefold()
            for m in _GLUED.finditer(clear)
            if uncued_kind(m.group("word")) is Kind.UNKNOWN
        }
    )


def towns(clear: str) -> int:
    """Distinct name-like words before a US state ("Talloway, MD", "brenwick maryland")."""
    return len(
        {
            m.group("word").casefold()
            for m in _TOWN_STATE.finditer(clear)
            if name_like(m.group("word"))
        }
    )


def _near_kin(clear: str, start: int, end: int) -> bool:
    before = _ALPHA.findall(clear, max(0, start - 10 * KIN_BEFORE), start)[-KIN_BEFORE:]
    after = _ALPHA.findall(clear, end, end + 10 * KIN_AFTER)[:KIN_AFTER]
    return any(_KIN.fullmatch(w) for w in before + after)


def kin_names(clear: str) -> int:
    """Distinct given names (census given names that are no word, shorthand or drug) within
    a few words of a relative or proxy, in any case."""
    return len(
        {
            w.casefold()
            for m in _ALPHA.finditer(clear)
            if len(w := m.group()) >= GIVEN_MIN
            and w.casefold() in first_names()
            and uncued_kind(w) is Kind.NAME
            and _near_kin(clear, m.start(), m.end())
        }
    )
