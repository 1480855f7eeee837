"""The clinical register: a note's share of clinical words (texts written for the test)."""

from __future__ import annotations

import pytest

from redaction.register import clinical_register


@pytest.mark.parametrize(
    ("text", "clinical"),
    [
        ("Pt afebrile, lasix given, BP stable, sats 95% on RA, tolerating PO.", True),
        ("The appellant's counsel argued that the tribunal erred in law on 4 May.", False),
        ("Hi Dana, can we move Thursday's meeting on the new contract terms to Friday? Rob", False),
        ("", False),
    ],
)
def test_clinical_register(text: str, clinical: bool) -> None:
    assert clinical_register(text) is clinical
