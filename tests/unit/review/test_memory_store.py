"""The in-memory object store keeps S3's conditional-write semantics and its own clock."""

from __future__ import annotations

from datetime import UTC, datetime

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


def test_timestamps_come_from_the_store_clock_in_whole_seconds() -> None:
    store = MemoryObjectStore(lambda: NOON)
    store.put("a", b"x")
    stored = store.get("a")
    assert stored is not None and stored.last_modified == NOON.replace(microsecond=0)
    assert store.list("") == ["a"] and store.now() == NOON
