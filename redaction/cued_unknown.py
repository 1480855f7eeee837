"""A lone capitalised word in no lexicon after a verb of contact: "spoke with Zebedee this
morning", "ask Thorvald", "call Ottoline @ x3916". The census lists the other lone-name rules
lean on hold few given names from outside the US; after a verb that takes a person (talk,
speak, ask, tell, thank, remind, ping, call, cc, per) a capitalised word of four letters or
more that is in no lexicon is a name. Prepositions alone ("by Quorvex", "to Brindlecorp") are
no such cue, and a capitalised word right after it makes a company or a place ("call Quorvex
Networks"). Not in clinical notes. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, kind

SOURCE = "lexicon:cued-unknown"
_CUE = (
    r"talk(?:ed|ing)?[ \t]+(?:to|with)|spoke[ \t]+(?:to|with)|spoken[ \t]+(?:to|with)"
    r"|speak(?:ing)?[ \t]+(?:to|with)|ask(?:ed)?|tell|told|thanks|thank|remind(?:ed)?"
    r"|ping(?:ed)?|cc['\u2019]?d|per|call(?:ed)?"
)
_LONE = re.compile(
    rf"(?<![\w'\u2019-])(?i:{_CUE})[ \t]+(?P<n>[A-Z][a-z]{{3,}})(?![\w'\u2019@/-]|[ \t]+[A-Z])"
)


def find_cued_unknown_names(text: str) -> Iterator[Finding]:
    """Capitalised words in no lexicon after a verb of contact (none in clinical notes)."""
    if clinical_text(text):
        return
    for m in _LONE.finditer(text):
        if kind(m.group("n")) is Kind.UNKNOWN:
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.65, SOURCE)
