"""Blob-store keys: opaque relative paths only; the memory fake keeps the contract."""

from __future__ import annotations

import io

import pytest

from models.errors import InvalidObjectKey, VaultObjectMissing
from vault.stores import MemoryStore, check_key, check_prefix


@pytest.mark.parametrize(
    "bad", ["", "/abs", "a/../b", "a//b", "a/./b", ".hidden", "a b", "x" * 1025, "a/b/"]
)
def test_keys_that_could_escape_are_refused(bad: str) -> None:
    with pytest.raises(InvalidObjectKey):
        check_key(bad)


def test_good_keys_and_prefixes() -> None:
    assert check_key("tenants/t1/a-b_c.v1") == "tenants/t1/a-b_c.v1"
    assert check_prefix("") == "" and check_prefix("tenants/") == "tenants/"


def test_the_memory_store_contract() -> None:
    store = MemoryStore()
    assert store.put_new("a/1", b"one") and not store.put_new("a/1", b"two")
    store.put("a/2", b"x")
    store.put_stream("b/1", io.BytesIO(b"streamed"))
    assert store.get("a/1") == b"one" and store.open("b/1").read() == b"streamed"
    assert store.list("a/") == ["a/1", "a/2"] and store.exists("a/2")
    store.delete("a/2")
    store.delete("a/2")  # absent is fine
    with pytest.raises(VaultObjectMissing):
        store.get("a/2")
