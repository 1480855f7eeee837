"""The stop-word language guess on redacted text: a code, ``und`` when unsure."""

from __future__ import annotations

import pytest

from review.language import guess_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The claim of [PERSON_1] is that the contract was not signed in the office.", "en"),
        ("El paciente [PERSON_1] dice que la dosis de la mañana es para el dolor.", "es"),
        ("Der Patient [PERSON_1] ist nicht mit der Dosis und den Werten zufrieden.", "de"),
        ("[PERSON_1] [DATE_2]", "und"),
        ("", "und"),
    ],
)
def test_guess(text: str, code: str) -> None:
    assert guess_language(text) == code
