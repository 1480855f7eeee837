"""The leak gate on text renditions and extracted texts (known-answer cases)."""

from __future__ import annotations

from collections.abc import Sequence

from models.finding import Finding, RedactionResult, Replacement
from redaction.gate import detected_in, gate_text, values_in

RESULT = RedactionResult(
    "Dear [PERSON_1], re claim.",
    (Replacement("PERSON", "[PERSON_1]", "Jane Roe", 5, 13, 5, 15),),
)


class Finds:
    """Finds 'Roe' wherever it is."""

    def detect(self, text: str) -> list[Finding]:
        at = text.find("Roe")
        return [Finding(at, at + 3, "PERSON")] if at >= 0 else []

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return list(findings)


def test_a_clean_rendition_passes_and_a_changed_one_does_not() -> None:
    assert gate_text(RESULT.redacted_text.encode(), RESULT, Finds()) == []
    assert gate_text(b"\xff", RESULT, Finds()) == ["rendition:not-utf8"]
    assert gate_text(b"Dear Jane Roe", RESULT, Finds()) == ["rendition:differs-from-redacted-text"]


def test_sealed_values_are_found_in_any_spacing_or_case() -> None:
    assert values_in("x JANE\n roe y", RESULT) == ["extracted:value@2-11"]
    assert values_in("x JaneRoe y", RESULT) == []  # 7 letters: below the squashed minimum
    account = RedactionResult(
        "[ACCOUNT_1]", (Replacement("ACCOUNT", "[ACCOUNT_1]", "AB 1234 5678", 0, 12, 0, 11),)
    )
    assert values_in("ref AB12345678.", account) == ["extracted:squashed-value"]
    assert values_in("[PERSON_1] only", RESULT) == []


def test_detections_touching_a_token_are_not_leaks() -> None:
    assert detected_in("Mr Roe", Finds(), "pypdf") == ["pypdf:detected:PERSON@3-6"]
    assert detected_in("[PERSON_1]", Finds(), "pypdf") == []
