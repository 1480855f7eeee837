"""Names announced by what people say about names: "my name is Ysolde", "everyone calls me
Tomek", "my last name? Marrak", "her maiden name is Quist", "could I speak to Ilse Varga",
"please add Oskar Lindqvist as a beneficiary", and a name addressed at the start of a line
("Dagny, can I ask you ..."). Contact cues ("speak to", "add") need a full name or a census
given name; naming cues take any word that is no plain word. Not in clinical notes, where
"add" and "speak to" precede drugs and services. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import FUNCTION_WORDS, Kind, common_ranks, first_names, kind, plain

SOURCE = "context:name-phrase"
_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*"
_NAMES = rf"(?P<n>{_WORD}(?:[ \t]{_WORD}){{0,3}})"
_NAMING = (
    r"my\s+name\s+is|my\s+name['\u2019]s|name\s+is|call(?:s|ed)?\s+me|named\s+(?:him|her|me)"
    r"|(?:last|first|given|family|maiden|middle)\s+name(?:\s+is|\s*[?:])|surname(?:\s+is|\s*[?:])"
)
_CONTACT = r"speak\s+(?:to|with)|talk\s+to|ask\s+for|add"
_CUE = re.compile(
    rf"(?<![\w'\u2019-])(?:(?P<naming>(?i:{_NAMING}))|(?P<contact>(?i:{_CONTACT})))[ \t]+{_NAMES}"
)
# A name addressed at a line's start: one word, a comma, then a request or question.
_ADDRESSED = (
    r"can|could|would|will|please|I|you|are|is|do|did|have|thanks|thank|how|what|where|when|why"
    r"|it|we|this|that|let|just|sorry|hope|here"
)
_INTERJECTION_WORDS = "hey hi hello ok okay yes no well oh ah hmm so thanks yeah"
_INTERJECTIONS = frozenset(_INTERJECTION_WORDS.split())
_VOCATIVE = re.compile(
    rf"(?:^|(?<=\\n))[ \t]*(?P<n>{_WORD}),[ \t]+(?=(?:{_ADDRESSED})\b)", re.MULTILINE
)


def find_phrase_names(text: str) -> Iterator[Finding]:
    """Names after naming and contact cues, and names addressed at a line's start."""
    if clinical_register(text):
        return
    for m in _CUE.finditer(text):
        words = _name_words(m.group("n").split())
        if words and (m.group("naming") or _full_or_given(words)):
            start = m.start("n")
            yield Finding(start, start + len(" ".join(words)), "PERSON", 0.75, SOURCE)
    for m in _VOCATIVE.finditer(text):
        if _addressed_name(m.group("n")):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _name_words(words: list[str]) -> list[str]:
    """The leading title-case words that are no plain words (names that are also common
    words, "Rose", count)."""
    out: list[str] = []
    for w in words:
        if not (w[0].isupper() and not w.isupper() and len(w) >= 2):
            break
        if not _namelike(w):
            break
        out.append(w)
    return out


def _namelike(word: str) -> bool:
    """No plain word, or a census given name that is no function word ("Beatrix")."""
    w = plain(word)
    if kind(word) is not Kind.WORD:
        return True
    return w in first_names() and common_ranks().get(w, FUNCTION_WORDS) >= FUNCTION_WORDS


def _addressed_name(word: str) -> bool:
    """A census given name or a title-case word in no lexicon, no interjection ("Hey,")."""
    w = plain(word)
    if not _name_words([word]) or w in _INTERJECTIONS:
        return False
    return w in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _full_or_given(words: list[str]) -> bool:
    return len(words) >= 2 or plain(words[0]) in first_names()
