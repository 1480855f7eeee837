"""A facility's initials left in clear in a lower-case note (known answers, texts written for
these tests): the register that makes capitals meaningful, the place positions, and the medical
abbreviations and nursing shorthand that are no place."""

from __future__ import annotations

import pytest

from redaction.residual import residual_risk, scan
from redaction.residual_acronyms import (
    lower_register,
    medical_abbreviations,
    place_acronyms,
    unknown_acronym,
)


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("pt came back from QRX. ET tube at 22 cm at lip, bbs clear.", 1),
        ("pt transferred to the TKMC for cath tonight.", 1),
        ("was at ZVH for 2 wks in spring, then home", 1),
        ("family drove in near QRX; pt d/c to QRX tomorrow", 1),  # one facility, twice
        ("pt sent to TKMC, later from ZVH", 2),
        ("stayed in QRX x3 days after the fall", 1),
        # medical abbreviations, clinical words and nursing shorthand are no place
        ("pt back from CT at 1400, then to MRI. tx to ICU in am.", 0),
        ("lung sounds clear; abg sent from the PACU.", 0),
        ("ivf at KVO, ngt to LWS, foley to BSD.", 0),
        ("bilious drainage from OGT, sxn from TTC, labs drawn from RIJ", 0),
        ("consent from HCP; d/c home, services from VNA", 0),
        ("tpn at 80/hr from PEG; transferred from OSH last wk", 0),
        # "to", "in" without going or staying: a port or a side
        ("ngt to QRX, line in QRX", 0),
        # not in a lower-case note: an ALL-CAPS note, a typed mixed-case report
        ("PT BACK FROM QRX AT 1400. SLEEPING. FAMILY IN.", 0),
        ("Pt came back from QRX today. Seen by the team. Daughter in from town.", 0),
        # two letters: state codes and units
        ("pt's son in from MA, at NE corner of bed", 0),
    ],
)
def test_place_acronyms(clear: str, count: int) -> None:
    assert place_acronyms(clear) == count


@pytest.mark.parametrize(
    ("clear", "lower"),
    [
        ("pt resting, vss. ET tube at 22. abg pending.", True),
        # one capitalised word in a long lower-case note
        (
            "pt seen by Dr                in am; abg ok, cxr clear, sats 98% on 2l nc. resp:"
            " ls coarse at bases, sxn for thick tan sputum x2. cv: nsr 80s, no ectopy, k repleted."
            " gi: abd soft, tf at goal, +bs, no stool. gu: foley draining clear yellow urine."
            " neuro: alert, follows commands, mae. social: wife called, updated on plan of care.",
            True,
        ),
        ("pt seen by Dr                in am; abg ok", False),  # short: one of a few words
        ("PT RESTING, VSS. ET TUBE AT 22. ABG PENDING.", False),
        ("Pt resting. Seen by the Team in the Morning. Abg pending.", False),
        ("", False),
    ],
)
def test_lower_register(clear: str, lower: bool) -> None:
    assert lower_register(clear) is lower


def test_the_lexicon_holds_abbreviations_and_no_named_institution() -> None:
    words = medical_abbreviations()
    assert {"icu", "peg", "tpn", "abg", "cxr"} <= words
    assert "kch" not in words and "mskcc" not in words  # a named hospital is a place
    assert not unknown_acronym("PEG") and unknown_acronym("QRX")


def test_the_gate_reports_it_as_a_place_count_only() -> None:
    rendition = "pt came back from QRX. vss, resting."
    assert scan(rendition).places == 1
    reasons = residual_risk(rendition)
    assert reasons == ["residual-risk:place:1"]
    assert all("QRX" not in r for r in reasons)
