"""Residual-risk shapes told by the words around them (known answers): regions, bare places,
facility acronyms and employers; relatives' given names and titled initials; ages over 89,
labelled record codes and value ranges. Texts written for these tests; each table holds the
look-alikes that must not count beside the shapes that must."""

from __future__ import annotations

import pytest

from redaction.residual import residual_risk, scan
from redaction.residual_given import (
    given_before_tokens,
    kin_given_names,
    kin_subjects,
    name_tails,
    titled_initials,
)
from redaction.residual_ids import ages, labelled_codes
from redaction.residual_numbers import count_numbers
from redaction.residual_places import (
    bare_places,
    employers,
    facility_acronyms,
    regions,
    stays,
    streets,
)


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("family drove in from the western shore overnight", 1),
        ("DAUGHTER LIVES ON THE NORTH BAY, VISITS WEEKLY", 1),
        ("Spent the summer on the Southern Hills, then home", 1),
        ("lungs: coarse at the bases, east wing quiet", 0),
        ("the shore of the lake; western medicine consult", 0),
    ],
)
def test_regions(clear: str, count: int) -> None:
    assert regions(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("ortho from Harbor came by to see pt", 1),
        ("pt was at harbor for rehab last spring", 1),
        ("RETURNED FROM VALLEY AT 1400", 1),
        ("walked to the beach with family last summer", 0),  # any beach
        ("pt at home; from bed to chair", 0),
        ("prone to falls, able to point; pt in bay 3; flushed port", 0),
        ("family visiting from county, back to lake tonight", 2),
        ("moved to                  Springs last year", 0),  # a token between: no bare noun
    ],
)
def test_bare_places(clear: str, count: int) -> None:
    assert bare_places(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("PT SEEN BY QRMC NURSE FOR PLACEMENT", 1),
        ("may be w/u by QRMC for transplant", 1),
        ("spoke with XQTH transplant coordinator", 1),
        ("pt sent from QRMC after fall", 1),
        ("seen by neuro and ortho, eval by md", 0),
        ("MICU NURSE AT BEDSIDE; SEEN BY ENT", 0),
    ],
)
def test_facility_acronyms(clear: str, count: int) -> None:
    assert facility_acronyms(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("reintubated twice, which she had at qgh. Now on cpap", 1),
        ("WAS AT QMC FOR 2 WKS, THEN HOME", 1),
        ("was at hs; had at least 2 episodes; seen at bedside.", 0),
        ("was in sr, intubated in eu; was at rest", 0),
    ],
)
def test_stays(clear: str, count: int) -> None:
    assert stays(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("lives alone at 14 Quillan Rd, two flights", 1),
        ("HOME: 220 OKONKWO AVENUE", 1),
        ("gave 2 units st; 5 mg way too much; 3 wks place", 0),
    ],
)
def test_streets(clear: str, count: int) -> None:
    assert streets(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("WIFE IS CEO OF QRXT, TWO CHILDREN", 1),
        ("retired from Quillco after 30 yrs", 1),
        ("works at home; retired from work in spring", 0),
        ("job of the team is to wean", 0),
    ],
)
def test_employers(clear: str, count: int) -> None:
    assert employers(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("Family: Son, Ed, was updated by MD", 1),
        ("SPOKE WITH DAUGHTER, MARY, RE PLAN", 1),
        ("granddaughter Ava called twice", 1),
        ("wife rosalind at bedside", 0),  # a plain census name: kin_names counts it, once
        ("son will call in am; daughter to visit", 0),  # a function word
        ("wife grace at bedside", 1),  # a name that is also a word, after kin
        ("son to ed by car; wife aware", 0),  # a plain lower-case word
        ("husband                    at bedside", 0),  # the name was redacted
    ],
)
def test_kin_given_names(clear: str, count: int) -> None:
    assert kin_given_names(clear) == count


def test_a_relative_named_twice_over_counts_once() -> None:
    assert scan("Son, Ed, updated; wife rosalind at bedside").cued_names == 2


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("HER SON IS AWAY AT SCHOOL BUT MARK DOES NOT CALL", 1),
        ("the pt's daughter lives far, and Grace visited today", 1),
        ("SON AT BEDSIDE. DILAUDID WAS GIVEN", 0),  # no given name
        ("daughter aware. Plan: ok. Will is signed", 0),  # a function word
        ("Mark was made on the skin; no family in", 0),  # no kin word before
    ],
)
def test_kin_subjects(clear: str, count: int) -> None:
    assert kin_subjects(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("nursing progress note / mr Q remained on same doses", 1),
        ("Discussed with Dr. K about the plan", 1),
        ("Dr. K.            aware", 1),  # an initial left beside a redacted surname
        ("mr D5W infusing; dr O'Hara", 0),  # no single letter
        ("MS A&O X3, MR Q SHIFT", 0),  # capitals: shorthand
        ("neuro: ms A&O x3", 0),
    ],
)
def test_titled_initials(clear: str, count: int) -> None:
    assert titled_initials(clear) == count


@pytest.mark.parametrize(
    ("rendition", "count"),
    [
        ("By MARTA [PERSON_13]\nThe plan", 1),
        ("Greta [PERSON_2] and Greta [PERSON_2] agreed", 1),
        ("Son [PERSON_1] at bedside; OK [PERSON_2]; Mrs [PERSON_3]; NP [PERSON_4]", 0),
        ("spoke with marta [PERSON_1]", 0),  # lower case: the kin and case rules' part
    ],
)
def test_given_before_tokens(rendition: str, count: int) -> None:
    assert given_before_tokens(rendition) == count


@pytest.mark.parametrize(
    ("rendition", "count"),
    [
        ("Mr. [PERSON_1] ke is a 70 y/o man", 1),
        ("seen by dr [PERSON_2] qo today", 1),
        ("Dr. [PERSON_1] np aware; Mr. [PERSON_2] is resting", 0),  # a credential, a word
        ("Dr. [PERSON_1] pt seen, [PERSON_2] ke", 0),  # shorthand; no title before
    ],
)
def test_name_tails(rendition: str, count: int) -> None:
    assert name_tails(rendition) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("pt is a 93 y/o woman with chf", 1),
        ("101 YO MALE ADMITTED FROM HOME", 1),
        ("\n97 s/p fall with hip fx", 1),
        ("a 78 y/o man, HR 95 y, sats 98 on 2L", 0),
        ("temp 99 po, hr 92 sr, 95 w/ activity", 0),
    ],
)
def test_ages(clear: str, count: int) -> None:
    assert ages(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("no cpr per hospital policy #qx17, discussed", 1),
        ("MRN: AB1234 on the label", 1),
        ("account no. 4412097 closed", 1),
        ("call pager 4417 or beeper #20931 with results", 2),
        ("per protocol #2; record: 1200cc in; pager 4.5", 0),
        ("id band on; chart #3 of 4", 0),
    ],
)
def test_labelled_codes(clear: str, count: int) -> None:
    assert labelled_codes(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("SVR 900-1300, voiding 575-1000, IS to 750-1000", 0),  # value ranges
        ("call back at 555-1234 or 410-2100", 2),  # a phone's local part
        ("IS 300-1000", 1),  # climbs too far for a range of one reading
    ],
)
def test_value_ranges_are_no_digit_runs(clear: str, count: int) -> None:
    assert count_numbers(clear) == count


def test_reasons_name_the_new_codes() -> None:
    reasons = residual_risk("101 YO MALE, POLICY #QX17, FROM THE EASTERN SHORE")
    assert reasons == [
        "residual-risk:place:1",
        "residual-risk:age:1",
        "residual-risk:code:1",
    ]
