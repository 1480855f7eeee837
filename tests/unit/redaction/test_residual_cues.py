"""Residual-risk cues (known answers): a name or place left in clear beside the words that
announce one, and the clinical look-alikes beside the same words that must not count. Texts
written for these tests; renditions have tokens where the redaction took something."""

from __future__ import annotations

import pytest

from redaction.residual import scan
from redaction.residual_cues import (
    family_names,
    kin_names,
    party_names,
    signed_names,
    titled_names,
    towns,
    wards,
)


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        # a name left in clear after a title, in any case
        ("Discussed with Dr. Quillan this am.", 1),
        ("dr quillan aware of k 3.2", 1),
        ("MRS OKONKWO AT BEDSIDE", 1),
        # a plain word used as a name, capitalised after a written title in mixed case
        ("Plan reviewed with Dr. Keel and Dr Keel's fellow.", 1),
        # the name was redacted: only blanks after the title
        ("Discussed with Dr.            this am.", 0),
        # plain words after a title in lower or upper case, and "MS." as mental status
        ("dr aware, md notified, mr to be repeated", 0),
        ("MS. OOB TO CHAIR, DR AWARE", 0),
        ("neuro: ms intact, follows commands", 0),
    ],
)
def test_titled_names(clear: str, count: int) -> None:
    assert titled_names(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("KEEP QUILLAN FAMILY UPDATED", 1),
        ("the okonkwo family visited", 1),
        ("family updated; whole family in; pt family aware", 0),
        ("the new QRX family of meters", 0),  # an acronym: a product line
    ],
)
def test_family_names(clear: str, count: int) -> None:
    assert family_names(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("social: his proxies are greta and her brother.", 1),
        ("spoke with son, called gretchen, re plan", 1),
        ("Wife Rosalind at bedside overnight", 1),
        # a given name far from any relative, or a word that is also a given name
        ("greta noted in chart by night shift rn, no change", 0),
        ("son at bedside, mae x4, will cont to monitor", 0),
    ],
)
def test_kin_names(clear: str, count: int) -> None:
    assert kin_names(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("all quiet overnight. g. tamber rrt\n", 1),
        ("Will continue to monitor. Quillan RN.", 1),
        ("Okonkwo, RN\n", 1),
        # roles before a credential, and a credential mid-sentence
        ("report given to night rn\nprimary RN.", 0),
        ("rn to call md if sbp < 90", 0),
    ],
)
def test_signed_names(clear: str, count: int) -> None:
    assert signed_names(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("ADMITTED TO BRENWICK7 FROM EW", 1),
        ("transfer to tallowmere12.", 1),
        # drips, procedures and formulas with a number glued on are no ward
        ("s/p CABGx4, NaHCO3 given, levophed10 off", 0),
    ],
)
def test_wards(clear: str, count: int) -> None:
    assert wards(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("OLD RECORDS FROM TALLOWAY, MD REQUESTED", 1),
        ("given an overview of this brenwick maryland facility", 1),
        ("Lives in Quarrendon, Ohio with wife", 1),
        # plain words before a state, a state alone, a doctor's credential
        ("lives in maryland; seen by cardiology, MD aware", 0),
        ("daughter flew in from texas", 0),
    ],
)
def test_towns(clear: str, count: int) -> None:
    assert towns(clear) == count


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("lodged by a Ruritanian national, Tomasz              (\u201cthe applicant\u201d), on", 1),
        ('brought by Greta Varnek and Tomas Varnek ("the applicants")', 3),
        # the name was redacted; a nationality, a government, a company are no party names
        ("lodged by a Ruritanian national,              (\u201cthe applicant\u201d), on", 0),
        ("by two Norwegian nationals (\u201cthe applicants\u201d)", 0),
        ('the Government ("the respondent State") and the company ("the applicant")', 0),
    ],
)
def test_party_names(clear: str, count: int) -> None:
    assert party_names(clear) == count


def test_scan_reports_cued_names_and_places_as_counts() -> None:
    found = scan("Dr. Quillan spoke to son, greta; pt from Talloway, MD")
    assert found.reasons() == ["residual-risk:cued-name:2", "residual-risk:place:1"]
    assert not any("Quillan" in r or "greta" in r for r in found.reasons())
