"""Names in e-mail layout (headers, display names, Notes addresses, salutations, sign-offs).
Every text here is written for the test."""

from __future__ import annotations

import pytest

from redaction.detector import Detector
from redaction.email_names import find_email_names


def _names(text: str) -> set[str]:
    return {text[f.start : f.end] for f in find_email_names(text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "To:\tOyelaran, Tobias; Quist, Henrike\nSubject: rates\n",
            {"Oyelaran", "Tobias", "Henrike"},
        ),
        # a header wrapped after a separator, without indentation
        ("Cc: Brightwater, Anselm;\nDelacroix-Moen, Petra\n\nHello", {"Petra", "Delacroix-Moen"}),
        ("Cc: Ruth Okonjo (E-mail); Aldo Ferrante (E-mail)\n", {"Ruth Okonjo", "Aldo Ferrante"}),
        ('From: "Ingvar Solheim" <isolheim@example.org>\n', {"Ingvar Solheim"}),
        ("Please ask Imre Vasko <ivasko@example.org> first.", {"Imre Vasko"}),
        (
            "cc: Keith Arbogast/HOU/ECT@ECT, Wendell \nPrzybylski/NA/Corp@Corp",
            {"Keith Arbogast", "Wendell \nPrzybylski"},
        ),
        ("Forwarded by Marta B Quillen/LON/ECT on 03/02/2001", {"Marta B Quillen"}),
        ("\tMarta B Quillen@ECT\n\t03/21/2001 05:43 PM", {"Marta B Quillen"}),
        ("Tobias--\n\nThe draft is attached.", {"Tobias"}),
        # a GroupWise reply header; a display name wrapped over quoted lines or before its address
        (">>> Kestrel, Amund 04/11/01 10:12AM >>>\nSee below.", {"Kestrel, Amund"}),
        ('> "Brannoc\n> > >Wetherell" <bw@example.net>;', {"Brannoc\n> > >Wetherell"}),
        ('cc: "Quist, Henrike"\n<hq@example.org>', {"Quist, Henrike"}),
        # salutations before a capital "I" or after a dash
        ("Dagmar and Henrike, I wanted to ask.", {"Dagmar and Henrike"}),
        ("Marta - Following up on the lease.", {"Marta"}),
        (">>> Notice 04/11/01 for the record", set()),
        ("Lorenzo + Marjorie,\n\nas agreed, the lease is signed.", {"Lorenzo + Marjorie"}),
        ("Lorenzo, the lease is signed.", {"Lorenzo"}),
        ("Thank you,\n\nMargaret A. Quist\nLeasing Desk", {"Margaret A. Quist"}),
        ("Kind regards,  Beatrice\n", {"Beatrice"}),
        ("let me know.  \n\nThanks - Douglas\n", {"Douglas"}),
        (
            "Pellegrini, Nadia <np@example.com>; Okafor, Emeka <eo@example.com>",
            {"Pellegrini, Nadia", "Okafor, Emeka"},
        ),
        ("> \n>      Lorenzo\n>\n", {"Lorenzo"}),
        ("Canada desk - Patrice Thornbury 403-555-0178", {"Patrice Thornbury"}),
        (
            "> Jerome Wexler (IL)\n> Royce Blankenship (MO)\n",
            {"Jerome Wexler", "Royce Blankenship"},
        ),
        # a Notes address with a middle initial, the given name in no census list
        ("cc: Anselm Oyelaran/HOU/ECT, Thibaud R Quenneville/LON/ECT", {"Thibaud R Quenneville"}),
        # one-word salutations and sign-offs of a given name that is also shorthand
        ("Al,\n The lease is signed.", {"Al"}),
        ("See you there.\n\nThanks,\n\nEd\n", {"Ed"}),
        ("cc: Ed Quenneville/LON/ECT@ECT", {"Ed Quenneville"}),
        # bylines of forwarded news, in any case
        ("Markets Slide\nBy AGNES KOWALCZYK\n\nShares fell.", {"AGNES KOWALCZYK"}),
        ("By Walter J. Oyelaran\n", {"Walter J. Oyelaran"}),
    ],
)
def test_email_layout_names(text: str, names: set[str]) -> None:
    assert names <= _names(text)


def test_contact_line_name_without_its_credential() -> None:
    assert _names("checked twice.\n\nGwenda Pardoe RN\n") == {"Gwenda Pardoe"}


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Weekly report\nAttached,\nThanks,\nThe Team\n",
        "Regards,\nAccounts Payable\n",
        "Hello,\n\nPlease see the attached.",
        "Prices were set\nBy Monday Morning\n",  # a plain phrase after "By" is no byline
        "Please Send A Copy/HOU/ECT",  # a plain word before a single letter: no Notes name
        "Date: Monday\nTo: undisclosed-recipients;\n",
        # nursing shorthand has the shape of a Notes address
        "HEMODYNAMICS FICK CO/CI/SVR 10",
        "PLAN OF CARE WITH STAFF/PT/FAMILY",
        "cont Lasix/Aldactone qd",
        "Grant Application\nABD SOFT\n",
        "Summary:\nEd.\n",  # a heading-like line, no comma, no greeting
    ],
)
def test_layout_words_are_not_names(text: str) -> None:
    assert _names(text) == set()


def test_lone_given_salutation_survives_the_clinical_word_guard(detector: Detector) -> None:
    text = "Ed,\n The draft lease is attached; call me with questions.\n"
    assert [text[f.start : f.end] for f in detector.detect(text)] == ["Ed"]


def test_email_end_to_end(detector: Detector) -> None:
    text = (
        "From:\tQuist, Henrike\nSent:\tFriday, June 01, 2001 11:02 AM\nTo:\tOyelaran, Tobias;"
        " Brightwater, Anselm\nSubject:\tFuel test\n\nTobias--\n\nThe report is attached.\n\n"
        "Thank you,\n\nHenrike Quist\nRisk Administration\n"
    )
    found = " ".join(text[f.start : f.end] for f in detector.detect(text))
    for name in ("Henrike", "Quist", "Oyelaran", "Tobias", "Brightwater", "Anselm"):
        assert name in found, name
    assert "Risk Administration" not in found
