"""The independent second pass over a redacted text, and redaction to a fixpoint."""

from __future__ import annotations

from models.finding import Finding, RedactionResult
from redaction.matching import normalise, value_pattern
from redaction.operators import TokenNamer, map_to_original, redact_text
from redaction.ports import Detector as TextDetector  # the port, under its earlier name

__all__ = ["MIN_VALUE_LENGTH", "TextDetector", "leak_check", "redact_to_fixpoint"]

MIN_VALUE_LENGTH = 3


def _outside_tokens(result: RedactionResult, start: int, end: int) -> bool:
    return not any(r.red_start < end and start < r.red_end for r in result.replacements)


def residual_values(redacted_text: str, result: RedactionResult) -> list[str]:
    """Reasons for original values (>= 3 chars) still present outside the tokens."""
    labels = {normalise(r.original): r.label for r in result.replacements}
    values = [
        r.original for r in result.replacements if len(normalise(r.original)) >= MIN_VALUE_LENGTH
    ]
    rx = value_pattern(values)
    if rx is None:
        return []
    reasons = []
    for m in rx.finditer(redacted_text):
        if _outside_tokens(result, m.start(), m.end()):
            label = labels.get(normalise(m.group()), "VALUE")
            reasons.append(f"residual:{label}@{m.start()}-{m.end()}")
    return reasons


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
    """Redact, re-detect on the rendition, fold new spans back in original offsets; repeat."""
    findings = detector.detect(text)
    result = redact_text(text, findings, tokens)
    for _ in range(rounds):
        extra = new_findings(result.redacted_text, result, detector)
        if not extra:
            break
        mapped = [_to_original(result, f) for f in extra]
        findings = detector.finalize(text, [*findings, *mapped])
        result = redact_text(text, findings, tokens)
    return result


def _to_original(result: RedactionResult, f: Finding) -> Finding:
    start, end = map_to_original(result, f.start, f.end)
    return Finding(start, end, f.label, f.score, f"fixpoint:{f.source}")
