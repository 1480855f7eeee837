"""E-mail layout names found without NER, as written and in lower and upper case: the layout
rules must not lean on capitals or on the census name lists. Every text here was written for
these tests; most of the names are made up and in no lexicon."""

from __future__ import annotations

import re

import pytest

from redaction.detector import Detector, NoEntities

ALL = ("as written", "lower", "upper")
CASES = [
    (
        "From: Haverkamp, Liesbeth\nTo: Ostrowski, Bartosz; Villasenor, Joaquin\n"
        "Subject: RE: curtailment\n\nBartosz,\n\nThe numbers look right to me.\n\n"
        "Regards,\nLiesbeth\n",
        ["Haverkamp", "Liesbeth", "Ostrowski", "Bartosz", "Villasenor", "Joaquin"],
        ALL,
    ),
    (
        "To:=09Northgate Pipeline - Ingrid Solbakken; Harbour Gas - Mehmet Yilmaz=\ner=20\n",
        ["Ingrid Solbakken", "Mehmet Yilmaz=\ner"],
        ("as written", "upper"),
    ),
    (
        "Distribution:\n  - Cosima Vanderhaegen\n  - Lysander Mbeki\n  - Rosamund Achterberg\n",
        ["Cosima", "Vanderhaegen", "Lysander", "Mbeki", "Rosamund", "Achterberg"],
        ALL,
    ),
    (
        "Please send the invoice to Hortensia Quayle and copy Fenwick Oyelowo today.\n\n"
        "Thanks,\nGrisha\n",
        ["Hortensia", "Quayle", "Fenwick", "Oyelowo", "Grisha"],
        ALL,
    ),
    (
        "KOWALCZYK, RADOMIR\nOKORO/PERPETUA\n",
        ["KOWALCZYK", "RADOMIR", "OKORO", "PERPETUA"],
        ALL[::2],
    ),
    (
        "Caspian,\n\nLeft a message for Wilhelmus Dijkstra about the meter.\n\nCheers,\nOndine\n",
        ["Caspian", "Wilhelmus", "Dijkstra", "Ondine"],
        ALL,
    ),
    (
        "Hey Bex,\n\nI spoke with Zebedee this morning about the meter.\n",
        ["Bex", "Zebedee"],
        ("as written",),
    ),
]


def _variant(text: str, how: str) -> str:
    return {"as written": text, "lower": text.lower(), "upper": text.upper()}[how]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(ner=NoEntities())


@pytest.mark.parametrize(
    ("text", "names", "how"),
    [(text, names, how) for text, names, variants in CASES for how in variants],
)
def test_layout_names_in_any_case(
    detector: Detector, text: str, names: list[str], how: str
) -> None:
    text = _variant(text, how)
    covered = bytearray(len(text))
    for f in detector.detect(text):
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    missed = [
        name
        for name in (_variant(n, how) for n in names)
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        if not all(covered[m.start() : m.end()])
    ]
    assert missed == []
