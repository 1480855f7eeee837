"""Names coordinated with a found person: in "Ottilie and Rose", "Quenneville and Dagmar Reed",
"Lorenzo, Rose and Ivo" NER often finds one name and drops the other, mostly when the other is
also a word ("Rose"). A capitalised word joined by "and", "&" or a comma to a person span is a
person too when it is a census given name (even one that is a word) or no plain word (a word of
no lexicon needs four letters; after a comma alone, only a given name); at the start of a
sentence, where capitals say nothing, only a census name that is no word counts. Not in
clinical notes, where drugs and devices are listed the same way ("Ativan and Haldol"). Pure
function over findings, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:coordinated"
_CAP = r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*"
_JOIN = r"(?P<j>[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
_AFTER = re.compile(rf"{_JOIN}(?P<w>{_CAP})(?![\w'\u2019-])")
_BEFORE = re.compile(rf"(?<![\w'\u2019.-])(?P<w>{_CAP}){_JOIN}\Z")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"(\n][ \t]*|\n[ \t>]*)\Z")
_LOOKBACK = 40
MIN_UNKNOWN = 4


def coordinated_names(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """The findings plus the name-like words coordinated with their person spans."""
    if clinical_register(text):
        return list(findings)
    covered = [(f.start, f.end) for f in findings]
    added = [g for f in findings if f.label == "PERSON" for g in _partners(text, f)]
    fresh = [g for g in added if not any(s < g.end and g.start < e for s, e in covered)]
    return [*findings, *fresh]


def _partners(text: str, f: Finding) -> Iterator[Finding]:
    m = _AFTER.match(text, f.end)
    if m is not None and _name_like(m.group("w"), m.group("j")):
        yield Finding(m.start("w"), m.end("w"), "PERSON", 0.7, SOURCE)
    b = _BEFORE.search(text, max(0, f.start - _LOOKBACK), f.start)
    if b is None or not _name_like(b.group("w"), b.group("j")):
        return
    if kind(b.group("w")) is Kind.NAME or not _starts_sentence(text, b.start("w")):
        yield Finding(b.start("w"), b.end("w"), "PERSON", 0.7, SOURCE)


def _name_like(word: str, join: str) -> bool:
    """Census given names (even those that are words, "Rose") after any joiner; after a comma
    alone ("Dagny, Ivo"), nothing else: places are listed that way too."""
    k = kind(word)
    if plain(word) in first_names():
        return True
    if join.strip() == ",":
        return False
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(word) >= MIN_UNKNOWN)


def _starts_sentence(text: str, pos: int) -> bool:
    return _SENTENCE_START.search(text, max(0, pos - 3), pos) is not None
