"""Every claim transition reaches the ledger exactly once and in order, however many
happen between two collects, with the reviewer as the actor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.audit import Action, Outcome
from models.errors import StaleClaim
from review import MemoryObjectStore, ReviewerClient
from review.ports import ObjectInfo, StoredObject
from stages import collect, dispatch

from .test_collect import add_doc, make_svc, put_submission, submission

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


class SizedStore(MemoryObjectStore):
    """A store that reports one submission as 300 MiB in its listing and HEAD (as S3's
    metadata would) and fails the test if anything reads that object."""

    HUGE = 300 * 2**20

    def __init__(self, huge_key: str) -> None:
        super().__init__()
        self.huge_key = huge_key
        self.reads: list[str] = []

    def list_info(self, prefix: str) -> list[ObjectInfo]:
        return [self._sized(i) for i in super().list_info(prefix)]

    def head(self, key: str) -> ObjectInfo | None:
        info = super().head(key)
        return None if info is None else self._sized(info)

    def get(self, key: str) -> StoredObject | None:
        self.reads.append(key)
        return super().get(key)

    def _sized(self, info: ObjectInfo) -> ObjectInfo:
        return (
            ObjectInfo(info.key, self.HUGE, info.last_modified)
            if info.key == self.huge_key
            else info
        )


def test_oversized_submission_refused_from_its_size_never_read_and_once(tmp_path: Path) -> None:
    store = SizedStore("")
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    store.huge_key = f"queues/general/submissions/{batch_id}/bob.json"
    ReviewerClient(store, "general", "alice").claim(batch_id, 600)
    store.put(store.huge_key, b"stands in for 300 MiB")
    put_submission(store, batch_id, "alice", submission(batch_id, "alice", 1))
    first = collect.collect(svc)
    second = collect.collect(svc)
    assert first.rejected == [f"{batch_id}/bob"] and first.accepted == [f"{batch_id}/alice"]
    assert second.rejected == []  # refused once
    assert store.huge_key not in store.reads
    rejection = ReviewerClient(store, "general", "bob").rejection(batch_id)
    assert rejection is not None and f"{SizedStore.HUGE} bytes; limit 1000000" in rejection.reason
