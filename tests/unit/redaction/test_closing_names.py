"""The name signing a note on its last line (known answers, text written for the test)."""

from __future__ import annotations

import pytest

from redaction.closing_names import find_closing_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pt calmer when family present.\n Marla Quennick\n\n", ["Marla Quennick"]),
        ("CONT TO MONITOR I/O.\nTOBRAL VESSANDER\n", ["TOBRAL VESSANDER"]),
        ("cont per plan.\ntobral quennick\n", ["tobral quennick"]),
        ("NEURO: INTACT.\nSUSANNA\n", ["SUSANNA"]),  # a lone census given name
        ("Plan: cont to monitor\nMONITOR BS\n", []),  # a plan line
        ("social: wife in\nFamily support\n", []),
        ("resp: ls clear.\nNeurosurg\n", []),  # a clipped word
        ("Thanks for the update.\nQuellcorp\n", []),  # a lone unknown word: a company's
        ("Plan: cont.\nmarla quennick\nMore text follows here.", []),  # not the last line
        ("Vitals stable. Marla Quennick\n", []),  # a sentence before it
    ],
)
def test_find_closing_names(text: str, found: list[str]) -> None:
    spans = list(find_closing_names(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("PERSON", "context:closing") for f in spans)
