"""Company names ending in a legal form are taken whole. Every text here was written for
these tests (made-up companies)."""

from __future__ import annotations

import pytest

from redaction.companies import find_companies


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_companies(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("She moved to KAPPELN FEINMECHANIK CO.LTD. last year.", ["KAPPELN FEINMECHANIK CO.LTD."]),
        ("In 1998, ORVANE TEXTIL CO.LTD invested", ["ORVANE TEXTIL CO.LTD"]),
        ("I work at Vireo Ostlund Co., Ltd. now", ["Vireo Ostlund Co., Ltd."]),
        ("Quist & Marr Holdings PLC", ["Quist & Marr Holdings PLC"]),
        ("a letter from Brannock Analytics, Inc. today", ["Brannock Analytics, Inc."]),
        ("Tavolara Navi S.p.A. and Lindqvist Bygg AB", ["Tavolara Navi S.p.A."]),
        ("the address of Hollenbeck Maritime N.V. is", ["Hollenbeck Maritime N.V."]),
        ("shares in Ketterlein Werke AG rose", ["Ketterlein Werke AG"]),
        ("Orbis Varda Capital Corporation II invested", ["Orbis Varda Capital Corporation II"]),
        ("she joined nuVolta Systems Pty Ltd", ["nuVolta Systems Pty Ltd"]),
        ("Bank of Drennick Limited", ["Bank of Drennick Limited"]),
        # heads that also end plain phrases need a word that is no plain word
        ("units of the Orlo Income Fund rose", ["Orlo Income Fund"]),
        ("under the Quist Family Trust deed", ["Quist Family Trust"]),
        ("KVL Group said", ["KVL Group"]),
        ("She joined the support group.", []),
        ("The Working Group met", []),
        # a person before "of" is not part of the company; a sentence's "The" neither
        ("Ilse Varga of Quist Holdings Ltd spoke", ["Quist Holdings Ltd"]),
        ("Tomek J Wrona of Halvard Energy Corp. spoke", ["Halvard Energy Corp."]),
        ("The Penwarden Group Inc. office is here", ["Penwarden Group Inc."]),
        ("it later became The Penwarden Company.", ["The Penwarden Company"]),
        # an escaped line break starts a line (generated data, some exports)
        ("Ana Ruiz\\nMarrowick Limited\\n12 Elm Row", ["Marrowick Limited"]),
        # short forms that are words, codes or state abbreviations
        ("LYTES AG 14 K 4.1", []),
        ("Reno, NV 89501", []),
        ("Calgary AB T2A 1C8", []),
        ("Nevada NV 89501", []),
        ("the company said", []),
        ("The Company", []),
    ],
)
def test_companies(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_no_companies_in_clinical_notes() -> None:
    note = (
        "PT ON VENT. NEURO: SEDATED ON PROPOFOL. CV: HR 80 SR. RESP: LS CLEAR. Kappeln Holdings Ltd"
    )
    assert _names(note) == []
