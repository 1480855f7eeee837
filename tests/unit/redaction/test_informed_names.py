"""Names told by what happened to them (known answers, text written for the test): one or two
name words before "aware"/"notified", a name joined to them by "and", the names after a plural
title; roles, services, plain and clipped words stay."""

from __future__ import annotations

import pytest

from redaction.informed_names import clipped, find_informed_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("house staff tobral quennick aware. u/o down", ["tobral", "quennick"]),
        ("BP 80S, DR QUILLAN AND BOSCHWITZ AWARE.", ["QUILLAN", "BOSCHWITZ"]),
        ("DR QUILL AND BOSCHWITZ AWARE", ["BOSCHWITZ"]),  # a word-name: the title rule's
        ("ostrander notified of k 3.1", ["ostrander"]),
        ("Pt agitated. Vellacourt made aware.", ["Vellacourt"]),
        ("DR'S MAXINE AND JEROME AT BEDSIDE", ["MAXINE", "JEROME"]),
        ("drs. ortolan, quist and bell in to see pt", ["ortolan", "quist", "bell"]),
        ("DRS PELLWORTH AND ZANDOVIR AWARE", ["PELLWORTH", "ZANDOVIR"]),
        ("last abg 7.40/35/64. Marla Quennick, R.N.\n", ["Marla", "Quennick"]),
        ("ho aware. md notified. micu team aware", []),  # roles and services
        ("neurosurg aware, cardiol notified", []),  # clipped words
        ("pt and wife aware of plan", []),  # plain words and relations
        ("vanco level sent, pharmacy aware", []),
        ("drs in to see pt", []),
    ],
)
def test_find_informed_names(text: str, found: list[str]) -> None:
    spans = list(find_informed_names(text))
    assert sorted({(f.start, text[f.start : f.end]) for f in spans}) == [
        (text.index(w), w) for w in found
    ]
    assert all((f.label, f.source) == ("PERSON", "context:informed") for f in spans)


@pytest.mark.parametrize(
    ("word", "cut"),
    [("neurosurg", True), ("cardiol", True), ("ostrander", False), ("cardiology", False)],
)
def test_clipped(word: str, cut: bool) -> None:
    assert clipped(word) is cut
