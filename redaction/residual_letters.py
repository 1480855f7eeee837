"""Residual-risk names in a letter's frame: a census name left alone on a salutation line
(``Ed,`` opening a message, ``Hi Ed,``) or on the line that signs it after a closing
(``Thanks,`` / ``Ed``). A short given name that is also a plain or clinical word ("Ed", "Art",
"Bill") escapes the detector's name evidence; the frame says it is a person.

Lexicon and shape only, no detector; used by ``redaction.residual`` on the clear text of a
finished rendition (tokens blanked out: a redacted name leaves blanks, never a match).
"""

from __future__ import annotations

import re

from redaction.wordclass import common_ranks, person_names

_CLOSING = (
    r"(?:thanks|thank[ \t]+you|many[ \t]+thanks|regards|best[ \t]+regards|kind[ \t]+regards"
    r"|best|cheers|sincerely|yours[ \t]+truly|cordially|respectfully)"
)
_NAME = r"(?P<name>(?-i:[A-Z][a-z]+))"
# "Thanks," then up to three blank lines, then a line holding a name (and perhaps an initial
# or a second capitalised word).
_SIGNED = re.compile(
    rf"(?im)^[ \t>]*{_CLOSING}[ \t]*[,!.]?[ \t]*\n(?:[ \t>]*\n){{0,3}}[ \t>]*{_NAME}"
    r"(?:[ \t](?-i:[A-Z][a-z]+|[A-Z]\.?))?[ \t]*$"
)
# A salutation line opening the text or a paragraph: "Ed," / "Hi Ed," (the comma right after
# the name: a blanked token before it leaves spaces, never a match).
_GREETED = re.compile(
    rf"(?m)(?:\A|\n[ \t]*\n)[ \t>]*(?:(?i:hi|hello|dear|hey)[ \t]+)?(?!(?i:{_CLOSING})\b){_NAME},"
    r"[ \t]*$"
)
# A census name among this many most frequent English words is a word here ("Will,", "Best").
COMMON_RANK = 1000


def _person(word: str) -> bool:
    w = word.lower()
    return w in person_names() and common_ranks().get(w, COMMON_RANK) >= COMMON_RANK


def framed_names(clear: str) -> int:
    """Distinct census names alone on a salutation line or signing after a closing."""
    found = {m.group("name") for rx in (_SIGNED, _GREETED) for m in rx.finditer(clear)}
    return len({name for name in found if _person(name)})
