"""Names in subject position in lower-case and ALL-CAPS notes (known answers, text written
for the test)."""

from __future__ import annotations

import pytest

from redaction.subject_names import find_subject_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ANOTHER SON IN EUROPE BUT QUENNAR DOES NOT VISIT. PLAN: CONT.", ["QUENNAR"]),
        ("pt lives alone. both marla and tobrakin are his proxies.", ["marla", "tobrakin"]),
        ("family in. vossberg is family contact. pt calm.", ["vossberg"]),
        ("plts are 48, hct 29. ativan was given.", []),  # abbreviations and drugs
        ("neurosurg will see pt. team is aware.", []),  # clipped and plain words
        ("Family in. Vossberg is family contact. Pt calm.", []),  # mixed case: NER reads it
    ],
)
def test_find_subject_names(text: str, found: list[str]) -> None:
    spans = list(find_subject_names(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("PERSON", "context:subject") for f in spans)
