"""The name under a closing line of a letter or e-mail, in any case and from any country:
"Thanks,\\nHenrike Quist", "THANKS,\\nLEOPOLD", "thx\\n\\nbarnaby", "Regards,\\nJB". The other
sign-off rules want a census given name first; names from outside the census lists, initials
and all-caps mail escape them. Here the layout is the evidence: a closing alone on its line,
then (after blank lines at most) a line of one to three words ending there, none of them a plain
word ("Thanks,\\nThe Team" and "Regards,\\nAcme Support" stay). A dash sign-off alone on
its line after a blank line ("\\n\\n-Ondine") is read the same way. Not in clinical notes. Pure
function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, kind

SOURCE = "context:signoff"
_CLOSINGS = (
    r"thanks|thx|tx|thank[ \t]+you|many[ \t]+thanks|thanks[ \t]+again|regards|best[ \t]+regards"
    r"|kind[ \t]+regards|warm[ \t]+regards|rgds|best|cheers|sincerely"
    r"|yours[ \t]+(?:truly|sincerely)|respectfully|take[ \t]+care|ta"
)
_WORD = r"[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*\.?"
_TITLE = r"(?i:dr|mr|mrs|ms|mx|prof)\.?"
_SIGNOFF = re.compile(
    rf"^[ \t>]*(?i:{_CLOSINGS})[ \t]*[,!.:-]*[ \t]*\r?\n(?:[ \t>]*\r?\n){{0,2}}[ \t>]*"
    rf"(?:{_TITLE}[ \t]+)?(?P<n>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*\r?$",
    re.MULTILINE,
)
# a dash sign-off alone on its line after a blank line: "\n\n-Ondine", "\n\n-- jb"
_DASHED = re.compile(
    rf"\n[ \t>]*\r?\n[ \t>]*-{{1,2}}[ \t]?(?P<n>{_WORD}(?:[ \t]+{_WORD})?)[ \t]*\r?$",
    re.MULTILINE,
)
MIN_LETTERS = 2
MIN_DASHED = 3


def find_signoff_names(text: str) -> Iterator[Finding]:
    """Names on the line under a closing (none in clinical notes)."""
    if "\n" not in text or clinical_text(text):
        return
    for m in _SIGNOFF.finditer(text):
        words = m.group("n").split()
        if all(_name_word(w, i == 0) for i, w in enumerate(words)):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)
    for m in _DASHED.finditer(text):
        words = m.group("n").split()
        if len(words[0]) >= MIN_DASHED and all(_name_word(w, i == 0) for i, w in enumerate(words)):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)


def _name_word(word: str, first: bool) -> bool:
    """No plain word; an initial only after the first word, and the first word two letters or
    more ("JB", "Ines")."""
    bare = word.rstrip(".")
    if len(bare) < MIN_LETTERS:
        return not first
    return kind(bare) is not Kind.WORD
