"""Names under a closing line, in any case. Every text here was written for these tests; the
names are made up and in no lexicon where it matters."""

from __future__ import annotations

import pytest

from redaction.signoffs import find_signoff_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_signoff_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please call me.\n\nThanks,\nHenrike Quist\n", ["Henrike Quist"]),
        ("PLEASE CALL.\n\nTHANKS,\nLEOPOLD\n", ["LEOPOLD"]),
        ("see you then\n\nthx\n\nbarnaby\n", ["barnaby"]),
        ("Regards,\r\nJB\r\n", ["JB"]),
        ("Best,\nDr. Ysolde Carrowmore", ["Ysolde Carrowmore"]),
        ("> Kind regards,\n> Oskar B. Wendleton\n", ["Oskar B. Wendleton"]),
        ("See you then.\n\n-Ondine\n", ["Ondine"]),
        ("see you then.\n\n-- ondine quist", ["ondine quist"]),
        # plain words, sentences and long lines under a closing stay
        ("Notes:\n\n- Revenue up\n", []),
        ("Notes:\n\n-JB\n", []),
        ("Thanks,\nThe Team\n", []),
        ("Best regards,\nAcme Support\n", []),
        ("Thanks!\nI will call tomorrow.\n", []),
        ("Thanks for the update on the Quist file.\n", []),
    ],
)
def test_signoff_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_clinical_notes_are_left_alone() -> None:
    note = "pt on levophed gtt, lasix 40 iv, vanco due, abd soft, bs clear.\nthanks\nmarek\n"
    assert _names(note) == []
