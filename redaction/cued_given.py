"""A lone census given name after a word of contact or a preposition, in any case: "thanks
Tobias!", "talked to tobias and dagmar", "I cc'd Lorenzo", "spoke with Ingrid". NER drops lone
given names, most of all in lower case, and e-mail is full of them.

Only given names that are no word of any kind count (``Kind.NAME``: "tobias", not "bill" or
"rose"), never clinical words; a given name that is also a town ("Florence", "Marion") only
capitalised in mixed case. A party of a case name ("see Tobias v. Reed") is a citation, and
clinical notes, whose shorthand shares many short given names, are left to their own rules.
Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.gazetteer import places
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "lexicon:cued-given"
_CUE = (
    r"talk(?:ed)?|spoke|spoken|speak(?:ing)?|met|meet(?:ing)?|ask(?:ed)?|tell|told|call(?:ed)?"
    r"|phoned|e-?mail(?:ed)?|cc['\u2019]?d|cc|thanks|thank|per|with|from|to|for|by|and|or|let"
    r"|remind(?:ed)?|see|saw|via"
)
# the name is read ahead, so "talked to tobias" tries "to" and then "tobias"
_GIVEN = re.compile(
    rf"(?<![\w'\u2019-])(?i:{_CUE})[ \t]+(?=(?P<n>[^\W\d_][a-z\u00df-\u00ff'\u2019]+|[A-Z]+)"
    r"(?![\w@/-]|[ \t]+v\.?[ \t]))"
)
MIN_GIVEN = 3


def find_cued_given_names(text: str) -> Iterator[Finding]:
    """Every cued given name in ``text`` (none in clinical notes)."""
    if clinical_text(text):
        return
    for m in _GIVEN.finditer(text):
        if _given(m.group("n")):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _given(word: str) -> bool:
    w = plain(word)
    if len(w) < MIN_GIVEN or w not in first_names() or w in clinical_words():
        return False
    if kind(word) is not Kind.NAME:
        return False
    return w not in places() or (word[:1].isupper() and not word.isupper())
