"""Residual-risk shapes that hold in any case (lower-case and ALL-CAPS notes, where capitals
say nothing): a given name followed by a surname-like word (``mary okonkwo``), and a named
facility (``kernan hosp``, ``LAUREL REGIONAL``). Lexicon and shape only, no detector; used
by ``redaction.residual`` on the clear text of a finished rendition.
"""

from __future__ import annotations

import itertools
import re

from redaction.wordclass import Kind, common_ranks, first_names, kind

_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]{2,}(?![\w'\u2019-])")
# Both parts of a pair at least this long: shorter ones are clinical shorthand ("min",
# "mae", "bld", "dng") far more often than names.
PAIR_PART_MIN = 4
_FACILITY = re.compile(
    r"(?i)\b([^\W\d_][\w'\u2019-]*)[ \t]+(?:hospital|hosp|memorial|regional|infirmary"
    r"|medical[ \t]+cent(?:er|re)|nursing[ \t]+home|manor)\b"
)
# Words before a facility noun that describe it rather than name it.
_GENERIC_WORDS = (
    "the a an this that his her their its our your my outside other local another same"
    " previous prior nearby home community general university state county city private"
    " public psychiatric children's childrens rehab nursing acute chronic va veterans osh"
    " referring receiving transferring area regional teaching"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
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
        if kind(given) is not Kind.WORD and kind(family) in (Kind.NAME, Kind.UNKNOWN):
            found.add((given, family))
    return len(found)


def facilities(clear: str) -> int:
    """Named facilities: a specific word before hospital, memorial, regional, manor, ..."""
    return len(
        {
            m.group().casefold()
            for m in _FACILITY.finditer(clear)
            if (word := m.group(1).casefold()) not in _GENERIC
            and common_ranks().get(word, GENERIC_RANK) >= GENERIC_RANK
        }
    )
