"""Courts, governments, ministries and countries stay readable; names beside them do not."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.public_bodies import public_zones


def _zones(text: str) -> list[str]:
    return [text[a:b] for a, b in public_zones(text)]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("The Ruritanian Government replied.", "Ruritanian Government"),
        ("the Government of Ruritania", "Government of Ruritania"),
        (
            "the Ministry of Fisheries, Forestry and Mines decided",
            "Ministry of Fisheries, Forestry and Mines",
        ),
        ("the Ministry for Foreign Affairs", "Ministry for Foreign Affairs"),
        ("the 3rd Chamber of the Regional Court", "3rd Chamber"),
        ("the Tarsk Security Directorate", "Tarsk Security Directorate"),
        ("lodged against the Republic of Austria", "the Republic of Austria"),
        (
            "the United Kingdom of Great Britain and Northern Ireland",
            "the United Kingdom of Great Britain and Northern Ireland",
        ),
        ("she moved to Norway", "Norway"),
    ],
)
def test_public_bodies_and_countries_are_zones(text: str, zone: str) -> None:
    assert any(zone in z for z in _zones(text))


def test_a_country_that_is_a_given_name_is_no_zone() -> None:
    assert _zones("Jordan said Chad would call") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the court-name rule used to run on over the capitalised words after "Court"
        ("The Supreme Court Justice Maria Ostrowska wrote the opinion.", "Maria Ostrowska"),
        ("Before the District Court Mr Harald Jensen appeared.", "Harald Jensen"),
        ("The Regional Court Judge Ingrid Solberg-Hauge presided.", "Ingrid Solberg-Hauge"),
    ],
)
def test_court_names_do_not_swallow_the_name_after_them(
    detector: Detector, text: str, name: str
) -> None:
    found = [text[f.start : f.end] for f in detector.detect(text)]
    assert any(name in v for v in found)
    assert not any("Court" in v for v in found)


def test_judgment_keeps_courts_governments_and_countries_readable(detector: Detector) -> None:
    text = (
        "The Ruritanian Government sent Mr H. Tichy-Brandl, an official of the"
        " Federal Ministry of Fisheries. The Kalisz Regional Court (Landesgericht) and the"
        " UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF CALIFORNIA were seized."
        " The applicant moved from Austria to Norway."
    )
    found = " ".join(text[f.start : f.end] for f in detector.detect(text))
    assert "Tichy-Brandl" in found
    for readable in ("Government", "Ministry", "Kalisz", "COURT", "Austria", "Norway"):
        assert readable not in found, readable
