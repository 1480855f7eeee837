"""Signed notes (the checkpoint format): body and signatures round-trip; anything
malformed is an integrity error, never a partial parse."""

from __future__ import annotations

import pytest

from audit.note import NoteSignature, checkpoint_body, parse_body, parse_note, signed_note
from models.errors import LedgerIntegrityError

ROOT = bytes(range(32))


def test_a_signed_note_round_trips() -> None:
    body = checkpoint_body("sealroom/ledger-1", 7, ROOT)
    sigs = [NoteSignature("key-a", b"\x01\x02\x03\x04", b"s" * 64)]
    parsed_body, parsed_sigs = parse_note(signed_note(body, sigs))
    assert (parsed_body, parsed_sigs) == (body, sigs)
    assert parse_body(parsed_body) == ("sealroom/ledger-1", 7, ROOT)


@pytest.mark.parametrize(
    "text",
    [
        "no blank line\n",
        "sealroom/l\n7\nAAAA\n\n— key-a notbase64!\n",
        "sealroom/l\n7\nAAAA\n\nnot a signature line\n",
        "sealroom/l\n7\nAAAA\n\n",
    ],
)
def test_malformed_notes_are_refused(text: str) -> None:
    with pytest.raises(LedgerIntegrityError):
        parse_note(text)


@pytest.mark.parametrize("body", ["o\n-1\nAAAA\n", "o\n7\nAAAA\n", "o\n7\n"])
def test_malformed_bodies_are_refused(body: str) -> None:
    with pytest.raises(LedgerIntegrityError):
        parse_body(body)
