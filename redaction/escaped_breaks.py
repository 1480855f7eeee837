"""Escaped line breaks: generated data and some exports (JSON dumps, CSV cells, logs) carry a
literal backslash and "n" where a line break was meant ("Phone:\\n+41 22 555 01 23"). Word
boundaries then fail ("nPhone", "n+41"), and the phone, e-mail, URL and address recognizers miss
what follows. They are run again on a view of the text in which each escaped break is a blank
and a real break: the same length, so every offset holds."""

from __future__ import annotations

from collections.abc import Iterator

from models.finding import Finding
from redaction.addresses import find_international
from redaction.identifiers import find_identifiers
from redaction.places import find_addresses

ESCAPED = "\\n"


def unescape_breaks(text: str) -> str:
    """``text`` with each literal backslash-n as a blank and a line break (same length)."""
    return text.replace(ESCAPED, " \n")


def find_behind_escaped_breaks(text: str) -> Iterator[Finding]:
    """Identifier and address findings of the unescaped view (nothing when there is no escaped
    break: the ordinary recognizers have read the text already). Patterns only: an announced
    address ("Address book ...") reads no better across a break."""
    if ESCAPED not in text:
        return
    view = unescape_breaks(text)
    for recognizer in (find_identifiers, find_addresses, find_international):
        for f in recognizer(view):
            if ESCAPED not in text[f.start : f.end] and f.source != "context:address":
                yield f
