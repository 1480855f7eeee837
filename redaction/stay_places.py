"""Places told by what the patient did there, in any case: the facility where a patient
stayed or was seen, written as its initials or a short name ("intubated three times, which
she had at qgh.", "WAS AT QMC FOR 2 WKS", "seen by QRMC"), and a place named by a bare
geographic noun after a preposition ("meeting at harbor"; "at the harbor" is any harbour).
The word must be in no lexicon and read as no shorthand (``uncued_kind``), and no nursing time
("was at hs")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, uncued_kind

SOURCE = "context:stay"
_STAYED = re.compile(
    r"(?i)(?<![\w-])(?:had|was|were|been|stayed|admitted|seen|treated|hospitalized|intubated"
    r"|transferred|transfered|came|sent|discharged|followed|evaluated)"
    r"[ \t]+(?:at|from|to|by)[ \t]+(?P<w>[^\W\d_]{2,5})\b"
    r"(?=[ \t]*[.,;)]|[ \t]*$|[ \t]+(?:for|in|on|x|and|where|last|since|until|with)\b)",
    re.MULTILINE,
)
# Nursing times and public services, not a facility's name ("was at hs", "seen at VA").
_NOT_NAMES = frozenset(
    ("hs", "qhs", "noc", "mn", "am", "pm", "hrs", "eve", "nite", "home", "rehab", "va", "er")
)
_GEO = r"(?:harbou?r|shores?|valley|heights|springs|ridge|creek|glen|grove|meadows|landing)"
_BARE = re.compile(
    rf"(?i)(?<![\w-])(?:at|from|in|near)[ \t](?P<w>{_GEO})\b(?![ \t]*(?:#[ \t]*)?\d)"
    r"(?![ \t]+(?:of|area|side|level)\b)(?=[ \t]*[.,;)\n]|[ \t]*$|[ \t]+[a-z])",
    re.MULTILINE,
)


def find_stay_places(text: str) -> Iterator[Finding]:
    """ADDRESS spans for the place a patient stayed or was seen."""
    for m in _STAYED.finditer(text):
        w = m.group("w")
        if w.lower() not in _NOT_NAMES and uncued_kind(w) is Kind.UNKNOWN:
            yield Finding(m.start("w"), m.end("w"), "ADDRESS", 0.7, SOURCE)
    for m in _BARE.finditer(text):
        yield Finding(m.start("w"), m.end("w"), "ADDRESS", 0.7, SOURCE)
