"""Names in the reply layout of e-mail in any case, and names coordinated with a found person.
Every text here was written for these tests."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.coordinated import coordinated_names
from redaction.reply_lines import find_reply_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_reply_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("On Wed, 9 May 2001 08:02:11 -0500, Ottilie Brenner wrote:\n> ok", ["Ottilie Brenner"]),
        ("On 05/09/2001 08:02 AM, Reed, Ottilie wrote:", ["Reed, Ottilie"]),
        ("> ottilie reed <or@example.net> wrote:", ["ottilie reed"]),
        ("Will Rose (Legal) writes:", ["Will Rose"]),
        ("hi ingrid,\n\nthe lease is fine.", ["ingrid"]),
        ("hey john - quick one", ["john"]),
        ("see you there.\n\nthx\ningrid\n", ["ingrid"]),
        ("Cheers,\n\n  tobias", ["tobias"]),
        ("please call me about the deal. thanks, ingrid", ["ingrid"]),
        ("The draft is attached. -Tobias", ["Tobias"]),
        # plain words, pronouns and bodies are no senders or names
        ("On Monday, the committee wrote: no change", []),
        ("The Board wrote: approved", []),
        ("I wrote: see above", []),
        ("hi all,\n\nthx\nteam", []),
        ("The plan - Approved", []),
        ("Pricing is final. -Pricing", []),
    ],
)
def test_reply_layout_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


def _coordinated(text: str, found: str) -> list[str]:
    start = text.index(found)
    person = Finding(start, start + len(found), "PERSON", 0.8, "ner:PERSON")
    return [text[f.start : f.end] for f in coordinated_names(text, [person])[1:]]


@pytest.mark.parametrize(
    ("text", "found", "partners"),
    [
        ("We met Ottilie and Lorenzo at noon.", "Ottilie", ["Lorenzo"]),
        ("We met Ottilie and Rose at noon.", "Ottilie", ["Rose"]),  # a given name, also a word
        ("ask Brenner & Quenneville today", "Brenner", ["Quenneville"]),
        ("We thanked Dagmar, Ottilie and the staff.", "Ottilie", ["Dagmar"]),
        ("Brenner and Ottilie Reed voted.", "Ottilie Reed", ["Brenner"]),  # a census surname
        # plain words, and a word at a sentence start that could be either
        ("We met Ottilie and Government officials.", "Ottilie", []),
        ("Ottilie, Quenneville and Brenner", "Ottilie", []),  # a comma alone: given names only
        ("Rain came. Rose and Ottilie Reed left.", "Ottilie Reed", []),
    ],
)
def test_coordinated_names(text: str, found: str, partners: list[str]) -> None:
    assert _coordinated(text, found) == partners


def test_clinical_lists_are_not_coordinated_names() -> None:
    note = "pt given ativan and haldol overnight, lasix 40 iv, vanco and zosyn. Ottilie and Marek"
    assert _coordinated(note, "Ottilie") == []
