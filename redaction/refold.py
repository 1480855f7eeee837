"""Findings the leak gate's independent extractors would make, folded back before the gate.

pypdf and pdftotext lay a rendition's text out differently from PDFium (blank lines after
headers, other line joins), and the detector does not always agree with itself across
layouts: a filing whose redaction was clean on PDFium's text can still show a new finding
on pdftotext's. Each such finding is found again in the redacted text (whitespace- and
case-insensitively, outside the tokens), mapped to original offsets, and redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from models.finding import Finding, RedactionResult
from redaction.leakcheck import TextDetector
from redaction.matching import value_pattern
from redaction.operators import TOKEN, map_to_original

SQUASHED_MIN = 8  # as the gate's squashed search (redaction.gate.SQUASHED_MIN)


def extractor_findings(
    texts: Sequence[str], result: RedactionResult, detector: TextDetector
) -> list[Finding]:
    """Spans of the original text behind what detection finds in ``texts`` (not tokens)."""
    surfaces = {text[f.start : f.end]: f for text in texts for f in _untokened(text, detector)}
    found: list[Finding] = []
    for surface, finding in surfaces.items():
        for start, end in _occurrences(surface, result):
            lo, hi = map_to_original(result, start, end)
            found.append(Finding(lo, hi, finding.label, finding.score, "fixpoint:extractor"))
    return found + squashed_findings(result)


def squashed_findings(result: RedactionResult) -> list[Finding]:
    """Sealed values of ``SQUASHED_MIN``+ chars still in the redacted text inside other words
    or with other spacing (the gate searches the text with all whitespace removed)."""
    found: list[Finding] = []
    for rep in {r.original: r for r in result.replacements}.values():
        chars = [re.escape(c) for c in rep.original if not c.isspace()]
        if len(chars) < SQUASHED_MIN:
            continue
        for m in re.finditer(r"\s*".join(chars), result.redacted_text, re.IGNORECASE):
            if not _in_token(result, m.start(), m.end()):
                lo, hi = map_to_original(result, m.start(), m.end())
                found.append(Finding(lo, hi, rep.label, 1.0, "fixpoint:squashed"))
    return found


def _in_token(result: RedactionResult, start: int, end: int) -> bool:
    return any(r.red_start < end and start < r.red_end for r in result.replacements)


def _untokened(text: str, detector: TextDetector) -> Iterable[Finding]:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    for f in detector.detect(text):
        if not any(lo < f.end and f.start < hi for lo, hi in tokens):
            yield f


def _occurrences(surface: str, result: RedactionResult) -> Iterable[tuple[int, int]]:
    pattern = value_pattern([surface])
    if pattern is None:
        return
    for m in pattern.finditer(result.redacted_text):
        if not _in_token(result, m.start(), m.end()):
            yield m.start(), m.end()
