"""Claims bound to identities: every reviewer acts through a store that enforces its emitted
IAM policy (``review.iam_eval``), on one shared bucket with a controllable clock.

bob attacks alice's claim every way the bucket offers; nothing he does changes who holds
the batch, reopens a done batch or makes a batch unclaimable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from models.errors import ClaimConflict, StaleClaim, StorageError
from review import MemoryObjectStore, ReviewerClient, ReviewQueue, iam_policy, layout

from .enforced import PolicyEnforcedStore

BUCKET, Q = "bkt", "general"


def as_reviewer(mem: MemoryObjectStore, who: str) -> PolicyEnforcedStore:
    return PolicyEnforcedStore(mem, iam_policy(BUCKET, Q, who), BUCKET, who)


@pytest.fixture
def operator(mem: MemoryObjectStore, make_batch: Callable[..., Any]) -> ReviewQueue:
    queue = ReviewQueue(mem, Q)
    queue.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    return queue


@pytest.fixture
def alice(mem: MemoryObjectStore, operator: ReviewQueue) -> ReviewerClient:
    client = ReviewerClient(as_reviewer(mem, "alice"), Q, "alice")
    client.claim("batch-1", 60)
    return client


@pytest.fixture
def bob_store(mem: MemoryObjectStore) -> PolicyEnforcedStore:
    return as_reviewer(mem, "bob")


def _holder(queue: ReviewQueue) -> tuple[str, int, str]:
    claim = queue.current_claim("batch-1")
    assert claim is not None
    return (claim.reviewer, claim.epoch, claim.state)


ALICE_EVENT = "00000001-claim-0-60.json"
ATTACKS: dict[str, Callable[[PolicyEnforcedStore], object]] = {
    "overwrite alice's claim event": lambda s: s.put(
        f"queues/{Q}/claims/batch-1/alice/{ALICE_EVENT}", b"{}"
    ),
    "overwrite it conditionally": lambda s: s.put(
        f"queues/{Q}/claims/batch-1/alice/{ALICE_EVENT}", b"{}", if_match='"x"'
    ),
    "release as alice": lambda s: s.put(
        f"queues/{Q}/claims/batch-1/alice/00000002-release-1-0.json", b"{}", if_none_match=True
    ),
    "delete alice's claim": lambda s: s.delete(f"queues/{Q}/claims/batch-1/alice/{ALICE_EVENT}"),
    "complete (close) the batch": lambda s: s.put(
        layout.closed_key(Q, "batch-1"), b'{"reviewer":"bob","epoch":1}', if_none_match=True
    ),
    "write a claim at the old single key": lambda s: s.put(
        f"queues/{Q}/claims/batch-1.json", b"{}", if_none_match=True
    ),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_bob_cannot_write_for_alice(
    alice: ReviewerClient, bob_store: PolicyEnforcedStore, operator: ReviewQueue, attack: str
) -> None:
    with pytest.raises(StorageError, match="access denied"):
        ATTACKS[attack](bob_store)
    assert _holder(operator) == ("alice", 1, "held")


def test_bob_cannot_steal_a_live_claim_and_alice_keeps_working(
    alice: ReviewerClient, bob_store: PolicyEnforcedStore, operator: ReviewQueue, clock: Any
) -> None:
    bob = ReviewerClient(bob_store, Q, "bob")
    clock.advance(30)
    with pytest.raises(ClaimConflict):
        bob.claim("batch-1", 60)
    with pytest.raises(StaleClaim):
        bob.release("batch-1")
    with pytest.raises(StaleClaim):
        bob.renew("batch-1", 60)
    with pytest.raises(StaleClaim):
        bob.submit("batch-1", [])
    assert alice.renew("batch-1", 60).epoch == 1
    alice.submit("batch-1", [])
    assert _holder(operator) == ("alice", 1, "held")


def test_bob_own_events_cannot_break_alice(
    alice: ReviewerClient, bob_store: PolicyEnforcedStore, operator: ReviewQueue
) -> None:
    """bob may only add create-once events under his own name; a renew or release naming
    alice's epoch, a zero lease or junk are ignored by the replay."""
    own = layout.reviewer_claims_prefix(Q, "batch-1", "bob")
    for name in (
        "00000001-renew-1-99999.json",
        "00000002-release-1-0.json",
        "00000000-claim-0-0.json",
        "junk",
    ):
        bob_store.put(own + name, b"{}", if_none_match=True)
    with pytest.raises(StorageError):  # and he cannot rewrite them later either
        bob_store.put(own + "junk", b"{}")
    assert _holder(operator) == ("alice", 1, "held")
    # IAM's `*` spans `/`, so bob can write below alice's name; such a key is not an event
    nested = f"queues/{Q}/claims/batch-1/alice/bob/00000003-release-1-0.json"
    bob_store.put(nested, b"{}", if_none_match=True)
    assert _holder(operator) == ("alice", 1, "held")
    assert (
        operator.claim_scan().problems
        == ["ignored malformed claim object under claims/batch-1/"] * 2
    )


def test_takeover_only_after_expiry_and_done_is_final(
    alice: ReviewerClient, bob_store: PolicyEnforcedStore, operator: ReviewQueue, clock: Any
) -> None:
    bob = ReviewerClient(bob_store, Q, "bob")
    clock.advance(61)
    assert bob.claim("batch-1", 60).epoch == 2  # alice's lease ran out: a legitimate takeover
    with pytest.raises(StaleClaim):
        alice.submit("batch-1", [])
    bob.submit("batch-1", [])
    operator.close("batch-1", "bob", 2)  # the operator accepted bob's work
    clock.advance(3600)
    for client in (alice, bob):
        assert client.available() == []
        with pytest.raises(ClaimConflict, match="already reviewed"):
            client.claim("batch-1", 60)
    with pytest.raises(StorageError):
        bob_store.delete(layout.closed_key(Q, "batch-1"))
    assert _holder(operator) == ("bob", 2, "done")


def test_bob_cannot_make_a_batch_unclaimable(
    mem: MemoryObjectStore, operator: ReviewQueue, bob_store: PolicyEnforcedStore, clock: Any
) -> None:
    bob = ReviewerClient(bob_store, Q, "bob")
    own = layout.reviewer_claims_prefix(Q, "batch-1", "bob")
    bob_store.put(own + "not-json", b"\xff" * 64, if_none_match=True)
    bob.claim("batch-1", 60)
    bob.release("batch-1")
    carol = ReviewerClient(as_reviewer(mem, "carol"), Q, "carol")
    assert carol.available() == ["batch-1"]
    assert carol.claim("batch-1", 60).epoch == 2
