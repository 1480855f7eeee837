"""Names told by what happened to them, in any case: the clinician or relative who was made
aware ("marder aware", "HOUSE STAFF rohak vessel AWARE", "DR QUILL AND BOSCHWITZ AWARE") and
the clinicians after a plural title ("DR'S MAXINE AND JEROME", "drs. ortolan, quist and
bell"). Capitals carry no signal in nursing notes, so each word is judged by the lexicons: a
census name that is no common word, or a word in no lexicon that is no clinical shorthand, no
misspelling and no clipped word ("neurosurg aware", "cardiol notified" are services)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from models.finding import Finding
from redaction.wordclass import Kind, common_ranks, dictionary, kind, plain, uncued_kind

SOURCE = "context:informed"
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)?")
# The verb that says someone was told: it follows the name(s).
_TOLD = re.compile(
    r"[ \t]+(?i:aware|notified|informed|made\s+aware|called|phoned|visited|reports|reported"
    r"|is\s+speaking|spoke|in\s+to\s+visit|at\s+bedside|arrived|came\s+in)\b"
    r"|,?[ \t]+(?i:rn|np|md|rrt|pa|lpn|crna|msw|licsw|lcsw)\b(?![/'\u2019-])"
    r"|,?[ \t]+(?i:r\.n|n\.p|m\.d|r\.r\.t)\.?(?![\w/'\u2019-])"
)
_LAST_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?:['\u2019-][^\W\d_]+)?$")
_GAP_BEFORE = re.compile(r"(?<=[^\W\d_])[ \t]+$")
MAX_TOLD = 2
_AND = re.compile(r"[ \t]*(?:,|&|(?i:and))[ \t]*")
_PLURAL = re.compile(r"(?<![\w'\u2019])(?i:drs|dr['\u2019]s|doctors)\.?[ \t]+(?=[^\W\d_])")
MIN_UNKNOWN = 4
MAX_NAMES = 4
# Roles and services that stand where a name would ("HO AWARE", "staff aware").
_ROLE_WORDS = (
    "md mds np pa ho hos rn rns staff team resident fellow intern attending service unit micu"
    " sicu ccu csru neuro renal cards surgery family doctor docter doc physician"
)
_ROLES = frozenset(_ROLE_WORDS.split())


@lru_cache(maxsize=1)
def sorted_words() -> tuple[str, ...]:
    """Common and dictionary words, sorted (for prefix look-ups)."""
    return tuple(sorted(set(common_ranks()) | dictionary()))


def clipped(word: str) -> bool:
    """A word cut short: the start of a longer plain word ("neurosurg", "cardiol", "resp")."""
    w = plain(word)
    words = sorted_words()
    i = bisect_left(words, w)
    return i < len(words) and words[i].startswith(w) and words[i] != w


def name_word(word: str, titled: bool = False) -> bool:
    """Can ``word`` be a person's name here? After a title a census name that is also a word
    counts too ("drs. bell and quist")."""
    w = plain(word)
    if w in _ROLES or len(w) < 2 or w.endswith(("inlaw", "in-law")):
        return False
    k = kind(word)
    if k is Kind.NAME:
        return True
    if k is Kind.WORDNAME:
        return titled
    unknown = k is Kind.UNKNOWN and (titled or uncued_kind(word) is Kind.UNKNOWN)
    return unknown and len(w) >= MIN_UNKNOWN and not clipped(word)


def _told_names(text: str, end: int) -> list[tuple[int, int]]:
    """Up to two name words ending at ``end``, blank-separated (nearest first), stopping at
    the first word that is no name."""
    found: list[tuple[int, int]] = []
    while len(found) < MAX_TOLD:
        m = _LAST_WORD.search(text, max(0, end - 40), end)
        if m is None or not name_word(m.group()):
            break
        found.append((m.start(), m.end()))
        gap = _GAP_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if gap is None:
            break
        end = gap.start()
    return found


def _names_before(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Names before the verb, and a first name joined to them by "and" ("X and Y aware")."""
    names = _told_names(text, start)
    yield from names
    if not names:
        return
    first = min(a for a, _ in names)
    joined = re.search(r"(?:[ \t]*(?:,|&|(?i:and))[ \t]*)$", text[max(0, first - 8) : first])
    if joined is not None:
        yield from _told_names(text, first - len(joined.group()))


def _plural_titled(text: str, pos: int) -> Iterator[tuple[int, int]]:
    for _ in range(MAX_NAMES):
        m = _WORD.match(text, pos)
        if m is None or not name_word(m.group(), titled=True):
            return
        yield m.start(), m.end()
        more = _AND.match(text, m.end())
        if more is None:
            return
        pos = more.end()


def find_informed_names(text: str) -> Iterator[Finding]:
    """PERSON spans before a verb of being told and after a plural title."""
    for told in _TOLD.finditer(text):
        for a, b in _names_before(text, told.start()):
            yield Finding(a, b, "PERSON", 0.7, SOURCE)
    for title in _PLURAL.finditer(text):
        for a, b in _plural_titled(text, title.end()):
            yield Finding(a, b, "PERSON", 0.7, SOURCE)
