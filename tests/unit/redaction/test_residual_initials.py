"""A person referred to by dotted initials (known answers, texts written for these tests):
initials where a party is pointed at count; common dotted abbreviations, initials in no such
position and ALL-CAPS texts do not."""

from __future__ import annotations

import pytest

from redaction.residual import scan
from redaction.residual_initials import party_initials


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("The board relied on the submissions of Q.T., a neighbour of the applicant.", 1),
        ("It found that Q.T. had left the country; the statement of Q.T. (see above)", 1),
        ("The witness Z.V.K. testified; the court heard from Q.T. and Z.V.K. was recalled", 2),
        ("Counsel for Mr B.R.'s family objected.", 1),
        # common dotted abbreviations: a country, a time, a postscript, clinical sections
        ("The company moved to U.S. and opened offices; it closed at 5 p.m.", 0),
        ("Thanks to all.\nP.S. The file is attached.", 0),
        ("report given to R.N., plan reviewed with H.O. and the team", 0),
        # initials in no referring position: a statute, a title in running text
        ("under 29 U.S.C. section 12, the Q.T. procedure applies", 0),
        # ALL CAPS
        ("IT FOUND THAT Q.T. HAD LEFT THE COUNTRY", 0),
    ],
)
def test_party_initials(clear: str, count: int) -> None:
    assert party_initials(clear) == count


def test_the_scan_counts_them_as_cued_names() -> None:
    assert scan("The board relied on the submissions of Q.T., a neighbour.").cued_names == 1
