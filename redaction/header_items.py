"""Names in address-header items that pair a company with a person: distribution lists write
"To: Acme Gas - Ines Varga; Brixton Power - Olek Dumont", or the person first ("Ines Varga -
Acme Gas"), and lower-case names ("to: brimley, oswin") when no word of an item is a plain
word. The side of the dash that reads as a person's name is redacted: two to four
capitalised words, the first a census given name that is no plain word, a name that is no
word, or a word of no lexicon (four letters or more), the others initials or words that are
no plain word. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.email_names import header_values
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:email"
_ITEM = re.compile(r"[^;,\n]+")
_DASHED = re.compile(r"[ \t]+-{1,2}[ \t]+")
_SIDE = re.compile(r"[A-Z][\w'\u2019-]*\.?(?:[ \t]+[A-Z][\w'\u2019-]*\.?){1,3}")
MIN_UNKNOWN = 4
MIN_LOWER = 3
_LOWER_WORD = r"[^\W\d_A-Z][^\W\d_A-Z'\u2019-]*"
_LOWER = re.compile(rf"[ \t\"']*(?P<n>{_LOWER_WORD}(?:[ \t]+{_LOWER_WORD}){{0,3}})[ \t\"']*")


def find_header_item_names(text: str) -> Iterator[Finding]:
    """Person sides of "company - person" items, and lower-case names, in To/Cc/From header
    values."""
    for start, end in header_values(text):
        for item in _ITEM.finditer(text, start, end):
            yield from _item_names(text, item.start(), item.end())
            yield from _lower_item(text, item.start(), item.end())


def _lower_item(text: str, start: int, end: int) -> Iterator[Finding]:
    """A lower-case item of one to four words, none a plain word ("to: brimley, oswin")."""
    m = _LOWER.fullmatch(text, start, end)
    if m is not None and all(_lower_name(w) for w in m.group("n").split()):
        yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _lower_name(word: str) -> bool:
    k = kind(word)
    if k is Kind.WORD:
        return False
    return k is not Kind.UNKNOWN or len(word) >= MIN_LOWER


def _item_names(text: str, start: int, end: int) -> Iterator[Finding]:
    dashes = list(_DASHED.finditer(text, start, end))
    if not dashes:
        return
    bounds = [start, *(p for d in dashes for p in (d.start(), d.end())), end]
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        side = text[lo:hi].strip(" \t\"'")
        if _SIDE.fullmatch(side) and person_words(side.split()):
            at = text.index(side, lo)
            yield Finding(at, at + len(side), "PERSON", 0.75, SOURCE)


def person_words(words: list[str]) -> bool:
    """A census given name first (no plain word) and no plain word after it; or a name or a
    word of no lexicon first and only such words (or initials) after it: "Dunmore Power" is a
    company, "Dunmore Wendleton" a person."""
    first = words[0]
    k = kind(first)
    given = plain(first) in first_names() and k is not Kind.WORD
    if not given and not (k is Kind.NAME or (k is Kind.UNKNOWN and len(first) >= MIN_UNKNOWN)):
        return False
    allowed = (Kind.NAME, Kind.UNKNOWN, Kind.WORDNAME) if given else (Kind.NAME, Kind.UNKNOWN)
    return all(len(w.rstrip(".")) == 1 or kind(w) in allowed for w in words[1:])
