"""E-mail told by its header layout, whatever its share of shorthand. Every text here was
written for these tests."""

from __future__ import annotations

import pytest

from redaction.mail_register import clinical_text, mail_layout

# trade shorthand that reads as clinical words by share ("pt", "am", "pm", "re", "cc", "iv")
_SHORTHAND = "re pt am pm cc iv po prn sob bp hr rr.\n" * 3


@pytest.mark.parametrize(
    ("text", "mail"),
    [
        ("From: Ines Varga\nSent: Monday\nTo: Olek Dumont\nSubject: re\n", True),
        ("> From: a\n> To: b\n> Subject: c\n", True),
        ("From: Ines Varga\nTo: Olek Dumont\n", False),
        ("pt on levophed gtt, lasix 40 iv\nplan: wean to 2L NC\n", False),
    ],
)
def test_mail_layout(text: str, mail: bool) -> None:
    assert mail_layout(text) is mail


def test_mail_full_of_shorthand_is_no_clinical_note() -> None:
    headers = "From: Ines Varga\nSent: Monday 9 am\nTo: Olek Dumont\nSubject: re: pt\n\n"
    assert clinical_text(_SHORTHAND)
    assert not clinical_text(headers + _SHORTHAND)
