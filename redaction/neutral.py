"""Neutral zones: look-alikes that must stay readable (case and statute citations, clinical
codes, drug doses, lab values, eponymous diseases). Weak findings inside them are dropped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding
from redaction.public_bodies import public_zones

_REPORTER = (
    r"\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.(?:\s?(?:2d|3d|4th))?"
    r"|F\.\s?Supp\.(?:\s?(?:2d|3d))?|[A-Z][A-Za-z.]*\s?(?:2d|3d|4th)?)\s+\d{1,5}"
)
_CAPWORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'\u2019.-]*"
_PARTY = r"(?:[A-Z][\w'\u2019&-]*|Corp\.|Inc\.|Co\.|Ltd\.|Bros\.|Ass'n|Dep't|Cnty\.)"
_PATTERNS = (
    # Bell Atlantic Corp. v. Twombly, 550 U.S. 544 (2007)
    rf"(?:{_PARTY}\s+){{0,6}}v\.?\s+(?:[A-Z][\w'\u2019&.,-]*\s+){{0,6}}?[A-Z][\w'\u2019&.-]*,\s+{_REPORTER}"
    r"(?:,\s+\d+)?(?:\s+\([^)]{0,40}\d{4}\))?",
    # 28 U.S.C. § 1332; 42 C.F.R. 164.514; Cal. Civ. Code § 1542; Fed. R. Civ. P. 12(b)(6)
    r"\d+\s+(?:U\.?S\.?C\.?|C\.?F\.?R\.?)(?:\s+§+)?\s*[\w.()-]+",
    r"(?:[A-Z][a-z]*\.\s+){1,4}(?:Code|Stat\.?|Ann\.?)(?:\s+[A-Z][a-z]*\.?)*\s*§+\s*[\w.()-]+",
    r"§+\s*\d[\w.()-]*",
    r"Fed\.\s+R\.\s+(?:(?:Civ|Crim|App|Bankr)\.\s+P|Evid)\.\s*[\w.()]+",
    # court names: UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF CALIFORNIA, the
    # Kalisz Regional Court (Landesgericht), 3rd Chamber of the Court of Appeal; capitalised
    # words after "Court" belong to it only behind "of"/"for" (never "Court Mr Jensen")
    rf"(?:\b(?:\d+(?:st|nd|rd|th)|{_CAPWORD})[ \t]+){{0,4}}(?:COURT|Court)\b"
    rf"(?:[ \t]+(?:OF|FOR|of|for)(?:[ \t]+(?:OF|THE|AND|of|the|and|{_CAPWORD}))+)?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?",
    # ICD-10 I10, CPT 99214, HCPCS G0438, LOINC 2345-7, NDC 0002-7510-01, SNOMED 22298006
    r"\b(?:ICD(?:-?(?:9|10|11))?(?:-CM|-PCS)?|CPT|HCPCS|LOINC|NDC|SNOMED(?:\s+CT)?|DRG|RxNorm)"
    r"(?:\s+code)?[\s:#]*[A-Z]?\d[\w.-]*",
    # doses and lab values: 50 mg, 1.73m2, 11.2 x10^9/L, 38.4 C, 94%
    r"\b(?:[a-z][a-z-]{3,}\s+)?\d+(?:\.\d+)?\s?(?:mg|mcg|µg|g|kg|mL|ml|L|dL|units?|IU|mEq|mmol|mmHg|bpm|%|C|F|cm|mm|m2)"
    r"(?:/[\w.^]+)*\b",
    r"\bx\s?10\^\d+/[A-Za-z]+",
    r"\b[A-Z][A-Za-z0-9]{1,7}:?[ \t]+\d+\.\d+\b",
    # eponymous conditions: Kaposi sarcoma, Addison's disease, Babinski sign
    r"\b[A-Z][a-z]+(?:['\u2019]s)?(?:[- \t][A-Z][a-z]+(?:['\u2019]s)?)?[ \t]+"
    r"(?i:disease|syndrome|catheter|tube|line|stain|procedure|cyst|node|sarcoma|sign|test"
    r"|maneuver|manoeuvre|reflex|palsy|criteria|score|scale|classification|fracture|lymphoma"
    r"|procedure|operation|anomaly|phenomenon|tumou?r)\b",
    # eponymous catheters and valves in any case (Groshong cath, PASSY MUIR VALVE, a Vascath)
    r"\b(?:[A-Z][a-z]+|[A-Z]{3,}|[a-z]{3,})(?:[- \t](?:[A-Z][a-z]+|[A-Z]{3,}|[a-z]{3,}))?[ \t]+"
    r"(?i:cath|catheter|valve)s?\b|\b[A-Za-z]{3,}(?i:cath)s?\b",
)
_NEUTRAL = tuple(re.compile(p) for p in _PATTERNS)
# Findings from these sources are trusted even inside a neutral zone.
_STRONG = frozenset(
    {"EMAIL", "URL", "IP_ADDRESS", "SSN", "CREDIT_CARD", "PHONE", "VEHICLE", "DEVICE"}
)


def neutral_zones(text: str) -> list[tuple[int, int]]:
    zones = [(m.start(), m.end()) for rx in _NEUTRAL for m in rx.finditer(text)]
    return zones + public_zones(text)


def drop_neutral(
    text: str, findings: Sequence[Finding], zones: list[tuple[int, int]] | None = None
) -> list[Finding]:
    """Drop weak findings lying entirely inside a neutral zone (``zones``: precomputed)."""
    zones = neutral_zones(text) if zones is None else zones
    if not zones:
        return list(findings)
    return [f for f in findings if f.label in _STRONG or not _inside(f, zones)]


def _inside(f: Finding, zones: list[tuple[int, int]]) -> bool:
    return any(a <= f.start and f.end <= b for a, b in zones)
