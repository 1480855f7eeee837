"""Claims and leases on the fake store with a controllable server clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from models.errors import ClaimConflict, QueueError, StaleClaim
from models.review import Claim
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.layout import claim_key

Q = "general"


@pytest.fixture
def queue(mem: MemoryObjectStore, make_batch: Callable[..., Any]) -> ReviewQueue:
    queue = ReviewQueue(mem, Q)
    queue.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    return queue


@pytest.mark.parametrize(("elapsed", "stolen"), [(59, False), (60, True), (3600, True)])
def test_lease_ends_by_the_store_clock(
    queue: ReviewQueue, clock: Any, elapsed: int, stolen: bool
) -> None:
    queue.claim("batch-1", "alice", 60)
    clock.advance(elapsed)
    if not stolen:
        with pytest.raises(ClaimConflict):
            queue.claim("batch-1", "bob", 60)
        return
    claim = queue.claim("batch-1", "bob", 60)
    assert (claim.reviewer, claim.epoch, claim.claimed_at) == ("bob", 2, clock.now)


def test_stale_holder_submit_refused(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any
) -> None:
    alice = ReviewerClient(mem, Q, "alice")
    bob = ReviewerClient(mem, Q, "bob")
    alice.claim("batch-1", 30)
    clock.advance(31)
    assert bob.claim("batch-1", 30).epoch == 2
    with pytest.raises(StaleClaim):
        alice.submit("batch-1", [])
    with pytest.raises(StaleClaim):
        alice.renew("batch-1", 30)
    with pytest.raises(StaleClaim):
        alice.release("batch-1")
    bob.submit("batch-1", [])
    assert [r for r, _ in queue.submissions("batch-1")] == ["bob"]


def test_expired_but_untaken_claim_still_held(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any
) -> None:
    alice = ReviewerClient(mem, Q, "alice")
    alice.claim("batch-1", 30)
    clock.advance(100)
    assert alice.available() == ["batch-1"]
    alice.submit("batch-1", [])
    assert alice.renew("batch-1", 30).epoch == 1


def test_renew_extends_the_lease(queue: ReviewQueue, clock: Any) -> None:
    claim = queue.claim("batch-1", "alice", 30)
    clock.advance(25)
    queue.renew("batch-1", "alice", claim.epoch, 30)
    clock.advance(25)
    with pytest.raises(ClaimConflict):
        queue.claim("batch-1", "bob", 30)


def test_steal_after_steal_counts_epochs(queue: ReviewQueue, clock: Any) -> None:
    for epoch, who in enumerate(["a", "b", "c", "a"], start=1):
        assert queue.claim("batch-1", who, 10).epoch == epoch
        clock.advance(10)


@pytest.mark.parametrize("lease", [0, -5])
def test_lease_must_be_positive(queue: ReviewQueue, lease: int) -> None:
    with pytest.raises(QueueError):
        queue.claim("batch-1", "alice", lease)


class Interloper:
    """A store on which a rival claim lands just before our conditional claim write."""

    def __init__(self, inner: MemoryObjectStore, rival: Claim) -> None:
        self.inner, self.rival = inner, rival

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def put(self, key: str, body: bytes, **kwargs: Any) -> str:
        if key == claim_key(Q, "batch-1") and self.rival is not None:
            self.inner.put(key, self.rival.model_dump_json().encode())
            self.rival = None  # type: ignore[assignment]
        return self.inner.put(key, body, **kwargs)


@pytest.mark.parametrize("expired_first", [False, True], ids=["create", "steal"])
def test_lost_race_is_a_conflict(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any, expired_first: bool
) -> None:
    if expired_first:
        queue.claim("batch-1", "old", 10)
        clock.advance(20)
    rival = Claim(
        batch_id="batch-1", reviewer="rival", epoch=7, lease_seconds=99, claimed_at=clock.now
    )
    racer = ReviewQueue(Interloper(mem, rival), Q)
    with pytest.raises(ClaimConflict):
        racer.claim("batch-1", "alice", 60)
    assert queue.current_claim("batch-1") == rival


def test_release_lost_to_a_thief_is_stale(mem: MemoryObjectStore, queue: ReviewQueue) -> None:
    claim = queue.claim("batch-1", "alice", 60)
    thief = Claim(
        batch_id="batch-1", reviewer="alice", epoch=1, lease_seconds=61, claimed_at=claim.claimed_at
    )
    racer = ReviewQueue(Interloper(mem, thief), Q)  # the thief writes just before our release
    with pytest.raises(StaleClaim):
        racer.release("batch-1", "alice", 1)
    assert queue.current_claim("batch-1") == thief


def test_release_keeps_a_tombstone_so_epochs_only_grow(
    mem: MemoryObjectStore, queue: ReviewQueue
) -> None:
    alice = ReviewerClient(mem, Q, "alice")
    alice.claim("batch-1", 60)
    alice.submit("batch-1", [])
    alice.release("batch-1")
    tomb = queue.current_claim("batch-1")
    assert tomb is not None and (tomb.state, tomb.epoch, tomb.reviewer) == ("released", 1, "alice")
    assert alice.available() == ["batch-1"]
    with pytest.raises(StaleClaim):  # released: no longer held, not even by alice
        queue.renew("batch-1", "alice", 1, 60)
    assert queue.claim("batch-1", "bob", 60).epoch == 2
    queue.release("batch-1", "bob", 2)
    assert queue.claim("batch-1", "alice", 60).epoch == 3


def test_closed_batch_is_never_handed_out_again(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any
) -> None:
    queue.claim("batch-1", "alice", 10)
    queue.close("batch-1", "alice", 1)
    clock.advance(3600)
    assert ReviewerClient(mem, Q, "bob").available() == []
    with pytest.raises(ClaimConflict, match="already reviewed"):
        queue.claim("batch-1", "bob", 10)
    with pytest.raises(StaleClaim):
        queue.renew("batch-1", "alice", 1, 10)
    queue.close("batch-1", "alice", 1)  # idempotent
    claim = queue.current_claim("batch-1")
    assert claim is not None and (claim.state, claim.epoch) == ("done", 1)


def test_close_leaves_a_newer_epoch_alone(queue: ReviewQueue, clock: Any) -> None:
    queue.claim("batch-1", "alice", 10)
    clock.advance(11)
    queue.claim("batch-1", "bob", 10)
    queue.close("batch-1", "alice", 1)
    claim = queue.current_claim("batch-1")
    assert claim is not None and (claim.reviewer, claim.state, claim.epoch) == ("bob", "held", 2)


@pytest.mark.parametrize("body", [b"not json", b'{"batch_id": "batch-9", "reviewer": "x"}'])
def test_unreadable_claim_fails_closed(
    mem: MemoryObjectStore, queue: ReviewQueue, body: bytes
) -> None:
    mem.put(claim_key(Q, "batch-1"), body)
    with pytest.raises(QueueError):
        queue.claim("batch-1", "alice", 60)
