"""E-mail text that kept its quoted-printable encoding, read decoded. Every text here was
written for these tests."""

from __future__ import annotations

import pytest

from redaction.qp_view import decoded_view, find_decoded_names


def _names(text: str) -> list[str]:
    return sorted({text[f.start : f.end] for f in find_decoded_names(text)})


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ("To:=09Ines Var=\nga;=20Olek", "To:\tInes Varga; Olek"),
        ("a=3Db=\r\nc and d=3De", "a=bc and d=e"),
        ("caf=E9 =3D=20", "caf\u00e9 = "),
    ],
)
def test_decoded_view(text: str, decoded: str) -> None:
    view = decoded_view(text)
    assert view is not None
    assert view[0] == decoded
    assert len(view[1]) == len(view[2]) == len(decoded)


@pytest.mark.parametrize(
    "text", ["x =3D y", "no encoding here", "E=mc2 and a=b", "A line ending in = sign"]
)
def test_plain_text_has_no_view(text: str) -> None:
    assert decoded_view(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a soft break inside a surname: the finding spans the break
        (
            "To:=09Brixton Gas - Ottilie Farn=\nsby; Dunmore Power - Casimir Wendl=\r\neton",
            ["Casimir Wendl=\r\neton", "Ottilie Farn=\nsby"],
        ),
        # a header whose value starts with an encoded tab
        ("Cc:=09Oyelaran, Tobias=3B=20\nSubject: gas", ["Oyelaran", "Tobias"]),
        # a sign-off split by a soft break
        ("Please call me.=20\n\nThanks,\nHenrike Qu=\nist\n", ["Henrike Qu=\nist"]),
    ],
)
def test_names_in_decoded_view(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_text_without_encoding_gives_nothing() -> None:
    assert _names("To: Oyelaran, Tobias\nThanks,\nHenrike Quist\n") == []
