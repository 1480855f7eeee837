"""The store mutex: create-once to take, takeover only after the lease by the store's
clock, release only of one's own lock, a time-out as a QueueError."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.errors import QueueError
from review import MemoryObjectStore
from review.mutex import StoreMutex

KEY = "locks/plan/t1/m1.json"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> MemoryObjectStore:
    return MemoryObjectStore(clock)


def no_wait(store: MemoryObjectStore, lease: float = 60) -> StoreMutex:
    return StoreMutex(store, KEY, lease_seconds=lease, wait_seconds=-1, sleep=lambda _: None)


def test_acquire_creates_the_lock_and_release_deletes_it(store: MemoryObjectStore) -> None:
    mutex = no_wait(store)
    etag = mutex.acquire()
    assert store.get(KEY) is not None and store.get(KEY).etag == etag  # type: ignore[union-attr]
    mutex.release(etag)
    assert store.get(KEY) is None


def test_a_live_lock_is_not_taken_twice(store: MemoryObjectStore) -> None:
    no_wait(store).acquire()
    with pytest.raises(QueueError):
        no_wait(store).acquire()


def test_a_dead_holder_is_taken_over_after_its_lease(
    store: MemoryObjectStore, clock: Clock
) -> None:
    first = no_wait(store).acquire()
    clock.now += timedelta(seconds=61)
    second = no_wait(store).acquire()
    assert second != first
    no_wait(store).release(first)  # the old holder's late release leaves the successor's lock
    assert store.get(KEY) is not None and store.get(KEY).etag == second  # type: ignore[union-attr]


def test_held_releases_on_the_way_out(store: MemoryObjectStore) -> None:
    with pytest.raises(RuntimeError), no_wait(store).held():
        assert store.get(KEY) is not None
        raise RuntimeError("work failed")
    assert store.get(KEY) is None


def test_waiting_polls_until_the_holder_releases(store: MemoryObjectStore) -> None:
    holder = no_wait(store)
    etag = holder.acquire()
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        holder.release(etag)

    StoreMutex(store, KEY, lease_seconds=60, wait_seconds=30, sleep=sleep).acquire()
    assert len(polls) == 1 and store.get(KEY) is not None
