"""Every claim transition reaches the ledger exactly once and in order, however many
happen between two collects, with the reviewer as the actor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.audit import Action, Outcome
from models.errors import StaleClaim
from review import MemoryObjectStore, ReviewerClient
from stages import collect, dispatch

from .test_routing_qc import add_doc, make_svc, put_submission, submission

CLAIM_ACTIONS = {
    Action.BATCH_CLAIMED.value,
    Action.BATCH_CLAIM_RENEWED.value,
    Action.BATCH_RELEASED.value,
    Action.BATCH_CLOSED.value,
}


def test_transitions_between_two_collects_all_recorded_in_order(tmp_path: Path) -> None:
    clock = [datetime(2025, 3, 1, 12, 0, tzinfo=UTC)]
    store = MemoryObjectStore(lambda: clock[0])
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    collect.collect(svc)
    alice, bob, carol = (ReviewerClient(store, "general", who) for who in ("alice", "bob", "carol"))

    alice.claim(batch_id, 60)
    alice.release(batch_id)
    bob.claim(batch_id, 10)
    bob.renew(batch_id, 10)
    clock[0] += timedelta(seconds=11)
    carol.claim(batch_id, 60)  # bob's lease ran out: a takeover
    with pytest.raises(StaleClaim):
        bob.renew(batch_id, 10)
    put_submission(store, batch_id, "carol", submission(batch_id, "carol", 3))
    collect.collect(svc)
    collect.collect(svc)  # nothing new: nothing recorded twice

    trail = [e for e in svc.ledger.events() if e.action in CLAIM_ACTIONS]
    assert [
        (e.actor, e.action, e.details.get("transition"), e.details["epoch"], e.outcome)
        for e in trail
    ] == [
        ("reviewer:alice", "batch.claimed", "claimed", 1, Outcome.OK),
        ("reviewer:alice", "batch.released", "released", 1, Outcome.OK),
        ("reviewer:bob", "batch.claimed", "claimed", 2, Outcome.OK),
        ("reviewer:bob", "batch.claim_renewed", "renewed", 2, Outcome.OK),
        ("reviewer:carol", "batch.claimed", "stolen", 3, Outcome.OK),
        ("sealroom", "batch.closed", None, 3, Outcome.OK),
    ]
    assert all(e.object_id == batch_id for e in trail)


def test_a_losing_claim_attempt_is_recorded_as_rejected(tmp_path: Path) -> None:
    store = MemoryObjectStore()
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    ReviewerClient(store, "general", "alice").claim(batch_id, 600)
    # bob's event written blind (a racer that had not seen alice's claim)
    store.put(f"queues/general/claims/{batch_id}/bob/00000001-claim-0-600.json", b"{}")
    collect.collect(svc)
    trail = [e for e in svc.ledger.events() if e.action == Action.BATCH_CLAIMED.value]
    assert [(e.actor, e.details["transition"], e.outcome) for e in trail] == [
        ("reviewer:alice", "claimed", Outcome.OK),
        ("reviewer:bob", "lost", Outcome.REJECTED),
    ]
