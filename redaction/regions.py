"""Regions named by a compass word and a geographic noun, in any case: "on vacation on the
eastern shore", "FAMILY FROM THE NORTH SHORE", "lives in west valley". A geographic subdivision
smaller than a state is a Safe Harbor identifier; a numbered bay or bed ("west bay 3") is a
ward area, and "the east wing" or "south side" are no region (no geographic noun)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

SOURCE = "context:region"
# Generic nouns of US and UK region and town names.
_GEO = (
    r"(?:shores?|coast|bay|valley|hills|heights|springs|beach|island|ridge|county|highlands"
    r"|lakes|plains|end)"
)
_REGION = re.compile(
    r"(?i)(?<![\w-])(?:the[ \t]+)?(?P<r>(?:eastern|western|northern|southern|east|west|north"
    rf"|south)[ \t]+{_GEO})\b(?![ \t]*(?:#[ \t]*)?\d)(?![ \t]+(?:of|wall|side|wing|unit)\b)"
)


def find_regions(text: str) -> Iterator[Finding]:
    """ADDRESS spans for compass-word regions (the article stays readable)."""
    for m in _REGION.finditer(text):
        yield Finding(m.start("r"), m.end("r"), "ADDRESS", 0.7, SOURCE)
