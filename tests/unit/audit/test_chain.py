"""Known-answer vectors for the hash chain: a fixed draft sequence and clock give fixed hashes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

import pytest

from audit import GENESIS_HASH, Ledger, canonical_json, event_hash
from models.audit import Action, EventDraft, Outcome

DRAFTS = [
    EventDraft(
        "ingest:doc-1",
        "ingest",
        Action.DOC_INGESTED,
        "document",
        "doc-1",
        Outcome.OK,
        "m-1",
        {"size": 1024, "sha256": "ab" * 32},
    ),
    EventDraft(
        "redact:doc-1",
        "redact",
        Action.DOC_REDACTED,
        "document",
        "doc-1",
        Outcome.OK,
        "m-1",
        {"entities": {"PERSON": 3, "DATE": 2}},
    ),
    EventDraft(
        "leak:doc-1",
        "leakcheck",
        Action.DOC_QUARANTINED,
        "document",
        "doc-1",
        Outcome.QUARANTINED,
        "m-1",
        {"reason": "leak_check_failed", "hits": 1},
    ),
]

# sha256 of the canonical JSON below, written out by hand (independent of canonical_json)
FIRST_CANONICAL = (
    '{"action":"document.ingested","actor":"ingest","details":{"sha256":"'
    + "ab" * 32
    + '","size":1024},"key":"ingest:doc-1","matter":"m-1","object_id":"doc-1",'
    '"object_type":"document","outcome":"ok","prev_hash":"'
    + "0" * 64
    + '","seq":1,"time":"2024-01-01T00:00:00.000000Z"}'
)
HEAD_HASH = "5702e04ccfa5138fd99016a41c66454c36094b854c2e675ec9131cf1f8a6cd64"


@pytest.fixture
def ledger(clock: Callable[[], datetime]) -> Ledger:
    ledger = Ledger("sqlite://", clock=clock)
    for d in DRAFTS:
        ledger.append(d)
    return ledger


def test_first_event_hash_is_sha256_of_canonical_json(ledger: Ledger) -> None:
    first = next(ledger.events())
    assert first.prev_hash == GENESIS_HASH
    assert first.time == "2024-01-01T00:00:00.000000Z"
    assert first.hash == hashlib.sha256(FIRST_CANONICAL.encode()).hexdigest()


def test_head_hash_known_answer(ledger: Ledger) -> None:
    head = ledger.head()
    assert head is not None
    assert (head.seq, head.time) == (3, "2024-01-01T00:00:02.000000Z")
    assert head.hash == HEAD_HASH


def test_links_and_recomputed_hashes(ledger: Ledger) -> None:
    events = list(ledger.events())
    assert [e.seq for e in events] == [1, 2, 3]
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert all(e.hash == event_hash(e) for e in events)


def test_canonical_json_is_key_order_independent_and_compact() -> None:
    assert canonical_json({"b": 1, "a": [1, {"d": 2, "c": "é"}]}) == (
        '{"a":[1,{"c":"\\u00e9","d":2}],"b":1}'
    )
