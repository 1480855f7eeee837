"""Speaker labels of dialogue and transcripts. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.speakers import find_speaker_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_speaker_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ysolde: Where were you?\nTomek: At the depot.", ["Ysolde", "Tomek"]),
        ('Dagny Roalsen: "Who signed it?"', ["Dagny Roalsen"]),
        ("Oskar:\u201cNot me.\u201d", ["Oskar"]),
        ("He left.\\nBrigid: You saved us!", ["Brigid"]),  # escaped line break
        ("Zdeňka: Dobrý den.", ["Zdeňka"]),
        # field labels, transcript letters and plain words are no speakers
        ("Q: Where were you?\nA: At home.", []),
        ("Subject: Renewal\nNote: See below.\nPlan: Call back.", []),
        ("Tel: 0161 496 0000\nRef: AB-12", []),
        ("Counsel: Mr Vale", []),
        ("Meeting at noon. Ysolde: later", []),  # not at a line's start
    ],
)
def test_speaker_labels(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_speakers_in_clinical_notes() -> None:
    note = (
        "Neuro: sedated on propofol, MAE.\nResp: LS coarse, sx for thick sputum.\nGi: abd soft.\n"
        "Ysolde: Called, updated on plan."
    )
    assert _names(note) == []
