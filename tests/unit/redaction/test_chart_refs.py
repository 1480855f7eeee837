"""Charting systems a clinical note refers its reader to are not persons; eponymous catheters
and valves are neutral in any case. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.chart_refs import drop_chart_references
from redaction.neutral import neutral_zones

# enough nursing shorthand for the clinical register
_NOTE = "pt on levophed gtt, abd soft, lasix 40 iv given, u/o adequate, vanco due. "


def _kept(note: str, word: str, label: str = "PERSON", source: str = "ner:PERSON") -> list[str]:
    text = _NOTE + note
    start = text.index(word)
    found = Finding(start, start + len(word), label, 0.8, source)
    return [text[f.start : f.end] for f in drop_chart_references(text, [found])]


@pytest.mark.parametrize(
    ("note", "word", "kept"),
    [
        ("see Vitalview for details.", "Vitalview", []),
        ("ABGs available in VITALVIEW.", "VITALVIEW", []),
        ("vent settings per Vitalview flowsheet", "Vitalview", []),
        ("please refer to chartwell charting", "chartwell", []),
        # census names, cued names, places and names without a records cue stay
        ("see Hale for details.", "Hale", ["Hale"]),  # a census surname, also a word
        ("see Brenner for details.", "Brenner", ["Brenner"]),
        ("daughter Ysolde called, will visit.", "Ysolde", ["Ysolde"]),
        ("see Vitalview today", "Vitalview", ["Vitalview"]),
    ],
)
def test_chart_references(note: str, word: str, kept: list[str]) -> None:
    assert _kept(note, word) == kept


def test_other_mentions_of_a_system_go_too() -> None:
    text = _NOTE + "see Vitalview for details. Vitalview down at 0300."
    found = [
        Finding(m, m + len("Vitalview"), "PERSON", 0.8, "ner:PERSON")
        for m in (text.index("Vitalview"), text.rindex("Vitalview"))
    ]
    assert drop_chart_references(text, found) == []


def test_cued_findings_and_places_are_left_alone() -> None:
    assert _kept("see Vitalview for details.", "Vitalview", source="context:cue") == ["Vitalview"]
    assert _kept("see Tilburg for details.", "Tilburg", label="ADDRESS", source="ner:GPE") == [
        "Tilburg"
    ]


def test_outside_clinical_notes_nothing_is_dropped() -> None:
    text = "Please see Vitalview for details of the offer."
    found = [Finding(11, 20, "PERSON", 0.8, "ner:PERSON")]
    assert drop_chart_references(text, found) == found


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("GROSHONG CATH INTACT", "GROSHONG CATH"),
        ("passy-muir valve in place", "passy-muir valve"),
        ("R Vascath site clean", "Vascath"),
    ],
)
def test_eponymous_devices_are_neutral(text: str, zone: str) -> None:
    zones = [text[a:b] for a, b in neutral_zones(text)]
    assert zone in zones
