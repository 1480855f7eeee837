"""E-mail text that still carries quoted-printable encoding, read as its decoded form.

Mail exported as plain text often keeps its transfer encoding: soft line breaks ("=" ending a
line, so "Coll=\\nins" is one word), "=20" and "=09" for spaces and tabs, "=3D" for "=". Names
split or glued that way escape every rule ("To:=09Acme Gas - Ines Varga", "Ines Var=\\nga").
When a text shows such artefacts, the e-mail name rules are run again on its decoded view and
their findings mapped back to the original offsets (a name across a soft break covers the break
too). Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from models.finding import Finding

Recognizer = Callable[[str], Iterable[Finding]]
_ARTEFACT = re.compile(r"=(?:\r?\n|[0-9A-F]{2})")
_SOFT = re.compile(r"=\r?\n")
MIN_HEX = 2  # one "=3D" can be a formula; two hex escapes (or a soft break) are encoding


def decoded_view(text: str) -> tuple[str, list[int], list[int]] | None:
    """The decoded text with, per decoded char, the (start, end) of what it came from in
    ``text``; None when ``text`` shows no quoted-printable encoding."""
    hexes = sum(1 for m in _ARTEFACT.finditer(text) if m.group()[1] not in "\r\n")
    if _SOFT.search(text) is None and hexes < MIN_HEX:
        return None
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ARTEFACT.finditer(text):
        _copy(text, pos, m.start(), chars, starts, ends)
        if m.group()[1] not in "\r\n":
            chars.append(bytes([int(m.group()[1:], 16)]).decode("cp1252", "replace"))
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    _copy(text, pos, len(text), chars, starts, ends)
    return "".join(chars), starts, ends


def _copy(
    text: str, lo: int, hi: int, chars: list[str], starts: list[int], ends: list[int]
) -> None:
    chars.extend(text[lo:hi])
    starts.extend(range(lo, hi))
    ends.extend(range(lo + 1, hi + 1))


def decoded_findings(text: str, recognizers: Iterable[Recognizer]) -> Iterator[Finding]:
    """What ``recognizers`` find in the decoded view of ``text``, in ``text``'s offsets."""
    view = decoded_view(text)
    if view is None:
        return
    decoded, starts, ends = view
    for recognize in recognizers:
        for f in recognize(decoded):
            if f.end > f.start:
                start, end = starts[f.start], ends[f.end - 1]
                yield Finding(start, end, f.label, f.score, f.source)


def find_decoded_names(text: str) -> Iterator[Finding]:
    """The e-mail name rules run on the decoded view of a quoted-printable text."""
    from redaction.cued_given import find_cued_given_names
    from redaction.email_names import find_email_names
    from redaction.header_items import find_header_item_names
    from redaction.list_entries import find_list_entry_names
    from redaction.signatures import find_signature_names
    from redaction.signoffs import find_signoff_names
    from redaction.wrapped_names import find_wrapped_names

    rules: tuple[Recognizer, ...] = (
        find_email_names,
        find_header_item_names,
        find_cued_given_names,
        find_wrapped_names,
        find_list_entry_names,
        find_signature_names,
        find_signoff_names,
    )
    yield from decoded_findings(text, rules)
