"""The name that closes a note: nursing notes are signed on their last line, often without a
credential ("...decrease anxiety.\\n Marla Quennick", "MONITOR I/O\\nTOBRAL"). Only the last
non-blank line is read, and only when it is one to three words, each a census name that is no
common word, a given name, or a word in no lexicon that is no shorthand, misspelling or clipped
word; at least one must be no common word, and in mixed-case text each must be capitalised.
A closing plan line ("Monitor BS", "Family support") holds plain words and stays."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.informed_names import clipped
from redaction.plausible import shouting
from redaction.wordclass import Kind, first_names, kind, plain, uncued_kind

SOURCE = "context:closing"
_LAST_LINE = re.compile(
    r"(?:^|\n)[ \t>\-]*(?P<n>[^\W\d_][\w.'\u2019-]*(?:[ \t]+[^\W\d_][\w.'\u2019-]*){0,2})"
    r"[ \t.]*\s*$"
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\.?")
MIN_UNKNOWN = 4
MIN_LONE = 5


def _strong(word: str) -> bool:
    """A census name that is no common word, or a word in no lexicon that reads as no
    shorthand, misspelling or clipped word."""
    k = kind(word)
    if k is Kind.NAME:
        return True
    unknown = k is Kind.UNKNOWN and uncued_kind(word) is Kind.UNKNOWN
    return unknown and len(plain(word)) >= MIN_UNKNOWN and not clipped(word)


def _census(word: str) -> bool:
    """A lone closing word must be a census name (a lone unknown word is a company's)."""
    w = plain(word)
    return len(w) >= MIN_LONE and (kind(word) is Kind.NAME or w in first_names())


def _fits(word: str, caps: bool) -> bool:
    if not caps and not word[:1].isupper():
        return False
    initial = len(plain(word)) == 1 and word.endswith(".")
    return initial or _strong(word) or plain(word) in first_names()


def closing_name(text: str) -> tuple[int, int] | None:
    """Where the closing name is, if the last line is one."""
    m = _LAST_LINE.search(text, max(0, len(text) - 120))
    if m is None:
        return None
    words = list(_WORD.finditer(text, m.start("n"), m.end("n")))
    lone = len(words) == 1 and _census(words[0].group())
    caps = shouting(text) or text.islower()
    if not words or (len(words) == 1 and not lone):
        return None
    if not all(_fits(w.group(), caps) for w in words):
        return None
    if not any(_strong(w.group()) for w in words):
        return None
    return words[0].start(), words[-1].end() - words[-1].group().endswith(".")


def find_closing_names(text: str) -> Iterator[Finding]:
    """A PERSON span for the name signing a note on its last line."""
    span = closing_name(text)
    if span is not None:
        yield Finding(span[0], span[1], "PERSON", 0.7, SOURCE)
