"""Is a text an e-mail by its layout? Clinical notes are told by their share of clinical
words (``redaction.register``), and e-mail full of trade shorthand and times ("pm", "re",
"cc", "pt") can reach that share too; the e-mail name rules would then stand aside. A text
with three or more distinct message header labels at line starts (From, To, Cc, Subject,
Sent, Date) is e-mail, whatever its words. Pure function, no I/O."""

from __future__ import annotations

import re

from redaction.register import clinical_register

_HEADER = re.compile(r"^[ \t>]*(from|to|cc|subject|sent|date)[ \t]*:", re.IGNORECASE | re.MULTILINE)
MIN_LABELS = 3


def mail_layout(text: str) -> bool:
    """Three or more distinct header labels open lines of ``text``."""
    labels = {m.group(1).lower() for m in _HEADER.finditer(text)}
    return len(labels) >= MIN_LABELS


def clinical_text(text: str) -> bool:
    """A clinical note: clinical by its words and not laid out as e-mail."""
    return clinical_register(text) and not mail_layout(text)
