"""The independent second pass over a redacted text, and redaction to a fixpoint."""

from __future__ import annotations

import re

from models.finding import Finding, RedactionResult
from redaction.matching import broken_value_pattern, normalise
from redaction.merge import merge
from redaction.operators import TokenNamer, map_to_original, redact_text
from redaction.ports import Detector as TextDetector  # the port, under its earlier name
from redaction.wordclass import is_common

__all__ = ["MIN_VALUE_LENGTH", "TextDetector", "leak_check", "redact_to_fixpoint", "sealed"]

MIN_VALUE_LENGTH = 3


def _outside_tokens(result: RedactionResult, start: int, end: int) -> bool:
    return not any(r.red_start < end and start < r.red_end for r in result.replacements)


def sealed(value: str) -> bool:
    """Worth searching for: >= 3 chars and not one plain or very common word ("son", "WAS"),
    which, redacted once as part of a name, is no leak elsewhere."""
    plain = normalise(value)
    return len(plain) >= MIN_VALUE_LENGTH and not (plain.isalpha() and is_common(plain))


def residual_findings(redacted_text: str, result: RedactionResult) -> list[Finding]:
    """Original values (>= 3 chars) still present outside the tokens, as findings there."""
    labels = {normalise(r.original): r.label for r in result.replacements}
    values = [r.original for r in result.replacements if sealed(r.original)]
    rx = broken_value_pattern(values)
    found = [
        Finding(m.start(), m.end(), labels.get(_unbroken(m.group()), "VALUE"), 1.0, "residual")
        for m in (rx.finditer(redacted_text) if rx is not None else ())
        if _outside_tokens(result, m.start(), m.end())
    ]
    return found + _broken_parts(redacted_text, result)


_BROKEN_WORD = re.compile(r"(?<!\w)(\w+)-\s*(\w+)(?!\w)")


def _broken_parts(redacted_text: str, result: RedactionResult) -> list[Finding]:
    """A word of a sealed value hyphenated at a line end (``Ells-worth``) where the rest of
    the value was redacted on its own."""
    parts = {normalise(word): r.label for r in result.replacements for word in r.original.split()}
    return [
        Finding(m.start(), m.end(), parts[joined], 1.0, "residual")
        for m in _BROKEN_WORD.finditer(redacted_text)
        if (joined := normalise(m.group(1) + m.group(2))) in parts
        and len(joined) >= MIN_VALUE_LENGTH
        and _outside_tokens(result, m.start(), m.end())
    ]


def _unbroken(matched: str) -> str:
    return normalise(re.sub(r"-\s+", "", matched))


def residual_values(redacted_text: str, result: RedactionResult) -> list[str]:
    """Reasons for original values (>= 3 chars) still present outside the tokens."""
    return [
        f"residual:{f.label}@{f.start}-{f.end}" for f in residual_findings(redacted_text, result)
    ]


def new_findings(
    redacted_text: str, result: RedactionResult, detector: TextDetector
) -> list[Finding]:
    """Detector findings on the redacted text that do not touch a token."""
    found = detector.detect(redacted_text)
    return [f for f in found if _outside_tokens(result, f.start, f.end)]


def leak_check(redacted_text: str, result: RedactionResult, detector: TextDetector) -> list[str]:
    """Why the rendition is unsafe, as codes, labels and offsets (never values); [] if clean."""
    reasons = residual_values(redacted_text, result)
    reasons += [
        f"detected:{f.label}@{f.start}-{f.end}"
        for f in new_findings(redacted_text, result, detector)
    ]
    return reasons


def redact_to_fixpoint(
    text: str, detector: TextDetector, tokens: TokenNamer | None = None, rounds: int = 3
) -> RedactionResult:
    """Redact, re-detect on the rendition, fold new spans back in original offsets; repeat.

    Sealed values left elsewhere in the text (a name also inside a court's name, a value the
    detector took in one context and not another) are folded back too.
    """
    findings = detector.detect(text)
    result = redact_text(text, findings, tokens)
    forced: list[Finding] = []  # sealed values seen again: never dropped as neutral
    for _ in range(rounds):
        extra = new_findings(result.redacted_text, result, detector)
        residual = residual_findings(result.redacted_text, result)
        if not extra and not residual:
            break
        findings = detector.finalize(text, [*findings, *(_to_original(result, f) for f in extra)])
        forced += [_to_original(result, f) for f in residual]
        result = redact_text(text, merge([*findings, *forced]), tokens)
    return result


def _to_original(result: RedactionResult, f: Finding) -> Finding:
    start, end = map_to_original(result, f.start, f.end)
    return Finding(start, end, f.label, f.score, f"fixpoint:{f.source}")
