"""One contract, two ObjectStores: moto-backed S3 and the in-memory fake."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from review import ObjectStore, PreconditionFailed


def test_put_returns_etag_that_get_reports(store: ObjectStore) -> None:
    etag = store.put("a/k", b"one")
    got = store.get("a/k")
    assert got is not None
    assert (got.body, got.etag) == (b"one", etag)
    assert got.last_modified.tzinfo is not None


def test_etag_changes_with_content(store: ObjectStore) -> None:
    first = store.put("a/k", b"one")
    assert store.put("a/k", b"two") != first


def test_get_missing_is_none(store: ObjectStore) -> None:
    assert store.get("nope") is None


def test_if_none_match_creates_only_once(store: ObjectStore) -> None:
    store.put("a/k", b"one", if_none_match=True)
    with pytest.raises(PreconditionFailed):
        store.put("a/k", b"two", if_none_match=True)
    got = store.get("a/k")
    assert got is not None and got.body == b"one"


@pytest.mark.parametrize("wrong", ['"0123456789abcdef0123456789abcdef"', "bogus"])
def test_if_match_requires_current_etag(store: ObjectStore, wrong: str) -> None:
    etag = store.put("a/k", b"one")
    with pytest.raises(PreconditionFailed):
        store.put("a/k", b"two", if_match=wrong)
    new = store.put("a/k", b"three", if_match=etag)
    with pytest.raises(PreconditionFailed):
        store.put("a/k", b"four", if_match=etag)
    got = store.get("a/k")
    assert got is not None and (got.body, got.etag) == (b"three", new)


def test_if_match_on_missing_key_fails(store: ObjectStore) -> None:
    etag = store.put("a/k", b"one")
    with pytest.raises(PreconditionFailed):
        store.put("a/other", b"x", if_match=etag)
    assert store.get("a/other") is None


def test_conditional_delete(store: ObjectStore) -> None:
    etag = store.put("a/k", b"one")
    with pytest.raises(PreconditionFailed):
        store.delete("a/k", if_match='"0123456789abcdef0123456789abcdef"')
    assert store.get("a/k") is not None
    store.delete("a/k", if_match=etag)
    assert store.get("a/k") is None
    with pytest.raises(PreconditionFailed):
        store.delete("a/k", if_match=etag)


def test_unconditional_delete_of_missing_key_is_fine(store: ObjectStore) -> None:
    store.delete("never/there")


def test_list_by_prefix_sorted(store: ObjectStore) -> None:
    for key in ("q/b/2", "q/a/1", "q/b/1", "qq/x", "r/q/1"):
        store.put(key, b"")
    assert store.list("q/") == ["q/a/1", "q/b/1", "q/b/2"]
    assert store.list("q/b/") == ["q/b/1", "q/b/2"]
    assert store.list("none/") == []


def test_now_is_the_store_clock(store: ObjectStore) -> None:
    store.put("a/k", b"one")
    got = store.get("a/k")
    now = store.now()
    assert got is not None and now.utcoffset() == timedelta(0)
    # wide bound: on a loaded machine seconds pass between the put and the clock read
    assert timedelta(0) <= now.astimezone(UTC) - got.last_modified < timedelta(seconds=120)
