"""Context-word recognizers for record numbers ("MRN", "Account", "Member ID", ...) and long
unlabelled numbers as a recall backstop."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.validators import digits

# Order matters: the first keyword group that matches names the label.
_ID_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("VEHICLE", r"(?-i:VIN)|license\s+plate|plate(?:\s+(?:no|number))?|vehicle\s+id"),
    (
        "DEVICE",
        r"serial(?:\s+(?:no|number))?|(?-i:S/N|SN)|device\s+(?:id|serial)|(?-i:UDI)|implant\s+id",
    ),
    (
        "HEALTH_PLAN",
        r"member\s*(?:id|no|number|#)|subscriber(?:\s+id)?|policy(?:\s+(?:no|number|id))?"
        r"|group\s*(?:no|number|#)|medicare|medicaid|beneficiary(?:\s+identifier)?|health\s+plan"
        r"|insurance\s+(?:id|no|number)|plan\s+id|(?-i:HICN|MBI)",
    ),
    (
        "MRN",
        r"(?-i:MRN|MR#)|medical\s+record(?:\s+(?:no|number))?|chart(?:\s+(?:no|number))?|patient\s+id"
        r"|encounter(?:\s+(?:id|no))?|accession(?:\s+(?:no|number))?",
    ),
    (
        "LICENSE",
        r"licen[cs]e(?:\s+(?:no|number))?|(?-i:NPI|DEA|SBN)|(?:state\s+)?bar\s+(?:no|number|id|#)|(?-i:DL)|certificate"
        r"|permit|passport(?:\s+(?:no|number))?|registration(?:\s+(?:no|number))?",
    ),
    (
        "ACCOUNT",
        r"acct|acc|account(?:\s+(?:no|number))?|(?-i:IBAN)|claim(?:\s+(?:no|number|id))?"
        r"|invoice(?:\s+(?:no|number))?|loan(?:\s+(?:no|number))?|billing(?:\s+(?:id|no))?"
        r"|customer\s+(?:id|no|number)|case\s+(?:id|no)|reference(?:\s+(?:no|number))?|ref",
    ),
)
_ID_VALUE = (
    r"(?-i:(?P<v>(?=[A-Z0-9]*\d|[A-Z]{1,5}[ -]\d)[A-Z0-9][A-Z0-9]*(?:[- /][A-Z0-9]*\d[A-Z0-9]*)*))"
)
# Upper-case codes glued to their number are part of the identifier: "MRN-448947", "SN CGM3261".
_SELF_LABELLED = re.compile(
    r"(?<![\w-])(?P<kw>MRN|MR|ACCT|ACC|SN|S/N|MBR|POL|CLM|INV)[-#: ]?"
    r"(?=[A-Z0-9]*\d)[A-Z0-9][\w-]{3,}(?!\w)"
)
_SELF_LABELS = {"MRN": "MRN", "MR": "MRN", "SN": "DEVICE", "S/N": "DEVICE", "MBR": "HEALTH_PLAN",
                "POL": "HEALTH_PLAN"}  # fmt: skip
_FILLER = (
    r"(?:'s)?[\s:#.()\-]*(?:(?:no|number|num|id|is|identifier|of|on\s+file)\b[\s:#.()\-]*){0,3}"
)
_ID_RX = tuple(
    (label, re.compile(rf"\b(?:{kw})\b{_FILLER}{_ID_VALUE}(?![\w-])", re.IGNORECASE))
    for label, kw in _ID_KEYWORDS
)
_NEUTRAL_BEFORE = re.compile(
    r"(?:\b(?:ICD(?:-?\d+)?(?:-CM)?|CPT|HCPCS|LOINC|NDC|SNOMED|routing|ABA|RTN|docket|case\s+no"
    r"|civil\s+action|U\.?S\.?C|C\.?F\.?R|code|rule|section|§+|art\.?|article|page|pp?\.)\W{0,4})$",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(
    r"(?<![\w.,/-])(?=(?:[A-Z-]*\d){7})[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w/-]|[.,]\d)"
)


def find_context_ids(text: str) -> Iterator[Finding]:
    """Identifiers announced by a context word, labelled by that word."""
    for label, rx in _ID_RX:
        for m in rx.finditer(text):
            yield Finding(m.start("v"), m.end("v"), label, 0.85, f"context:{label.lower()}")


def find_self_labelled(text: str) -> Iterator[Finding]:
    """Identifiers carrying their own type code, the code included in the span."""
    for m in _SELF_LABELLED.finditer(text):
        label = _SELF_LABELS.get(m.group("kw"), "ACCOUNT")
        yield Finding(m.start(), m.end(), label, 0.9, f"context:{label.lower()}")


def find_long_numbers(text: str) -> Iterator[Finding]:
    """Any run with >= 7 digits not announced as a code/statute/routing number: an ID."""
    for m in _LONG_NUMBER.finditer(text):
        if _NEUTRAL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if len(digits(m.group())) >= 7:
            yield Finding(m.start(), m.end(), "ACCOUNT", 0.6, "context:number")
