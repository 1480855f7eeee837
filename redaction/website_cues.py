"""Web sites named after a label ("Website: quillmoor.example", "Web:\\nhost.co.nz/shop"): a
bare host name with no scheme, no "www." and no path is a URL only where a label announces it
(a sentence's "e.g." or "Fig.3" is none)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.escaped_breaks import unescape_breaks

SOURCE = "context:website"
_WEBSITE = re.compile(
    r"(?<![\w-])(?i:website|web[ \t]*site|web|homepage|home[ \t]*page|url|site)[ \t]*:[ \t]*"
    r"(?:\r?\n[ \t]*)?"
    r"(?P<v>(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}"
    r"(?:/(?:[^\s<>\"')\]]*[\w/])?)?)(?![\w-]|\.\w)"
)


def find_cued_websites(text: str) -> Iterator[Finding]:
    """Host names after a "Website:"/"Web:"/"URL:" label: URL."""
    for m in _WEBSITE.finditer(unescape_breaks(text)):
        yield Finding(m.start("v"), m.end("v"), "URL", 0.85, SOURCE)
