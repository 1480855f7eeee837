"""Case- and layout-robust detection on text written in the styles of real documents:
lower-case and ALL-CAPS nursing shorthand, year-less dates, Indian and European names.
Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.cues import find_cued_names, find_signed_names
from redaction.detector import Detector
from redaction.facilities import find_facilities
from redaction.leakcheck import sealed
from redaction.residual import residual_risk, scan
from redaction.shortdates import find_short_dates
from redaction.wordclass import Kind, kind


def _redacted(detector: Detector, text: str) -> set[str]:
    return {text[f.start : f.end] for f in detector.detect(text)}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("aware", Kind.WORD),
        ("sputum", Kind.WORD),  # medical dictionary
        ("extubation", Kind.WORD),  # by inflection of "extubate"
        ("Okafor-Lindqvist", Kind.NAME),  # compound takes its most name-like part
        ("Brannigan", Kind.NAME),
        ("white", Kind.WORDNAME),
        ("in", Kind.WORD),  # function words are never names
        ("Zyxwortel", Kind.UNKNOWN),
    ],
)
def test_word_classes(word: str, expected: Kind) -> None:
    assert kind(word) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("pt seen by dr brannigan this am, plan unchanged", ["brannigan"]),
        ("son teodor called for update at 0400", ["teodor"]),
        ("spoke with dr. white's team re: drips", ["white"]),
        ("DAUGHTER-MARGUERITE CALLED TWICE", ["MARGUERITE"]),
        ("Shri S.Ramaswamy appeared for the State", ["S.Ramaswamy"]),
        ("per dr. k. oyelaran, hold heparin", ["k. oyelaran"]),
        ("dr aware of low u/o", []),
        ("son in to visit, husband called", []),
        ("pt's daughter was updated", []),
    ],
)
def test_cued_names_any_case(text: str, names: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_cued_names(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("resp care: bs clear, suctioned x2.\nh. quennell rrt", ["h. quennell"]),
        ("NO CHANGES OVERNIGHT.\nTOBIAS R. VANTERPOOL-HOLM, RRT", ["TOBIAS R. VANTERPOOL-HOLM"]),
    ],
)
def test_signatures_any_case(text: str, names: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_signed_names(text)] == names


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("extubated 7/17, reintubated 7/19 for hypoxia", ["7/17", "7/19"]),
        ("PMH: MI 8/87, CABG", ["8/87"]),
        ("pain 5/10 in chest, 3/10 after nitro", []),
        ("strength 5/5 all ext, 4/5 grip", []),
        ("bp 180/90, hr 70-80's, given 1/2 ns", []),
        ("rr 18, sat 100% on 10/5/40%", []),
    ],
)
def test_year_less_dates_and_look_alikes(text: str, dates: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_short_dates(text)] == dates


ALL_CAPS_NOTE = (
    "NEURO: ALERT, MAE. ABD SOFT, HYPOACTIVE BS. THICK YELLOW SPUTUM.\n"
    "SOCIAL: SON ALFREDO IN TO VISIT, UPDATED BY DR FENWICKE."
)


def test_all_caps_clinical_phrases_are_not_names(detector: Detector) -> None:
    found = _redacted(detector, ALL_CAPS_NOTE)
    assert "ALFREDO" in found and "FENWICKE" in found
    clinical = ("ABD SOFT", "HYPOACTIVE", "THICK YELLOW SPUTUM", "MAE", "SOFT", "SPUTUM")
    assert not any(c in v for v in found for c in clinical)


def test_lower_case_note(detector: Detector) -> None:
    text = "social: son teodor called 3/14, dr brannigan aware. cont lasix gtt."
    found = _redacted(detector, text)
    assert {"teodor", "3/14", "brannigan"} <= found
    assert not {"lasix", "gtt", "cont"} & found


def test_plain_words_are_never_sealed_values() -> None:
    assert not sealed("son") and not sealed("WAS") and sealed("Brannigan") and sealed("3/14")


@pytest.mark.parametrize(
    ("rendition", "reasons"),
    [
        ("Patient [PERSON_1] seen on [DATE_1]. Plan: continue [ORGANIZATION_1] care.", []),
        ("[PERSON_1] seen 03/14/2024 for review.", ["residual-risk:date:1"]),
        ("Account 4417 1234 5678 on file for [PERSON_1].", ["residual-risk:digit-run:1"]),
        (
            "Met with Brannigan, Oyelaran and Quennell about [PERSON_1].",
            ["residual-risk:name-shaped:3"],
        ),
        ("BP 120/80, pain 5/10, rr 18. Sputum thick.", []),
        ("Wire to [ACCOUNT_1] (routing 075749118).", []),
    ],
)
def test_residual_risk_scan(rendition: str, reasons: list[str]) -> None:
    assert residual_risk(rendition) == reasons


def test_residual_scan_reports_counts_never_text() -> None:
    reasons = residual_risk("Seen by Brannigan, Oyelaran, Quennell and Vanterpool on 1/2/2020.")
    assert reasons and not any("Brannigan" in r or "2020" in r for r in reasons)
    assert scan("[PERSON_1] Brannigan").names == 1


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("pt transferred to GH for cath", ["GH"]),
        ("PT THEN TRANSFERRED TO WESTBROOKE 2 CP FREE", ["WESTBROOKE"]),  # ward no. stays
        ("sent to ED for eval; transferred to the floor", []),
        ("admitted to CCU 8/25", []),
    ],
)
def test_facilities_after_movement_cues(text: str, places: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_facilities(text)] == places
