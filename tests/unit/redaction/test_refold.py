"""Folding back what the gate would find: other extractors' layouts, squashed and
hyphen-broken sealed values (fake detectors, no model)."""

from __future__ import annotations

import re

from models.finding import Finding
from redaction.leakcheck import leak_check, redact_to_fixpoint
from redaction.merge import merge
from redaction.operators import redact_text
from redaction.refold import extractor_findings, squashed_findings


class Pattern:
    """Finds every match of a regex, with one label."""

    def __init__(self, rx: str, label: str = "PERSON") -> None:
        self._rx = re.compile(rx)
        self._label = label

    def detect(self, text: str) -> list[Finding]:
        return [Finding(m.start(), m.end(), self._label) for m in self._rx.finditer(text)]

    def finalize(self, text: str, findings: list[Finding]) -> list[Finding]:
        return merge(findings)


def test_a_finding_only_another_extractors_layout_shows_is_mapped_to_the_original():
    text = "Caption line\nPROCEDURE The case began."
    result = redact_text(text, [])
    layout_sensitive = Pattern(r"(?<=\n\n)PROCEDURE", "ORGANIZATION")  # fires after a blank line
    assert layout_sensitive.detect(result.redacted_text) == []
    found = extractor_findings(
        ["Caption line\n\nPROCEDURE The case began."], result, layout_sensitive
    )
    assert [(text[f.start : f.end], f.label) for f in found] == [("PROCEDURE", "ORGANIZATION")]


def test_findings_on_tokens_are_not_folded():
    text = "Ana Ruiz came."
    result = redact_text(text, [Finding(0, 8, "PERSON")])
    assert extractor_findings(["[PERSON_1] came."], result, Pattern(r"PERSON")) == []


def test_a_sealed_value_inside_a_longer_word_is_found():
    text = "Born in Velmora Nor. A Velmora Norian national."
    result = redact_text(text, [Finding(8, 19, "ADDRESS")])
    found = squashed_findings(result)
    assert [text[f.start : f.end] for f in found] == ["Velmora Nor"]
    assert found[0].start == text.index("Velmora Norian")


def test_a_name_hyphenated_at_a_line_end_is_redacted_whole():
    text = "Signed by Marguerite Ellsworth.\nExecuted by Marguerite Ells-\nworth today."
    detector = Pattern(r"Marguerite(?: Ellsworth)?")  # misses the broken surname
    result = redact_to_fixpoint(text, detector)
    assert "Ells" not in result.redacted_text and "worth today" not in result.redacted_text
    assert leak_check(result.redacted_text, result, detector) == []
