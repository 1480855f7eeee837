"""Two reviewers share a queue, each acting through a store that enforces its emitted IAM
policy: only the claim holder can read the batch, and every document handed to it is on
the ledger with its identity; a release takes the copies back (also on the ledger)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.audit import Action
from models.errors import ClaimConflict, QueueError, StorageError
from review import MemoryObjectStore, ReviewerClient, iam_policy, layout
from stages import collect, dispatch
from tests.unit.review.enforced import PolicyEnforcedStore
from tests.unit.stages.test_collect import add_doc, make_svc

Q = "general"


def reviewer(store: MemoryObjectStore, who: str) -> tuple[ReviewerClient, PolicyEnforcedStore]:
    enforced = PolicyEnforcedStore(store, iam_policy("bkt", Q, who), "bkt", who)
    return ReviewerClient(enforced, Q, who), enforced


def access(svc: object, action: Action) -> list[tuple[str, str, str]]:
    events = svc.ledger.events(action=action.value)  # type: ignore[attr-defined]
    return sorted((e.details["reviewer"], e.object_id, e.details["file"]) for e in events)


def test_only_the_claim_holder_reads_and_every_read_is_recorded(tmp_path: Path) -> None:
    clock = [datetime(2025, 3, 1, 12, 0, tzinfo=UTC)]
    store = MemoryObjectStore(lambda: clock[0])
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    add_doc(svc, "doc-b", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    (alice, _), (bob, bob_store) = reviewer(store, "alice"), reviewer(store, "bob")
    assert alice.available() == bob.available() == [batch_id]

    alice.claim(batch_id, 600)
    with pytest.raises(QueueError, match="access not granted yet"):
        alice.pull(batch_id, tmp_path / "early")
    collect.collect(svc)  # the operator grants the holder its copies
    pulled = alice.pull(batch_id, tmp_path / "alice")
    assert sorted(p.name for p in pulled) == ["doc-a.txt", "doc-b.txt", "manifest.json"]
    files = [f"docs/{d}.txt" for d in ("doc-a", "doc-b")]
    expected = [("alice", "doc-a", files[0]), ("alice", "doc-b", files[1])]
    assert access(svc, Action.DOC_ACCESS_GRANTED) == expected
    assert {e.actor for e in svc.ledger.events(action=Action.DOC_ACCESS_GRANTED.value)} == {
        "sealroom"
    }

    with pytest.raises(ClaimConflict):
        bob.claim(batch_id, 600)
    with pytest.raises(QueueError, match="access not granted yet"):
        bob.pull(batch_id, tmp_path / "bob")
    for key in (
        layout.file_key(Q, batch_id, files[0]),
        layout.granted_key(Q, "alice", batch_id, files[0]),
    ):
        with pytest.raises(StorageError, match="access denied"):
            bob_store.get(key)
    assert not (tmp_path / "bob" / "doc-a.txt").exists()

    alice.release(batch_id)
    bob.claim(batch_id, 600)
    collect.collect(svc)
    assert access(svc, Action.DOC_ACCESS_REVOKED) == expected
    with pytest.raises(QueueError, match="access not granted yet"):
        alice.pull(batch_id, tmp_path / "again")
    assert bob.pull(batch_id, tmp_path / "bob")
    granted = access(svc, Action.DOC_ACCESS_GRANTED)
    assert granted == sorted(expected + [("bob", d, f) for (_, d, f) in expected])
    collect.collect(svc)  # idempotent: nothing granted or revoked twice
    assert len(access(svc, Action.DOC_ACCESS_GRANTED)) == 4
    assert len(access(svc, Action.DOC_ACCESS_REVOKED)) == 2
