"""Known answers for a ledger with one event of every action, stored by the code of
2026-11-30 (``tests/fixtures/ledger_v1.jsonl``): today's writer still stores exactly
those bytes and hashes, the stored chain still verifies, every details object reads back
through its action's model, and every reader of details answers as it did then
(``ledger_v1_reads.json``)."""

from __future__ import annotations

import json

import pytest

from audit.chain import canonical_json, event_hash
from audit.verify import verify
from models.audit import AuditEvent
from models.events import PAYLOADS, read_payload
from tests.unit.audit.known_ledger import OLDER, READS, STORED_FILE, dump, stored, write
from tests.unit.audit.known_reads import reads

STORED = stored()
STORED_TEXT = STORED_FILE.read_text(encoding="utf-8")


def test_the_fixture_holds_every_action_once_at_least() -> None:
    assert {e.action for e in STORED} == {a.value for a in PAYLOADS}


def test_todays_writer_stores_the_same_events_and_hashes() -> None:
    assert write(STORED) == STORED
    assert dump(write(STORED)) == STORED_TEXT


def test_the_stored_chain_verifies() -> None:
    result = verify(STORED)
    assert (result.ok, result.count) == (True, len(STORED))
    assert all(e.hash == event_hash(e) for e in STORED)


@pytest.mark.parametrize("event", [e for e in STORED if e.seq not in OLDER],
                         ids=lambda e: f"{e.seq}-{e.action}")  # fmt: skip
def test_todays_details_read_back_unchanged(event: AuditEvent) -> None:
    assert canonical_json(read_payload(event).details()) == canonical_json(event.details)


@pytest.mark.parametrize("seq", sorted(OLDER))
def test_an_older_shape_reads_without_its_retired_keys(seq: int) -> None:
    event = STORED[seq - 1]
    known = PAYLOADS[OLDER[seq]].model_fields
    expected = {k: v for k, v in event.details.items() if k in known}
    assert canonical_json(read_payload(event).details()) == canonical_json(expected)


def test_every_reader_answers_as_it_did_when_the_ledger_was_written() -> None:
    expected = json.loads(READS.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(reads(STORED), sort_keys=True))
    assert got == expected
