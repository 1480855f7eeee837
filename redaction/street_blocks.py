"""Whole address blocks in letters, forms and e-mails: once a street line is found, the lines of
the block after it that are address-shaped go with it (a unit line "Apt. 4", "Suite 210", a town
line, a region, "Country 1234", a postcode alone), up to a blank line or a line that is no
address line; a house or building number before the street goes too ("12 4 Elm Road"). Also
military addresses ("PSC 1234, Box 567 / APO AE 09012", "USS Name / FPO AP 96601") and street
corners ("the corner of X and Y"). One ADDRESS finding per block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.addresses import _NUMBER_FIRST, _STREET_FIRST, _english_glued
from redaction.escaped_breaks import unescape_breaks
from redaction.lookalikes import street_lookalike
from redaction.places import _STREET
from redaction.plausible import shouting
from redaction.register import clinical_register

SOURCE = "pattern:address-block"
_UP = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я"
_LOW = "a-zß-öø-ÿā-žα-ωа-я"
# a town/region/country word: capitalised or all caps ("Reykjavík", "SAINT-ÉTIENNE", "Wil")
# (a dot only after an abbreviation, "St. Louis": "Missouri. Organized" is two sentences)
WORD = (
    rf"[{_UP}](?:[{_UP}{_LOW}]{{1,2}}\."
    rf"|[{_UP}{_LOW}'\u2019]+(?:-[{_UP}{_LOW}][{_UP}{_LOW}'\u2019]*)*(?![\w']))"
)
_PARTICLE = (
    r"(?:de|del|do|da|dos|das|di|la|le|les|lès|im|am|an|der|den|sur|sous|en|y|i|e|upon|u|v|na"
    r"|nad|pod|bei|aan|op)"
)
_TOWN = rf"{WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?(?:{WORD}|[{_UP}]\b)){{0,3}}"
_POSTCODE = (
    r"(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{3,4})?(?:[ \t]?[A-Z]{2}(?![\w]))?"  # 80331, 1015 CJ, 2830-466
    r"|\d{3}[ \t]\d{2,3}"  # 342 01, 600 017
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # Canada
)
_UNIT = (
    r"(?i:apt|apartment|suite|ste|unit|floor|fl|room|rm|flat|bldg|building|box|p\.?o\.?[ \t]*box"
    r"|po[ \t]+box|postfach|bus|étage|piso|c/o)\.?[ \t]*#?[ \t]*\d[\w/-]*"
)
# one line of a block, after a line break or a comma
_LINE = re.compile(
    rf"(?:{_UNIT}(?:,?[ \t]+{_UNIT})*"
    rf"|(?:{_TOWN})?(?:,?[ \t]+(?:[A-Z]{{2}}|{_TOWN}))?(?:,?[ \t]*(?:{_POSTCODE}))?"
    rf"|{_POSTCODE})(?:(?=[ \t]*(?:[,.;:!?)]|\r?\n|$))|(?<=\d)(?!\w))"
)
# what parts the lines of a block ("\\n": generated data and some exports carry escaped breaks)
_SEP = re.compile(r"[ \t]*(?:(?:\r?\n|\\n)[ \t]*)+|[ \t]*,[ \t]*")
# never a town line: the labels that follow an address in a letterhead or a signature
_LABEL = re.compile(
    r"(?i:phone|tel|telephone|mobile|cell|fax|e-?mail|website|web|www|office|desk|attn|dear"
    r"|re|subject|from|to|cc|sent|date|dated|tel\.|ph|direct|main|home|work|and|or|thanks"
    r"|regards|sincerely|yours|best|cheers|note|notes|signed|sir|madam|hi|hello|voice|pager"
    r"|ddi|wk|url|http|https|invoices?|notices?|q|a)\b"
)
# a street line of any language that a unit line follows ("Ibirapita 6970 / Suite 5")
_NAME_WORDS = rf"(?:(?:{WORD}|{_PARTICLE}|[{_LOW}]{{1,4}}\.)[ \t]+){{0,4}}"
_STREETISH = re.compile(
    rf"(?<![\w.-])(?:\d{{1,6}}[a-zA-Z]?[ \t]+)?{_NAME_WORDS}{WORD}\.?"
    rf"(?:[ \t]+\d{{1,5}}[a-zA-Z]?\.?)?(?=(?:{_SEP.pattern}){_UNIT})"
)
# a numbered street a unit follows on its line ("170 Hauptstr 7 Apt. 5")
_STREETISH_UNIT = re.compile(
    rf"(?<![\w.-])\d{{1,6}}[a-zA-Z]?[ \t]+{_NAME_WORDS}{WORD}\.?"
    rf"[ \t]+\d{{1,5}}[a-zA-Z]?\.?(?=[ \t]+{_UNIT})"
)
_SAME_LINE_UNIT = re.compile(rf"[ \t]+{_UNIT}")
# the town (and region, country, postcode) a unit is followed by on its line
_SAME_LINE_TOWN = re.compile(
    rf"[ \t]+{_TOWN}(?:[ \t]+(?:[A-Z]{{2}}|{_TOWN}))?(?:,?[ \t]*(?:{_POSTCODE}))?"
    r"(?:(?=[ \t]*(?:[,.;:!?)]|\r?\n|$)|[ \t]+(?:for|and|after|before|please|on|in|at|by|to"
    r"|since|until|last|this|next|but|or|so|if|when|with|from)\b)|(?<=\d)(?!\w))"
)
_UNIT_END = re.compile(rf"{_UNIT}$")
# a unit word a street pattern took for a name word ("14 rue Haute Apt." before "864")
_UNIT_WORD_END = re.compile(r"[ \t]+(?i:apt|apartment|suite|ste|unit|flat|room|floor)\.?$")
_MONTHS = re.compile(
    r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d", re.ASCII
)
_POSTCODE_LINE = re.compile(rf"[{_UP}].*\d\s*$")
_LEAD_NUMBER = re.compile(r"(?:(?<![\w.,/-])\d{1,6}[ \t]+)+$")
_LEAD_UNIT = re.compile(rf"(?<![\w.-]){_UNIT}[ \t]+$")
_MILITARY = re.compile(
    r"(?<![\w-])(?:(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{1,5}"
    rf"|(?:USS|USNS|USNV|USCGC)[ \t]+{WORD}(?:[ \t]+{WORD})?)"
    r"(?:[ \t]*(?:\r?\n|\\n|,)[ \t]*)(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?![\w-])"
    r"|(?<![\w-])(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?![\w-])"
)
# a postcode announced as one, in any country's form ("zip code is V6C 1B4", "ZIP: 675 32"; not
# "NPO post 2400", after midnight)
_CUED_POSTCODE = re.compile(
    r"\b(?i:zip(?:[ \t]*code)?|postcode|post[ \t]*code|postal[ \t]*code|pin[ \t]*code)"
    r"(?:[ \t]+(?i:is))?[ \t]*[:.-]?[ \t]*"
    rf"(?P<v>{_POSTCODE})(?![\w-])"
)
_PLACE = r"[^\s,.;:!?(){}\"]+(?:[ \t]+[^\s,.;:!?(){}\"]+){0,4}?"
_CORNER = re.compile(
    rf"(?<!\w)(?:(?i:the)[ \t]+)?(?i:corner)[ \t]+of[ \t]+{_PLACE}[ \t]+and[ \t]+{_PLACE}"
    r"(?=[ \t]*(?:[,.;:!?)]|\r?\n|\\n|$)|[ \t]+(?:after|before|at|in|on|when|where|for)\b)"
)


def _town_ok(line: str) -> bool:
    """A town/region/country line: no label, no sentence ("Phone", "Dear Sir" end a block)."""
    return bool(line.strip()) and _LABEL.match(line.strip()) is None


def block_end(text: str, end: int) -> int:
    """The end of the address-shaped lines after a street line ending at ``end``."""
    pos = _same_line(text, end)
    while True:
        sep = _SEP.match(text, pos)
        if sep is None or sep.end() == sep.start():
            return pos
        line = _LINE.match(text, sep.end())
        if line is None or line.end() == line.start() or not _town_ok(line.group()):
            return pos
        if sep.group().count("\n") > 1 and not _POSTCODE_LINE.search(line.group()):
            return pos  # a blank line ends the block, unless a "Country 1234" line follows
        pos = line.end()


def _same_line(text: str, end: int) -> int:
    """The unit lines, then the town, written on the street's own line."""
    pos = end
    while unit := _SAME_LINE_UNIT.match(text, pos):
        pos = unit.end()
    after_unit = pos > end or _UNIT_END.search(text, max(0, end - 24), end) is not None
    town = _SAME_LINE_TOWN.match(text, pos) if after_unit else None
    return town.end() if town and _town_ok(town.group()) else pos


def block_start(text: str, start: int) -> int:
    """A unit line and house/building numbers written before the street ("Apt. 2 14 Elm St")."""
    while True:
        window = text[max(0, start - 40) : start]
        lead = _LEAD_NUMBER.search(window) or _LEAD_UNIT.search(window)
        if lead is None:
            return start
        start -= len(window) - lead.start()


def _anchors(text: str) -> Iterator[tuple[int, int]]:
    caps = shouting(text)
    for m in _STREET.finditer(text):
        if not street_lookalike(m.group(), caps):
            yield m.start(), m.end()
    for rx in (_STREET_FIRST, _NUMBER_FIRST):
        for m in rx.finditer(text):
            if not (rx is _STREET_FIRST and _english_glued(m.group())):
                cut = _UNIT_WORD_END.search(m.group())
                yield m.start(), m.start() + cut.start() if cut else m.end()
    if caps or clinical_register(text):
        return  # "ROOM 4", "UNIT 2" in a note follow no street
    for rx in (_STREETISH, _STREETISH_UNIT):
        for m in rx.finditer(text):
            if any(ch.isdigit() for ch in m.group()) and not _MONTHS.search(m.group()):
                yield m.start(), m.end()


def find_street_blocks(text: str) -> Iterator[Finding]:
    """Street lines widened over their block; military addresses; street corners; postcodes
    announced as such."""
    view = unescape_breaks(text)
    for start, end in _anchors(view):
        first, last = block_start(view, start), block_end(view, end)
        if (first, last) != (start, end):
            yield Finding(first, last, "ADDRESS", 0.8, SOURCE)
    for rx in (_MILITARY, _CORNER):
        for m in rx.finditer(view):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.8, SOURCE)
    for m in _CUED_POSTCODE.finditer(view):
        yield Finding(m.start("v"), m.end("v"), "ADDRESS", 0.8, SOURCE)
