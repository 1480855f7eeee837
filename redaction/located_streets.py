"""Street lines told by a cue of living, meeting or sending rather than by a street word: "lives
on Hollenweg 12", "meet me at 48 Kvarnbacken 7", "send it to 9 Calle Ancha 3", "please update my
address to ...". After such a cue a capitalised name with a house number after it (any language,
any street word or none) is a street line; the town, region and postcode lines after it are
taken by ``redaction.street_blocks``. Without the cue "Gate 12", "Page 5" or "Channel 4" stay
readable, and so does a date ("on 12 March 2019")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.escaped_breaks import unescape_breaks
from redaction.plausible import shouting
from redaction.register import clinical_register
from redaction.street_blocks import WORD, block_end, block_start
from redaction.wordclass import Kind, kind

SOURCE = "pattern:address-cued"
_CUE = (
    r"(?i:(?:lives?|living|resides?|residing|located|situated|moved|move|relocated|stays?"
    r"|staying|sent|send|deliver(?:ed)?|ship(?:ped)?|mail(?:ed)?|post(?:ed)?|forward(?:ed)?"
    r"|return(?:ed)?|arrived|drops?[ \t]+(?:you|me|us)[ \t]+off|meet[ \t]+(?:me|you|us)"
    r"|enter|address(?:[ \t]+is)?|address[ \t]+to|taxi)"
    r"(?:[ \t]+(?:it|them|this|that|here|now|just|on[ \t]+the[ \t]+\w+[ \t]+side))?"
    r"[ \t]+(?:at|on|to|in|of|is|:)?)[ \t]*"
)
_HOUSE = r"\d{1,6}[a-zA-Z]?"
_MEASURE = (
    r"[ \t]*(?:%|(?i:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|times|people"
    r"|persons|km|miles?|metres?|meters?|kg|pounds?|dollars?|euros?|percent|am|pm)\b)"
)
_NAME = rf"{WORD}\.?(?:[ \t]+(?:{WORD}|[a-zà-ÿ]{{1,12}})\.?){{0,4}}[ \t]+{_HOUSE}"
_END = rf"(?![\w/-]|[.,]\d|{_MEASURE})"
_STREET = re.compile(rf"(?<![\w-]){_CUE}(?P<v>(?:{_HOUSE}[ \t]+)?{_NAME}){_END}")
# a form's or a letter's "Address:" label, the value on its line or the next
_ANNOUNCED = re.compile(
    rf"(?<![\w-])(?i:address(?:es)?)[ \t]*:[ \t]*(?:\r?\n[ \t]*)?"
    rf"(?P<v>(?:{_HOUSE}[ \t]+)?{_NAME}){_END}"
)
# after a bare "is at" only a house number, a name and a number: "is at 48 Kvarnbacken 7"
_NUMBERED = re.compile(
    rf"(?<![\w-])(?i:is|are|was)[ \t]+at[ \t]+(?P<v>{_HOUSE}[ \t]+{_NAME}){_END}"
)
_LOWER = re.compile(r"(?<![\w'-])[a-zà-ÿ]+(?![\w'-])")
_PARTICLES = frozenset(
    re.findall(
        r"\w+",
        "de del della delle dello degli dei di da do dos das la le les los las du des al el"
        " van von der den ter",
    )
)
_MONTHS = re.compile(
    r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d", re.ASCII
)
# a number after these is a place in a building, a text or a queue, not a house
_SMALL_WORDS = re.compile(
    r"(?i:the|a|an|my|our|your|his|her|their|this|that|page|gate|room|bed|ward|floor|level|unit"
    r"|lab|bay|pod|suite|apt|box|stage|phase|grade|step|item|chapter|section|exhibit|figure"
    r"|table|channel|platform|terminal|building|block|hall|office|desk|line|route|bus|train"
    r"|flight|door|seat|row|lot|plot|slot|round|week|day|year|number|no|part|article|rule|court"
    r"|courtroom|noon|midnight|bench|division|chamber|judge|justice|tribunal|committee|department"
    r"|dept|team|group|class|zone|district|sector|ward|wing|annex|appendix|schedule|para|paragraph)\b"
)


def _plain_lower(value: str) -> bool:
    """A lower-case English word inside ("Germany since 1987", "7 People within the next 5"):
    a sentence, not a street name ("Rákóczi út 66", "Calle de la Paz 4")."""
    words = _LOWER.findall(value)
    return any(w not in _PARTICLES and kind(w) is Kind.WORD for w in words)


def find_located_streets(text: str) -> Iterator[Finding]:
    """A capitalised street name and house number after a cue of living, meeting or sending,
    with the rest of its block."""
    if shouting(text) or clinical_register(text):
        return  # "MOVED TO BED 4", "sent to lab 2": a note's places are wards and beds
    view = unescape_breaks(text)
    for m in (*_STREET.finditer(view), *_NUMBERED.finditer(view), *_ANNOUNCED.finditer(view)):
        value = m.group("v")
        if _MONTHS.search(value) or _SMALL_WORDS.match(value) or _plain_lower(value):
            continue
        start, end = block_start(view, m.start("v")), block_end(view, m.end("v"))
        yield Finding(start, end, "ADDRESS", 0.75, SOURCE)
