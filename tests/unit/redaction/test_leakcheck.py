"""The second pass: residual values and fresh detections are reported by code and offset only."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.finding import Finding
from redaction.detector import Detector, NoEntities
from redaction.leakcheck import leak_check, redact_to_fixpoint
from redaction.operators import redact_text

TEXT = (
    "Dear Ms. Abernathy-Osei,\nYour visit on 03/14/2024 is confirmed. "
    "Questions: call 415-555-0142 or write to t.osei@mailhost.org.\n"
)


def test_clean_redaction_passes(detector: Detector) -> None:
    result = redact_to_fixpoint(TEXT, detector)
    assert leak_check(result.redacted_text, result, detector) == []
    assert "Abernathy" not in result.redacted_text and "415-555" not in result.redacted_text


def test_planted_value_is_flagged_without_revealing_it(detector: Detector) -> None:
    result = redact_to_fixpoint(TEXT, detector)
    tampered = result.redacted_text + "PS: abernathy-osei says hi."
    reasons = leak_check(tampered, result, detector)
    assert any(r.startswith("residual:PERSON@") for r in reasons)
    assert not any("abernathy" in r.lower() for r in reasons)


def test_missed_identifier_is_detected_on_rendition(detector: Detector) -> None:
    partial = redact_text(TEXT, [Finding(TEXT.index("03/14"), TEXT.index("03/14") + 10, "DATE")])
    reasons = leak_check(partial.redacted_text, partial, detector)
    assert any(re.fullmatch(r"detected:PHONE@\d+-\d+", r) for r in reasons)
    assert any(r.startswith("detected:EMAIL@") for r in reasons)


def test_fixpoint_folds_in_findings_seen_only_on_the_rendition() -> None:
    class OnlyOnRendition:
        """Finds 'Zed' only once the text contains a token (as NER context can shift)."""

        def detect(self, text: str) -> list[Finding]:
            if "[" not in text:
                return [Finding(0, 3, "PERSON")]
            i = text.find("Zed")
            return [Finding(i, i + 3, "PERSON")] if i >= 0 else []

        def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
            return Detector(ner=NoEntities()).finalize(text, findings)

    result = redact_to_fixpoint("Amy and Zed.", OnlyOnRendition())
    assert result.redacted_text == "[PERSON_1] and [PERSON_2]."
