"""Names listed one per line: attendee, distribution and contact lists ("Attendees:\\n\\tIna
Varga\\n\\tOlek Dumont\\n\\tZofia Kwiatkowska"). NER finds a name here and there in such a
block and misses the rest. Two or more adjacent lines, each indented or bulleted and holding
only a name-shaped cell of two or three words written as the text writes names (capitalised;
lower case in a lower-case text, capitals in an all-caps one; a title before it allowed), are a
name list when every line's first word is a census given name that is no plain word, a name
that is no word, or a word of no lexicon (four letters or more), and no other word is a plain
word ("\\tGas Desk\\n\\tPower Trading" stays). Not in clinical notes. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from models.finding import Finding
from redaction.header_items import person_words
from redaction.mail_register import clinical_text
from redaction.residual_acronyms import lower_register, mostly_upper

SOURCE = "context:name-list"
_WORD = r"[^\W\d_][\w'\u2019-]*\.?"
_LINE = re.compile(
    r"^(?:[ \t>]*[-*\u2022\u00b7o][ \t]+|[ \t>]*\d{1,2}[.)][ \t]+|[ \t]+)"
    r"(?:(?i:dr|mr|mrs|ms|mx|prof)\.?[ \t]+)?"
    rf"(?P<n>{_WORD}(?:[ \t]+{_WORD}){{1,2}})[ \t]*\r?$",
    re.MULTILINE,
)
MIN_LINES = 2


def find_listed_names(text: str) -> Iterator[Finding]:
    """Every name of a run of two or more name lines (none in clinical notes)."""
    if clinical_text(text):
        return
    written = _case_test(text)
    run: list[re.Match[str]] = []
    for m in _LINE.finditer(text):
        if not all(written(w) for w in m.group("n").split()):
            continue
        if run and not _adjacent(text, run[-1], m):
            yield from _flush(run)
            run = []
        run.append(m)
    yield from _flush(run)


def _case_test(text: str) -> Callable[[str], bool]:
    """How a name is written in ``text``: capitalised, or lower case in a lower-case text, or
    capitals in an all-caps one (an initial passes in any case)."""
    if mostly_upper(text):
        return lambda w: w.isupper()
    if lower_register(text):
        return lambda w: w.islower() or len(w.rstrip(".")) == 1
    return lambda w: w[:1].isupper()


def _adjacent(text: str, prev: re.Match[str], m: re.Match[str]) -> bool:
    return text[prev.end() : m.start()].strip("\r") == "\n"


def _flush(run: list[re.Match[str]]) -> Iterator[Finding]:
    if len(run) >= MIN_LINES and all(person_words(m.group("n").split()) for m in run):
        for m in run:
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)
