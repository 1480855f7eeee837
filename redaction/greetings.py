"""Names greeted at the top of a message, nicknames and names from anywhere included: "Hey
Bex,", "hi tamsin!", "Dear Mr. Quillfeather:", and a bare salutation line ("Zebedee,") set off
by blank lines. The other salutation rules want a census given name; here the layout is the
evidence: no word greeted may be a plain word ("Hi all,", "Dear Sir,", "Team,"), a word of no
lexicon needs two letters after a greeting and three alone, and a bare salutation must be
written like the text (capitalised in mixed case). Not in clinical notes. Pure function, no
I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.mail_register import clinical_text
from redaction.residual_acronyms import lower_register, mostly_upper
from redaction.wordclass import Kind, kind

SOURCE = "context:greeting"
_W = r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)?"
_TITLE = r"(?:(?i:mr|mrs|ms|mx|dr|prof)\.?[ \t]+)?"
_GREETED = re.compile(
    r"^[ \t>]*(?i:hi|hello|hey|dear|hiya|good[ \t]+(?:morning|afternoon|evening)|morning)"
    rf"[ \t]+{_TITLE}(?P<n>{_W}(?:[ \t]+{_W})?)[ \t]*(?:[,!:-]|\r?$)",
    re.MULTILINE,
)
_BARE = re.compile(rf"(?:\A|\n[ \t>]*\r?\n)[ \t>]*(?P<n>{_W})[ \t]*,[ \t]*\r?\n[ \t>]*\r?\n")
# salutations to a group and greetings alone, which a word list may not hold in the plural
# or the spelling used
_GROUPS = frozenset({
    "all", "folks", "guys", "gents", "gentlemen", "ladies", "everyone", "everybody", "team",
    "colleagues", "friends", "sirs", "fyi", "y'all", "yall", "people", "hey", "hi", "hello",
    "hiya", "thanks", "greetings",
})  # fmt: skip
MIN_GREETED = 2
MIN_BARE = 3


def find_greeted_names(text: str) -> Iterator[Finding]:
    """Greeted names and bare salutations (none in clinical notes)."""
    if clinical_text(text):
        return
    for m in _GREETED.finditer(text):
        if all(_name_word(w, MIN_GREETED) for w in m.group("n").split()):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)
    upper, lower = mostly_upper(text), lower_register(text)
    for m in _BARE.finditer(text):
        word = m.group("n")
        written = word.isupper() if upper else word.islower() if lower else word.istitle()
        if written and _name_word(word, MIN_BARE):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.7, SOURCE)


def _name_word(word: str, least: int) -> bool:
    k = kind(word)
    if k is Kind.WORD or word.lower() in _GROUPS:
        return False
    return k is not Kind.UNKNOWN or len(word) >= least
