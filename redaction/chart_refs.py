"""Charting systems named as the place to look, in clinical notes: "see Vitalview for details",
"refer to chartwell charting", "ABGs available in VITALVIEW". NER calls such a product name a
person or an organisation, and it then spreads to every mention. A one-word NER person or
organisation is a system when a records word follows it ("for details", "for further",
"charting", "flowsheet") and "see", "refer to" or "per" precedes it or no lexicon knows it, or
when a records cue that leaves no doubt precedes it ("section of", "available in"); so is
every other one-word NER mention of the same word. Census names are never taken for systems
("see Hale for details" may name a doctor), places are left alone, and cued names ("Dr. ...")
are not NER findings and stay. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, kind

_STRONG_BEFORE = re.compile(
    r"(?i:\bsection\s+of|\b(?:available|listed|documented|charted|recorded|entered)"
    r"\s+(?:in|on))\s+\Z"
)
_WEAK_BEFORE = re.compile(r"(?i:\bsee|\brefer(?:red)?\s+to|\bper)\s+\Z")
_AFTER = re.compile(
    r"\s*[.,;:]?\s*(?i:for\s+(?:all\s+|more\s+|further\s+|full\s+)?(?:details?|data|info"
    r"|information|specifics|values|results|objective|vitals|vs|numbers|trends?)"
    r"|charting|flow\s*sheets?|flowsheets?|documentation)\b"
)
_ONE_WORD = re.compile(r"[^\W\d_]+")
_LABELS = frozenset({"PERSON", "ORGANIZATION"})
_LOOKBACK = 24


def drop_chart_references(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """The findings without the charting systems a clinical note refers its reader to: every
    one-word NER mention of a word that one mention shows to be a system."""
    if not clinical_register(text):
        return list(findings)
    systems = {_value(text, f) for f in findings if _chart_reference(text, f)}
    return [f for f in findings if not (_lone_ner(text, f) and _value(text, f) in systems)]


def _chart_reference(text: str, f: Finding) -> bool:
    """A records cue after the word (after "see", "refer to", "per", or for a word in no
    lexicon), or a strong one before it; never a census name."""
    if not _lone_ner(text, f) or kind(text[f.start : f.end]) in (Kind.NAME, Kind.WORDNAME):
        return False
    window = max(0, f.start - _LOOKBACK)
    strong = _STRONG_BEFORE.search(text, window, f.start) is not None
    weak = _WEAK_BEFORE.search(text, window, f.start) is not None
    after = _AFTER.match(text, f.end) is not None
    return strong or (after and (weak or kind(text[f.start : f.end]) is Kind.UNKNOWN))


def _lone_ner(text: str, f: Finding) -> bool:
    """A one-word person or organisation NER alone found."""
    if f.label not in _LABELS or not f.source.startswith("ner:"):
        return False
    return _ONE_WORD.fullmatch(text, f.start, f.end) is not None


def _value(text: str, f: Finding) -> str:
    return text[f.start : f.end].casefold()
