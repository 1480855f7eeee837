"""Facilities and employers named by who comes from them (known answers, text written for the
test): after a clinician, records or a job, and an acronym before a facility's staff."""

from __future__ import annotations

import pytest

from redaction.facility_cues import find_cued_facilities


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Surgeon from Harborview in to see pt", ["Harborview"]),
        ("old records from qxmc reviewed", ["qxmc"]),
        ("SEEN BY QXMC NURSE THIS AM", ["QXMC"]),
        ("WKMC AMBULANCE TO TRANSPORT", ["WKMC"]),
        ("w/u by QXMC for cath", ["QXMC"]),  # a medical centre's shape needs no cue
        ("CMC joint pain", []),  # too short to be a centre's
        ("hx of MC", []),
        ("husband ceo of zorbex, smoker", ["zorbex"]),
        ("retired from Zorbex Quarry in 1990", ["Zorbex"]),
        ("NSG NOTE: pt resting", []),  # a discipline's note
        ("EP TEAM AWARE", []),
        ("nurse from ICU here to help", []),  # a clinical unit
        ("doctor from home called", []),  # a plain word
        ("NURSE FROM HIGH RISK CLINIC", []),  # plain words in capitals
        ("working for the Icelandic navy", []),  # a nationality: no workplace
    ],
)
def test_find_cued_facilities(text: str, found: list[str]) -> None:
    spans = list(find_cued_facilities(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("ADDRESS", "context:facility") for f in spans)
