"""Hospitals, rehab facilities, wards and home towns in clinical notes, in any case: "mercy ridge
hospital", "Sacred Heart Memorial", "LINDQVIST-BAPTIST REHAB", "St. Agnes", "ELDERWICK 2",
"lives in catonsville". Capitals carry no signal in these notes, so each name word is judged by
the word lexicons (``redaction.wordclass``): function words and clinical words end a name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.plausible import shouting
from redaction.shorthand import proper_nouns
from redaction.wordclass import Kind, common_ranks, first_names, proper_kind, uncued_kind

SOURCE = "context:facility"
_HEADS = (
    r"hospital|hosp|medical\s+cent(?:er|re)|med\.?\s+ctr|med\.?\s+center|medical\s+ctr|rehab"
    r"|memorial|regional|infirmary|adventist|health\s+(?:center|system)"
)
# Heads that are also plain words ("house", "awaiting rehab") need a name-like word before.
_WEAK_HEADS = r"house|manor|lodge|center|centre|rehab|rehabilitation|hospice"
# A facility name that is only heads: "Memorial Hospital", "Adventist Hosp".
_NAME_HEADS = re.compile(r"^(?i:memorial|regional|adventist|general)\b")
# Generic words before "hospital": no name ("outside hospital", "previous hosp").
_HEAD_WORD = re.compile(r"[^\W\d_]+")
_GENERIC_WORDS = (
    "outside previous prior local other another same community nearest referring sending"
    " outlying basic private state county city teaching home their his her this that acute"
    " original first second last new old different per via leave left discharge discharged"
    " admitted transferred possible poss start begin further cardiac pulmonary psychiatric"
    " military public mental district children university veterans"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_INFLECTED = re.compile(r"ing$")
_HEAD = re.compile(
    rf"(?<![\w-])(?P<h>(?i:{_HEADS})|(?P<weak>(?i:{_WEAK_HEADS})))"
    rf"(?:[ \t]+(?i:{_HEADS}|facility))*\b\.?"
)
_WORD_BEFORE = re.compile(r"(?P<w>[^\W\d_](?:[^\W\d_]|['\u2019.-](?=[^\W\d_]))*)[ \t]+$")
_SAINT = re.compile(
    r"\b(?:(?i:st)\.|St)[ \t]+(?P<n>[A-Z]\.|[A-Za-z][a-z]+(?!\w)|[A-Z]{2,}(?!\w))"
    r"(?P<s>['\u2019][sS](?!\w))?"
)
_UNIVERSITY = re.compile(r"\b(?:U|Univ\.?|University)[ \t]+(?:of[ \t]+)?(?P<n>[A-Z][a-z]{3,})\b")
MAX_WORDS = 3
MIN_HEADS = 2  # "Memorial Hospital"; "Regional" alone is no name
# A capitalised word after the head makes it part of another body: "Warsaw Regional Court".
_TITLED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
MIN_WARD = 6
MIN_TOWN = 4
_WARD = re.compile(r"(?<![\w/-])(?P<w>[^\W\d_]{6,})(?P<gap>[ \t]?)\d(?![\w/:%-]|\.\d)")
_HOME_CUE = re.compile(
    r"\b(?i:lives?|living|resides?|residing|moved|home|job|works?|working|vacation|nearby|from)"
    r"(?:[ \t]+[A-Za-z]+){0,4}?[ \t]+"
    r"(?i:in|near|to)[ \t]+(?:(?i:the)[ \t]+)?"
)
_TOWN_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*")
FUNCTION_RANK = 150
MIN_PLAIN = 4


def _name_word(word: str, strong_head: bool) -> bool:
    """Can ``word`` be part of a facility's name? Strong heads ("hospital") take common nouns
    too ("mercy ridge hospital"); weak ones ("house") need a name-like word."""
    w = word.lower().strip(".")
    rank = common_ranks().get(w)
    if (rank is not None and rank < FUNCTION_RANK) or w in _GENERIC:
        return False
    k = proper_kind(word)
    if k in (Kind.NAME, Kind.UNKNOWN) or (k is Kind.WORDNAME and rank is None):
        return len(word) >= 2
    plain_noun = len(w) >= MIN_PLAIN and not _INFLECTED.search(w)
    return strong_head and rank is not None and plain_noun


def _start_of_name(text: str, head_start: int, strong: bool) -> int:
    """Where the facility name before a head word begins (``head_start`` when none)."""
    start = head_start
    for _ in range(MAX_WORDS):
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None or not _name_word(m.group("w"), strong):
            break
        start = m.start("w")
    return start


def _end_of_name(text: str, head: re.Match[str]) -> int:
    """The name ends with its last name-like head ("Sacred Heart Memorial"); a generic head
    ("hospital", "rehab") stays readable after a name of its own (see ``_generic_name_end``)."""
    end = head.start()
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    for word in _HEAD_WORD.finditer(text, head.start(), head.end()):
        if _NAME_HEADS.match(word.group()):
            end = word.end()
    return end


def _generic_name_end(text: str, start: int, end: int, head: re.Match[str]) -> int:
    """A name made of name heads only ("General Hospital", "Memorial Hosp.") has no word of
    its own: the generic head is part of it and goes with it (else ``end``)."""
    words = _HEAD_WORD.findall(text, start, end)
    if words and all(_NAME_HEADS.match(w) for w in words):
        return head.end() - head.group().endswith(".")
    return end


def find_wards(text: str) -> Iterator[Finding]:
    """A long word in no lexicon before a ward number ("ELDERWICK 2", "elderwick7"): the
    name is ADDRESS; a separate number stays readable, a glued one goes with the name (one
    word: a reader would otherwise see its letters' length and the number)."""
    for m in _WARD.finditer(text):
        word = m.group("w")
        if len(word) >= MIN_WARD and uncued_kind(word) in (Kind.NAME, Kind.UNKNOWN):
            end = m.end() if not m.group("gap") else m.end("w")
            yield Finding(m.start("w"), end, "ADDRESS", 0.65, SOURCE)


def find_home_towns(text: str) -> Iterator[Finding]:
    """Where a patient or relative lives, works or comes from: "lives in catonsville", "job in
    Bel Air", "LIVES WITH SON IN ROCKVILLE"."""
    for cue in _HOME_CUE.finditer(text):
        end = cursor = cue.end()
        for _ in range(MAX_WORDS - 1):
            m = _TOWN_WORD.match(text, cursor)
            if m is None or not _town_word(m.group(), text):
                break
            end = m.end()
            cursor = end + 1
        if end > cue.end():
            yield Finding(cue.end(), end, "ADDRESS", 0.65, SOURCE)


def _town_word(word: str, text: str) -> bool:
    k = proper_kind(word)
    if k in (Kind.NAME, Kind.UNKNOWN):
        return len(word) >= MIN_TOWN and uncued_kind(word) is not Kind.WORD
    plain_word = common_ranks().get(word.lower(), 0) >= FUNCTION_RANK
    return word.istitle() and plain_word and not shouting(text)


def find_named_facilities(text: str) -> Iterator[Finding]:
    """Names before a facility head word, saints' names and universities: ADDRESS."""
    for m in _HEAD.finditer(text):
        strong = m.group("weak") is None
        start = _start_of_name(text, m.start(), strong)
        end = _end_of_name(text, m)
        heads_only = start == m.start() and len(m.group().split()) < MIN_HEADS
        if start < end and not heads_only and not _TITLED_AFTER.match(text, m.end()):
            yield Finding(start, _generic_name_end(text, start, end, m), "ADDRESS", 0.7, SOURCE)
    for m in _SAINT.finditer(text):
        name = m.group("n").lower()
        if name.endswith(".") or name in first_names() or name in proper_nouns():
            yield Finding(m.start(), m.end(), "ADDRESS", 0.7, SOURCE)
    for m in _UNIVERSITY.finditer(text):
        if uncued_kind(m.group("n")) in (Kind.NAME, Kind.UNKNOWN):
            yield Finding(m.start(), m.end("n"), "ADDRESS", 0.7, SOURCE)
