"""International addresses and phones, written for the test (European and Indian styles)."""

from __future__ import annotations

import pytest

from redaction.addresses import find_intl_addresses, find_intl_phones
from redaction.detector import Detector


def _addresses(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_intl_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "send it to Bankastraeti 14, 101 Reykjavík, Iceland.",
            "Bankastraeti 14, 101 Reykjavík, Iceland",
        ),
        (
            "Lindenstraße 42a\nD-80331 München\nGermany\n",
            "Lindenstraße 42a\nD-80331 München\nGermany",
        ),
        ("lives at Keizersgracht 123, 1015 CJ Amsterdam.", "Keizersgracht 123, 1015 CJ Amsterdam"),
        ("Address: 14 rue des Lilas, 75011 Paris.", "14 rue des Lilas, 75011 Paris"),
        ("Via Garibaldi 17, 20121 Milano;", "Via Garibaldi 17, 20121 Milano"),
        ("ul. Marszałkowska 84/92, 00-514 Warszawa", "ul. Marszałkowska 84/92, 00-514 Warszawa"),
        ("on Calle de Alcalá 48, 28014 Madrid.", "Calle de Alcalá 48, 28014 Madrid"),
        ("12 Gandhi Road, T. Nagar, Chennai - 600 017", "Chennai - 600 017"),
        ("Pin Code: 560 034", "560 034"),
    ],
)
def test_international_addresses(text: str, address: str) -> None:
    assert any(address in found for found in _addresses(text)), _addresses(text)


@pytest.mark.parametrize(
    "text",
    [
        "See paragraph 12, Article 6 § 1 and Protocol No. 4.",
        "The Regional Court 5, the Chamber of 2004.",
        "A. 428 Lisa Springs Apt. 456\nQ. Who else was there?",
        "resp- O2 3L via NC- lung sounds clear; BP 125/42 VIA CUFF ON R ARM",
        "Wearing 2 hearing aids. Aggregate 15 units given.",
        "ratio 3.5, Court Rd was closed; she finished 2 ND LANE of the race",
    ],
)
def test_no_address_and_no_single_letter_tail(text: str) -> None:
    found = _addresses(text)
    assert all("Q." not in a and "Article" not in a and "NC" not in a for a in found)
    assert all(not a.startswith(("Wearing", "Aggregate", "5,", "2 ND")) for a in found), found
    assert all("CUFF" not in a for a in found)


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("call 0044 20 7946 0958 today", ["0044 20 7946 0958"]),
        ("Tél. 01 42 68 53 00.", ["01 42 68 53 00"]),
        ("Mobil: 0171 2345678", ["0171 2345678"]),
        ("Mobile 098450 12345.", ["098450 12345"]),
        # doses, section numbers, scores and years are no phones
        ("0.5 mg at 08 00; section 0 2; 2019-2020; GCS 15", []),
    ],
)
def test_international_phones(text: str, phones: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_intl_phones(text)] == phones


def test_letter_address_block_end_to_end(detector: Detector) -> None:
    text = (
        "Herr Matthias Oberholzer\nLindenstraße 42a\nD-80331 München\n\n"
        "Sehr geehrter Herr Oberholzer,"
    )
    found = [(text[f.start : f.end], f.label) for f in detector.detect(text)]
    assert ("Lindenstraße 42a\nD-80331 München", "ADDRESS") in found
    assert any("Matthias Oberholzer" in v and "Lindenstraße" not in v for v, _ in found)
