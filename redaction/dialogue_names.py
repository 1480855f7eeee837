"""Names in dialogue attributions: "said Tobias", "asked Ilse", "shouted at Wanda", "Ilse
shouted at Tobias". A verb of speech, then (or before it) a census given name or a census name
that is no common word, in title case and no place; words in no lexicon are left out here,
since news prose puts companies after "said" ("said Quistco"). Not in clinical notes. Pure
function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.lead_names import place_word
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "lexicon:dialogue"
_SPEECH = r"said|says|asked|asks|replied|shouted|yelled|whispered|cried|screamed|called"
_NAME = r"[A-Z][^\W\d_]+"
_AFTER = re.compile(rf"\b(?:{_SPEECH})(?:[ \t]+(?:at|to))?[ \t]+(?P<n>{_NAME})\b(?!['\u2019]\w)")
_BEFORE = re.compile(rf"(?<![\w'\u2019-])(?P<n>{_NAME})[ \t]+(?:{_SPEECH})[ \t]+(?:at|to)\b")
_TO = re.compile(rf"\b(?:{_SPEECH})[ \t]+{_NAME}[ \t]+to[ \t]+(?P<n>{_NAME})\b")


def find_dialogue_names(text: str) -> Iterator[Finding]:
    """Census names next to a verb of speech (not in clinical notes)."""
    if clinical_register(text):
        return
    for rx in (_AFTER, _BEFORE, _TO):
        for m in rx.finditer(text):
            if _census_name(m.group("n")):
                yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _census_name(word: str) -> bool:
    if word[1:].isupper() or place_word(word):
        return False
    w = plain(word)
    return kind(word) is Kind.NAME or (w in first_names() and kind(word) is Kind.WORDNAME)
