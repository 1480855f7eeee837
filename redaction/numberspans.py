"""A number is redacted whole: never a partly readable phone number beside an ACCOUNT token.

A recognizer may take only part of a phone number (the long last group of ``+49 30
12345678`` as an account number, ``617-555-0143`` without its ``/ 0144`` or ``x22``). A
phone or account finding is widened over the whole run of digit groups it sits in (groups
joined by a space, dot, dash, slash or brackets, with an extension), and the run is a PHONE
when it looks like one: a ``+`` or bracketed area code, a phone cue before it, or a phone
finding inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding

_GROUP = r"\(?\d{1,10}\)?"
_RUN = re.compile(
    rf"(?<![\w.+/-])\+?{_GROUP}(?:(?:[ \t]?[-./][ \t]?|[ \t]){_GROUP}){{0,6}}"
    r"(?:[ \t]*(?:x|ext\.?|extn\.?|extension)[ \t]*\d{1,6})?(?![\w/])",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"(?i:\b(?:tel|telephone|phone|ph|call|cell|mobile|mob|fax|pager|beeper|contact|whatsapp"
    r"|landline|hotline)\b)[^\n\w]{0,4}(?:\w+[^\n\w]{1,3}){0,3}$"
)
_WIDENED = frozenset({"PHONE", "ACCOUNT"})
MIN_DIGITS, MAX_DIGITS = 7, 17


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _phone_like(text: str, run: re.Match[str], labels: set[str]) -> bool:
    value = run.group()
    if "PHONE" in labels or value.startswith(("+", "(")):
        return True
    return _CUE.search(text, max(0, run.start() - 40), run.start()) is not None


def _run(text: str, f: Finding) -> re.Match[str] | None:
    """The digit run holding ``f`` (looked for on its line)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    for m in _RUN.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if m.start() <= f.start and f.end <= m.end():
            return m if MIN_DIGITS <= _digits(m.group()) <= MAX_DIGITS else None
    return None


def whole_numbers(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Phone and account findings widened over their whole digit run (others unchanged)."""
    out = list(findings)
    for f in findings:
        if f.label not in _WIDENED:
            continue
        run = _run(text, f)
        if run is None:
            continue
        inside = {g.label for g in findings if run.start() <= g.start and g.end <= run.end()}
        label = "PHONE" if _phone_like(text, run, inside) else f.label
        if (run.start(), run.end(), label) == (f.start, f.end, f.label):
            continue
        out.append(Finding(run.start(), run.end(), label, f.score, f"{f.source}+run"))
    return out
