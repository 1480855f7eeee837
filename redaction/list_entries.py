"""Names standing as a cell of a list or table line: agenda and contact lists put a name between
dashes or after a tab run ("Panel - Ysolde Quenneville - VP Trading", "Gas desk\\t\\tIngrid
Brenner"), where NER, reading no sentence, finds nothing. A cell of two or three capitalised
words, cut off by a dash, a tab run or the line's end on both sides, is a name when its first
word is a census given name or a word of no lexicon and no word in it is a plain word (a
surname that is also a word is allowed after the first). Not in clinical notes, whose lines are
dashed lists of findings. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:list"
_WORD = r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*"
_CELL = re.compile(
    rf"(?:^[ \t>]*|\t[ \t]*|[ \t]-[ \t]+|-\t[ \t]*)(?P<n>{_WORD}(?:[ \t]{_WORD}){{1,2}})"
    r"(?=[ \t]+-[ \t]|[ \t]*\t|[ \t]*\r?$)",
    re.MULTILINE,
)
MIN_UNKNOWN = 4


def find_list_entry_names(text: str) -> Iterator[Finding]:
    """Names in dash- or tab-separated cells of a line that has such a separator."""
    if clinical_text(text):
        return
    for m in _CELL.finditer(text):
        if not _separated(text, m) or not _name(m.group("n").split()):
            continue
        yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _separated(text: str, m: re.Match[str]) -> bool:
    """The line holds a dash or tab separator (a line of two capitalised words alone is a
    heading as often as a name: other rules judge those)."""
    start = text.rfind("\n", 0, m.start("n")) + 1
    end = text.find("\n", m.end("n"))
    line = text[start : len(text) if end < 0 else end]
    return "\t" in line.strip() or " - " in line or re.search(r"\w-\t", line) is not None


def _name(words: list[str]) -> bool:
    first = kind(words[0])
    given = plain(words[0]) in first_names() and first is not Kind.WORD
    unknown = first is Kind.UNKNOWN and len(words[0]) >= MIN_UNKNOWN
    return (given or unknown) and all(kind(w) is not Kind.WORD for w in words[1:])
