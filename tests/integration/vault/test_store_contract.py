"""One contract, three stores: LocalDirStore, MemoryStore, S3BlobStore (moto)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from models.errors import StorageError, VaultError, VaultObjectMissing
from vault.local_store import LocalDirStore
from vault.s3_store import S3BlobStore
from vault.stores import BlobStore, MemoryStore
from vault.streams import reader

BUCKET = "sealroom-vault-test"
KEY = "tenants/t1/matters/m1/docs/d1/original/v1.sealed"


@pytest.fixture(scope="module")
def aws() -> Iterator[Any]:
    """One moto session per module (setup is the slow part); a bucket per test."""
    with mock_aws():
        yield boto3.client("s3", region_name="us-east-1")


@pytest.fixture
def s3_client(aws: Any) -> Any:
    _fresh_bucket(aws)
    return aws


def _fresh_bucket(client: Any) -> None:
    """Create the bucket, or empty it if an earlier test left objects behind."""
    existing = {b["Name"] for b in client.list_buckets()["Buckets"]}
    if BUCKET in existing:
        for obj in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=obj["Key"])
    else:
        client.create_bucket(Bucket=BUCKET)


def _local(tmp_path: Path, s3: Callable[[], Any]) -> BlobStore:
    return LocalDirStore(tmp_path / "vault")


def _memory(tmp_path: Path, s3: Callable[[], Any]) -> BlobStore:
    return MemoryStore()


def _s3(tmp_path: Path, s3: Callable[[], Any]) -> BlobStore:
    return S3BlobStore(s3(), BUCKET)


@pytest.fixture(params=[_local, _memory, _s3], ids=["local", "memory", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    make = request.param
    return make(tmp_path, lambda: request.getfixturevalue("s3_client"))


@pytest.mark.parametrize("data", [b"", b"x", b"\x00\xff" * 5000], ids=["empty", "one", "10k"])
def test_put_get_round_trip(store: BlobStore, data: bytes) -> None:
    store.put(KEY, data)
    assert store.get(KEY) == data
    assert store.exists(KEY)


def test_put_overwrites(store: BlobStore) -> None:
    store.put(KEY, b"first")
    store.put(KEY, b"second")
    assert store.get(KEY) == b"second"
    assert store.list("") == [KEY]


def test_missing_object(store: BlobStore) -> None:
    assert not store.exists(KEY)
    with pytest.raises(VaultObjectMissing) as info:
        store.get(KEY)
    assert info.value.ref == KEY


def test_delete(store: BlobStore) -> None:
    store.put(KEY, b"data")
    store.delete(KEY)
    assert not store.exists(KEY)
    with pytest.raises(VaultObjectMissing):
        store.get(KEY)
    store.delete(KEY)  # deleting again is not an error


def test_list_by_prefix(store: BlobStore) -> None:
    keys = ["a/b/1", "a/b/2", "a/bc/3", "a/c/4", "z/5"]
    for key in reversed(keys):
        store.put(key, key.encode())
    assert store.list("") == keys
    assert store.list("a/b/") == ["a/b/1", "a/b/2"]
    assert store.list("a/b") == ["a/b/1", "a/b/2", "a/bc/3"]
    assert store.list("a/") == keys[:4]
    assert store.list("q/") == []


def test_parent_of_an_object_is_not_an_object(store: BlobStore) -> None:
    store.put("a/b/c", b"x")
    assert not store.exists("a/b")
    with pytest.raises(VaultObjectMissing):
        store.get("a/b")


BAD_KEYS = [
    "", "/etc/passwd", "../outside", "a/../../outside", "a/../b", "a//b", "a/./b", ".",
    "..", "a/", "/", "a\\..\\b", "a/.hidden", "a/ b", "a\x00b", "x" * 2000,
]  # fmt: skip


@pytest.mark.parametrize("key", BAD_KEYS)
@pytest.mark.parametrize("op", ["put", "get", "exists", "delete"])
def test_bad_keys_are_refused(store: BlobStore, key: str, op: str) -> None:
    call: dict[str, Callable[[], object]] = {
        "put": lambda: store.put(key, b"data"),
        "get": lambda: store.get(key),
        "exists": lambda: store.exists(key),
        "delete": lambda: store.delete(key),
    }
    with pytest.raises(VaultError) as info:
        call[op]()
    assert not isinstance(info.value, VaultObjectMissing)
    assert store.list("") == []


@pytest.mark.parametrize("prefix", ["../", "/abs", "a/../"])
def test_bad_list_prefix_is_refused(store: BlobStore, prefix: str) -> None:
    with pytest.raises(VaultError):
        store.list(prefix)


# --- S3 specifics ------------------------------------------------------------------
def test_s3_objects_live_under_the_prefix(s3_client: Any) -> None:
    S3BlobStore(s3_client, BUCKET, prefix="vault/").put(KEY, b"data")
    s3_client.put_object(Bucket=BUCKET, Key="other/x", Body=b"y")
    listed = s3_client.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert sorted(o["Key"] for o in listed) == ["other/x", f"vault/{KEY}"]
    assert S3BlobStore(s3_client, BUCKET, prefix="vault/").list("") == [KEY]


@pytest.mark.parametrize("sse", ["AES256", "aws:kms"])
def test_s3_server_side_encryption(s3_client: Any, sse: str) -> None:
    S3BlobStore(s3_client, BUCKET, server_side_encryption=sse).put(KEY, b"data")
    head = s3_client.head_object(Bucket=BUCKET, Key=f"vault/{KEY}")
    assert head["ServerSideEncryption"] == sse


def test_s3_without_sse_sends_no_sse_header(s3_client: Any) -> None:
    sent: list[dict[str, Any]] = []
    s3_client.meta.events.register("provide-client-params.s3.PutObject", _record(sent))
    S3BlobStore(s3_client, BUCKET).put(KEY, b"data")
    assert "ServerSideEncryption" not in sent[0]


def _record(sent: list[dict[str, Any]]) -> Callable[..., None]:
    def handler(params: dict[str, Any], **_: Any) -> None:
        sent.append(dict(params))

    return handler


@pytest.mark.parametrize("op", ["put", "get", "exists", "delete", "list"])
def test_s3_other_failures_are_storage_errors(s3_client: Any, op: str) -> None:
    store = S3BlobStore(s3_client, "no-such-bucket")
    call: dict[str, Callable[[], object]] = {
        "put": lambda: store.put(KEY, b"d"),
        "get": lambda: store.get(KEY),
        "exists": lambda: store.exists(KEY),
        "delete": lambda: store.delete(KEY),
        "list": lambda: store.list(""),
    }
    with pytest.raises((StorageError, VaultObjectMissing)) as info:
        call[op]()
    if op != "exists":
        assert isinstance(info.value, StorageError)


# --- streaming ------------------------------------------------------------------
@pytest.mark.parametrize("size", [0, 1, 3 * 1024 * 1024 + 7], ids=["empty", "one", "3m"])
def test_put_stream_and_open_round_trip(store: BlobStore, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    store.put_stream(KEY, io.BytesIO(data))
    with store.open(KEY) as stream:
        assert stream.read() == data
    assert store.get(KEY) == data


def test_open_missing_object(store: BlobStore) -> None:
    with pytest.raises(VaultObjectMissing) as info:
        store.open(KEY)
    assert info.value.ref == KEY


def test_failed_stream_leaves_the_old_object(store: BlobStore) -> None:
    store.put(KEY, b"old")

    def chunks() -> Iterator[bytes]:
        yield b"partial" * 1000
        raise VaultError(KEY, reason="source failed")

    with pytest.raises(VaultError):
        store.put_stream(KEY, reader(chunks()))
    assert store.get(KEY) == b"old"
    assert store.list("") == [KEY]


def test_s3_large_stream_is_a_multipart_upload(s3_client: Any) -> None:
    sent: list[dict[str, Any]] = []
    s3_client.meta.events.register("provide-client-params.s3.UploadPart", _record(sent))
    data = b"\x5a" * (17 * 1024 * 1024)
    S3BlobStore(s3_client, BUCKET, server_side_encryption="aws:kms").put_stream(
        KEY, io.BytesIO(data)
    )
    assert len(sent) == 3
    head = s3_client.head_object(Bucket=BUCKET, Key=f"vault/{KEY}")
    assert head["ContentLength"] == len(data) and head["ServerSideEncryption"] == "aws:kms"


def test_put_new_creates_once(store: BlobStore) -> None:
    assert store.put_new("a/first", b"one") is True
    assert store.put_new("a/first", b"two") is False
    assert store.get("a/first") == b"one"
    assert store.list("a/") == ["a/first"]  # no temp file left behind


def test_put_new_has_exactly_one_winner_under_a_race(store: BlobStore) -> None:
    barrier = threading.Barrier(6)

    def attempt(i: int) -> bool:
        barrier.wait()
        return store.put_new("race/key", f"writer {i}".encode())

    with ThreadPoolExecutor(6) as pool:
        wins = list(pool.map(attempt, range(6)))
    assert wins.count(True) == 1
    assert store.get("race/key") == f"writer {wins.index(True)}".encode()
