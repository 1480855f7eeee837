"""Claims and leases on the fake store with a controllable server clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from models.errors import ClaimConflict, QueueError, StaleClaim
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.layout import batch_claims_prefix

Q = "general"


@pytest.fixture
def queue(mem: MemoryObjectStore, make_batch: Callable[..., Any]) -> ReviewQueue:
    queue = ReviewQueue(mem, Q)
    queue.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    return queue


# the fake store stamps each write a microsecond after the previous one: 60 s is a hair short
@pytest.mark.parametrize(("elapsed", "stolen"), [(59, False), (60.001, True), (3600, True)])
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
    assert (claim.reviewer, claim.epoch) == ("bob", 2)
    assert timedelta(0) <= claim.claimed_at - clock.now < timedelta(milliseconds=1)


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
        clock.advance(10.001)


@pytest.mark.parametrize("lease", [0, -5])
def test_lease_must_be_positive(queue: ReviewQueue, lease: int) -> None:
    with pytest.raises(QueueError):
        queue.claim("batch-1", "alice", lease)


class Interloper:
    """A store on which a rival's claim event lands just before our own claim event."""

    def __init__(self, inner: MemoryObjectStore, rival: str) -> None:
        self.inner, self.rival = inner, rival

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def put(self, key: str, body: bytes, **kwargs: Any) -> str:
        if key.startswith(batch_claims_prefix(Q, "batch-1")) and self.rival:
            rival, self.rival = self.rival, ""
            ReviewQueue(self.inner, Q).claim("batch-1", rival, 99)
        return self.inner.put(key, body, **kwargs)


@pytest.mark.parametrize("expired_first", [False, True], ids=["create", "steal"])
def test_lost_race_is_a_conflict(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any, expired_first: bool
) -> None:
    if expired_first:
        queue.claim("batch-1", "old", 10)
        clock.advance(20)
    racer = ReviewQueue(Interloper(mem, "rival"), Q)
    with pytest.raises(ClaimConflict):
        racer.claim("batch-1", "alice", 60)
    claim = queue.current_claim("batch-1")
    assert claim is not None and (claim.reviewer, claim.epoch) == ("rival", 1 + expired_first)


def test_release_lost_to_a_thief_is_stale(
    mem: MemoryObjectStore, queue: ReviewQueue, clock: Any
) -> None:
    queue.claim("batch-1", "alice", 60)
    clock.advance(61)  # expired, not yet taken over: alice still holds it until the thief
    racer = ReviewQueue(Interloper(mem, "thief"), Q)  # the thief writes just before our release
    with pytest.raises(StaleClaim):
        racer.release("batch-1", "alice", 1)
    claim = queue.current_claim("batch-1")
    assert claim is not None and (claim.reviewer, claim.epoch, claim.state) == ("thief", 2, "held")


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


@pytest.mark.parametrize(
    "name", ["not-an-event.json", "1-steal-1-60.json", "x/1-claim-0-60.json", "1-claim-0-0.json"]
)
def test_malformed_claim_objects_are_ignored_and_reported(
    mem: MemoryObjectStore, queue: ReviewQueue, name: str
) -> None:
    mem.put(f"{batch_claims_prefix(Q, 'batch-1')}mallory/{name}", b"junk")
    assert ReviewerClient(mem, Q, "alice").available() == ["batch-1"]
    if name != "1-claim-0-0.json":  # parses, but a zero lease never wins
        assert queue.claim_scan().problems == [
            "ignored malformed claim object under claims/batch-1/"
        ]
    assert queue.claim("batch-1", "alice", 60).epoch == 1
