"""Names announced by a cue, in any case: "dr. smith", "son bill", "MR NICHOLSON", "seen by dr
hollis". Capitals carry no signal here, so each following word must pass the word-class test
(census name, or a word in no lexicon): "dr aware", "son called" are not names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, first_names, kind, plain

# Titles: what follows is a surname or a full name; a census name that is also a common word
# ("dr. white", "dr small") still counts.
_TITLES = r"dr|doctor|mr|mrs|ms|mx|miss|prof|professor|sr(?=\.)|sister|shri|sri|smt|kumari|hon'?ble"
# Relations and roles: what follows is usually a given name.
_RELATIONS = (
    r"son-in-law|daughter-in-law|sister-in-law|brother-in-law|son|sons|daughter|daughters|dtr|dau|husband|wife|spouse|brother|bro|sister|sis|mother|mom"
    r"|father|dad|niece|nephew|cousin|aunt|uncle|grandson|granddaughter|grandaughter|grandmother"
    r"|grandfather|fiance|fiancee|friend|neighbou?r|proxy|hcp|partner|boyfriend|girlfriend"
    r"|stepson|stepdaughter"
    r"|attending|resident|fellow|intern|nurse|chaplain|social\s+worker"
    r"|case\s+manager|talked\s+with|spoke\s+with|spoke\s+to|called|paged|notified"
    r"|case\s*worker|met\s+with|met\s+w/|consult\s+with|consulted\s+with|chapl"
)
_CUE = re.compile(
    rf"(?<![\w'])(?:(?P<t>{_TITLES})\.?|(?P<r>{_RELATIONS}))(?:[ \t]*[,:\-][ \t]*|[ \t]+|\.)"
    r"(?=[^\W\d_])",
    re.IGNORECASE,
)
_RELATION = re.compile(rf"(?:{_RELATIONS})", re.IGNORECASE)
_WORD = re.compile(
    r"(?:[^\W\d_]\.(?=[^\W\d_]))*[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*(?:\.(?=[ \t]))?"
)
_GLUED = re.compile(r"^(?:[^\W\d_]\.)+(?=[^\W\d_]{2})")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
_GAP = re.compile(r"[ \t]+|[ \t]*,[ \t]*(?=[^\W\d_]\.)")
_INITIAL = re.compile(r"[^\W\d_]\.?$")
MAX_WORDS = 4
_CREDENTIALS = frozenset(["md", "mds", "rn", "rns", "np", "pa", "do", "rrt", "ho", "staff"])
_IN_LAW = re.compile(r"^in-?laws?$", re.IGNORECASE)


def _accept(word: str, titled: bool, first: bool) -> bool:
    """Does ``word`` continue a name after this cue?"""
    if _INITIAL.match(word):
        return True  # "dr. j. smith", "per w. marotta" (a lone initial is refused later)
    word = _POSSESSIVE.sub("", _GLUED.sub("", word))  # "S.Velanthiran", "white's"
    if word.lower().strip(".") in _CREDENTIALS or _IN_LAW.match(word):
        return False  # "spoke with MD", "son-in-law": a role, not a name
    if not titled and _RELATION.fullmatch(word):
        return False  # "spoke with son": the relation is the next cue ("Mr Son" is a name)
    k = kind(word)
    if k is Kind.NAME or k is Kind.UNKNOWN:
        return len(word.strip(".")) >= 2
    if k is Kind.WORDNAME:
        return _wordname(word, titled, first)
    return False


def _wordname(word: str, titled: bool, first: bool) -> bool:
    """A name that is also a common word: after a title any ("dr. white"); after a relation or
    role a given name ("son bill"), a capitalised one in mixed case ("spoke with Quill") or,
    past the first word, in capitals; a surname that is a common word in lower case or
    capitals ("son and grandson both", "called early", "BOTH CALLED") is the sentence going on."""
    if titled:
        return first or word[:1].isupper()
    if plain(word) in first_names():
        return True
    return word[:1].isupper() and not (first and word.isupper())


def _tail(word: str) -> int:
    """Characters to leave out at the end: a sentence full stop, a possessive 's."""
    if word.endswith(".") and len(word) > 2:
        return 1
    possessive = _POSSESSIVE.search(word)
    return 2 if possessive else 0


def _name_after(text: str, pos: int, titled: bool) -> tuple[int, int] | None:
    """Span of the name words starting at ``pos``, or None."""
    end = pos
    count = 0
    cursor = pos
    while count < MAX_WORDS:
        m = _WORD.match(text, cursor)
        if m is None or not _accept(m.group(), titled, count == 0):
            break
        end = m.end() - _tail(m.group())
        count += 1
        if m.group().endswith(".") and not _INITIAL.match(m.group()):
            break  # a full stop ends the name
        gap = _GAP.match(text, m.end())
        if gap is None:
            break
        cursor = gap.end()
    if count == 0 or (count == 1 and _INITIAL.match(text[pos:end])):
        return None
    return pos, end


def find_cued_names(text: str) -> Iterator[Finding]:
    """Persons after a title, relation or role cue, whatever the case of the text."""
    for cue in _CUE.finditer(text):
        span = _name_after(text, cue.end(), titled=cue.group("t") is not None)
        if span is not None:
            yield Finding(span[0], span[1], "PERSON", 0.8, "context:cue")


_CREDENTIAL = r"rn|rrt|lpn|lvn|np|md|pa-c|crna|cna|msw|licsw|lcsw|pt|ot|rd|slp|pharmd"
_SIGNED = re.compile(  # a match starts at a word start (4x faster than at every letter)
    rf"(?<![\w.'\u2019-])"
    rf"(?P<n>[^\W\d_][\w.'\u2019-]*(?:[ \t]+[^\W\d_][\w.'\u2019-]*){{0,3}}),?[ \t]+"
    rf"(?:{_CREDENTIAL})\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def find_signed_names(text: str) -> Iterator[Finding]:
    """A signature line ending in a credential, any case: "q. lander rrt", "DAN A. FORMAN, RRT"."""
    for m in _SIGNED.finditer(text):
        words = list(_WORD.finditer(text, m.start("n"), m.end("n")))
        while words and not _accept(words[0].group(), False, False):
            words.pop(0)  # leading sentence words before the signature
        lone_initial = len(words) == 1 and _INITIAL.match(words[0].group())
        if words and not lone_initial and all(_accept(w.group(), False, False) for w in words):
            yield Finding(words[0].start(), words[-1].end(), "PERSON", 0.75, "context:signed")
