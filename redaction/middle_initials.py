"""Names written with a bare middle initial, no dot: "Ysolde K Marrak", "Tomas P van der Berg".

The given name is a census given name or a title-case word in no lexicon; the letter stands
alone between single blanks; the surname is a title-case word that is no plain word, after
optional name particles. Not in clinical notes ("Pt A Ox3"-style shorthand). Pure function."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "lexicon:middle-initial"
_POSSESSIVE = ("'s", "\u2019s")
_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))+"
_PARTICLES = r"(?:(?:van|von|de|der|den|ten|ter|da|di|du|del|dos|das|le|la|bin|al)[ \t])*"
_NAME = re.compile(
    rf"(?<![\w'\u2019.-])(?P<g>{_WORD})[ \t](?P<i>[A-Z])[ \t](?P<s>{_PARTICLES}{_WORD})"
    r"(?![\w'\u2019-])"
)


def find_middle_initial_names(text: str) -> Iterator[Finding]:
    """Given name, bare initial, surname (not in clinical notes)."""
    if clinical_register(text):
        return
    for m in _NAME.finditer(text):
        surname = m.group("s").split()[-1]
        if _given(m.group("g")) and _surname(surname):
            end = m.end() - 2 if m.group("s").endswith(_POSSESSIVE) else m.end()
            yield Finding(m.start(), end, "PERSON", 0.75, SOURCE)


def _title(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _given(word: str) -> bool:
    return _title(word) and (
        plain(word) in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)
    )


def _surname(word: str) -> bool:
    return _title(word) and len(word) >= 2 and kind(word) is not Kind.WORD
