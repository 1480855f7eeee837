"""Parties in a court caption ("JANE ROE and JOHN ROE, individually,\\n  Plaintiffs,") and the
lines of a letter's address block (the lines under an addressee's name, up to a blank line)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

_ROLE = (
    r"Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?|Claimants?"
    r"|Cross-(?:Complainants?|Defendants?)|Counter-?(?:Plaintiffs?|Defendants?)|Intervenors?"
    r"|Debtors?|Movants?|Real\s+Party\s+in\s+Interest"
)
_CAPTION = re.compile(
    rf"^[ \t]*(?P<p>[^\n]{{3,200}}?),?[ \t]*\n[ \t]*(?i:{_ROLE})\b[ \t]*[,.]?[ \t]*$",
    re.MULTILINE,
)
_SPLIT = re.compile(r",?[ \t]+(?:and|&)[ \t]+|;[ \t]*|,[ \t]+(?=[A-Z])")
_DESCRIPTOR = re.compile(
    r",?[ \t]+(?:an?[ \t]+|individually|as[ \t]+|et[ \t]+al|on[ \t]+behalf|d/b/a|dba|by[ \t]+and)"
    r".*$",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?:LLC|L\.L\.C\.|LLP|Inc|Corp|Corporation|Company|Co|Ltd|Group|Bank|Hospital|Clinic"
    r"|Trust|Association|Partners|Holdings|Services|Management|Logistics|Insurance|Foundation"
    r"|University|PLLC|P\.C|N\.A)\b\.?",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(?:United\s+States|State\s+of|People\s+of|Commonwealth|County\s+of|City\s+of)\b",
    re.IGNORECASE,
)


def find_caption_parties(text: str) -> Iterator[Finding]:
    """Each party named on the line(s) above a "Plaintiff,"/"Defendant," line."""
    for m in _CAPTION.finditer(text):
        start = m.start("p")
        body = _DESCRIPTOR.sub("", m.group("p")).rstrip(" ,")
        pos = 0
        for piece in [*_SPLIT.split(body)]:
            at = body.index(piece, pos)
            pos = at + len(piece)
            name = piece.strip(" ,.")
            if len(name) < 3 or not name[:1].isupper() or _GOVERNMENT.search(name):
                continue
            offset = start + at + piece.index(name)
            label = "ORGANIZATION" if _ORG_WORDS.search(name) else "PERSON"
            yield Finding(offset, offset + len(name), label, 0.8, "context:caption")


_NAME_LINE = r"[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z\u00d3\u00c9][\w'\u2019.-]*){0,4}"
_FIRST = (
    r"(?:\d{1,6}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?,?[ \t]+[A-Z]"
    r"|(?i:flat|apt|suite|unit|studio|house|h\.?\s?no|p\.?o\.?\s+box)\b)"
)
_BLOCK = re.compile(
    rf"^[ \t]*{_NAME_LINE}[ \t]*\n(?P<b>[ \t]*{_FIRST}[^\n:@]{{1,80}}"
    r"(?:\n[ \t]*[A-Z0-9][^\n:@]{1,60}){0,3})(?=\n[ \t]*\n|\Z)",
    re.MULTILINE,
)


def find_address_blocks(text: str) -> Iterator[Finding]:
    """The street/unit line under a name line and the lines after it, up to a blank line."""
    for m in _BLOCK.finditer(text):
        for line in re.finditer(r"[^\n]+", m.group("b")):
            value = line.group().strip()
            if value:
                start = m.start("b") + line.start() + line.group().index(value)
                yield Finding(start, start + len(value), "ADDRESS", 0.75, "context:address")
