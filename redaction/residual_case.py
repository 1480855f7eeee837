"""Residual-risk shapes that hold in any case (lower-case and ALL-CAPS notes, where capitals
say nothing): a given name followed by a surname-like word (``mary okonkwo``), and a named
facility (``kernan hosp``, ``LAUREL REGIONAL``). Lexicon and shape only, no detector; used
by ``redaction.residual`` on the clear text of a finished rendition.
"""

from __future__ import annotations

import itertools
import re

from redaction.wordclass import Kind, common_ranks, first_names, kind, uncued_kind

_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]{2,}(?![\w'\u2019-])")
# Both parts of a pair at least this long: shorter ones are clinical shorthand ("min",
# "mae", "bld", "dng") far more often than names.
PAIR_PART_MIN = 4
_FACILITY = re.compile(
    r"(?i)\b([^\W\d_][\w'\u2019-]*)[ \t]+(?:hospital|hosp|memorial|regional|infirmary"
    r"|medical[ \t]+cent(?:er|re)|nursing[ \t]+home|manor|(?P<rehab>rehab(?:ilitation)?))\b"
    # a regional court, governor or council is a public body, not a facility
    r"(?![ \t]+(?:court|tribunal|office|administrative|prosecutor|council|government|police"
    r"|governor|(?-i:[A-Z][a-z]+)(?<!Hospital)(?<!Medical)(?<!Center)(?<!Centre))\b)"
)
# Words before a facility noun that describe it rather than name it.
_GENERIC_WORDS = (
    "the a an this that his her their its our your my outside other local another same"
    " previous prior nearby home community general university state county city private"
    " public psychiatric children's childrens rehab nursing acute chronic va veterans osh"
    " referring receiving transferring area regional teaching"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_SPECIFIC = (Kind.NAME, Kind.UNKNOWN, Kind.WORDNAME)
# A facility's first word that is among this many most frequent English words is generic.
GENERIC_RANK = 1000


def name_pairs(clear: str) -> int:
    """Distinct given-name + surname-like pairs (census given name, then a census name in no
    word list or a word in no lexicon), in any case."""
    words = list(_WORD.finditer(clear))
    found = set()
    for a, b in itertools.pairwise(words):
        if clear[a.end() : b.start()] != " ":
            continue
        given, family = a.group().casefold(), b.group().casefold()
        if min(len(given), len(family)) < PAIR_PART_MIN or given not in first_names():
            continue
        if _pair(given, family):
            found.add((given, family))
    return len(found)


def _pair(given: str, family: str) -> bool:
    """A given name that is no plain word, then a surname-like word that is no shorthand or
    misspelling; a given name that is also a common word ("aline", "sang") needs a census
    surname after it."""
    first, second = kind(given), uncued_kind(family)
    if first is Kind.WORDNAME:
        return second is Kind.NAME
    return first is not Kind.WORD and second in (Kind.NAME, Kind.UNKNOWN)


def _specific(word: str, rehab: bool) -> bool:
    """A facility's first word that names it: not generic, not a plain word or shorthand;
    before "rehab" (also a plain noun: "poss rehab") a census name or an unknown word."""
    rank = common_ranks().get(word, GENERIC_RANK)
    if word in _GENERIC or rank < GENERIC_RANK:
        return False
    return uncued_kind(word) in ((Kind.NAME, Kind.UNKNOWN) if rehab else _SPECIFIC)


def facilities(clear: str) -> int:
    """Named facilities: a specific word before hospital, memorial, regional, rehab, ..."""
    return len(
        {
            m.group().casefold()
            for m in _FACILITY.finditer(clear)
            if _specific(m.group(1).casefold(), m.group("rehab") is not None)
        }
    )
