"""The in-memory object store keeps S3's conditional-write semantics and its own clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from review.memory_store import MemoryObjectStore
from review.ports import PreconditionFailed

NOON = datetime(2025, 3, 1, 12, 0, 0, 500_000, tzinfo=UTC)


def test_conditional_writes_and_deletes() -> None:
    store = MemoryObjectStore(lambda: NOON)
    etag = store.put("claims/b1.json", b"v1", if_none_match=True)
    with pytest.raises(PreconditionFailed):
        store.put("claims/b1.json", b"v2", if_none_match=True)  # exactly one creator wins
    with pytest.raises(PreconditionFailed):
        store.put("claims/b1.json", b"v2", if_match='"stale"')
    new = store.put("claims/b1.json", b"v2", if_match=etag.strip('"'))  # quotes optional
    with pytest.raises(PreconditionFailed):
        store.delete("claims/b1.json", if_match=etag)
    store.delete("claims/b1.json", if_match=new)
    assert store.get("claims/b1.json") is None
    store.delete("claims/b1.json")  # absent is fine without a condition


def test_timestamps_come_from_the_store_clock_strictly_increasing() -> None:
    store = MemoryObjectStore(lambda: NOON)
    store.put("a", b"x")
    store.put("b", b"y")  # the same instant: stamped a microsecond later (linearizable)
    a, b = store.head("a"), store.head("b")
    assert a is not None and b is not None and a.last_modified == NOON
    assert b.last_modified == NOON + timedelta(microseconds=1)
    assert (b.size, store.settle_seconds) == (1, 0.0)
    assert store.list("") == ["a", "b"] and store.now() == NOON
    assert [i.key for i in store.list_info("")] == ["a", "b"] and store.head("c") is None
