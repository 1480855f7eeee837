"""Given names said alone beside a relation, in any case: "wife (marta) called", "Wife is
Marta", "Brother, Ed, called", "NIECE: WILHELMINA", "(Wilhelmina and Marta)".
``redaction.cues`` takes the name right after a relation ("son bill"); here the name is set
off by a bracket, a comma, a colon or "is/was", and a second given name may follow "and".
Only census given names count (no surname, no word in no lexicon): "wife (stable)" stays."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.cues import _RELATION, _RELATIONS
from redaction.plausible import shouting
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:relation"
# One-word relations (a set lookup per word: a regex alternation tried at every position of a
# note costs more than the rest of this module).
_RELATION_WORDS = frozenset(
    [w for w in _RELATIONS.split("|") if w.replace("-", "").isalpha()]
    + ["neighbor", "neighbour", "proxies", "proxys", "hcps", "parents", "family"]
)
_WORDS = re.compile(r"(?<![\w'])[^\W\d_]+(?:-in-law)?")
_SEP = re.compile(r"[ \t]*\([ \t]*|[ \t]*[,:][ \t]*|[ \t]+(?i:is|was|=)[ \t]+|[ \t]*-[ \t]*")
_NAME = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)?")
_AND = re.compile(r"[ \t]*(?:,|&|(?i:and))[ \t]*")
_END = re.compile(r"[ \t]*[),.;:]|[ \t]+(?i:and|&|who|is|was|called|here|at|in|aware|visited)\b")
MIN_GIVEN = 2
MAX_NAMES = 3


def _given(word: str, caps: bool) -> bool:
    """A census given name; one that is also a word ("Ed", "Bill", "Joy") only capitalised in
    mixed-case text."""
    w = plain(word)
    if len(w) < MIN_GIVEN or w not in first_names() or _RELATION.fullmatch(w):
        return False
    if kind(word) is Kind.NAME:
        return True
    return word[:1].isupper() and (caps or not word.isupper())


def find_relation_names(text: str) -> Iterator[Finding]:
    """Given names set off after a relation or a proxy: PERSON, each name its own span."""
    caps = shouting(text)
    for word in _WORDS.finditer(text):
        cue = _SEP.match(text, word.end()) if word.group().lower() in _RELATION_WORDS else None
        if cue is None:
            continue
        pos = cue.end()
        for _ in range(MAX_NAMES):
            m = _NAME.match(text, pos)
            if m is None or not _given(m.group(), caps) or not _END.match(text, m.end()):
                break
            yield Finding(m.start(), m.end(), "PERSON", 0.7, SOURCE)
            more = _AND.match(text, m.end())
            if more is None:
                break
            pos = more.end()
