"""Checkpoints on S3 (moto): written once, read from every stored version so a delete
marker hides nothing, only the asked ledger's; S3 failures are StorageErrors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from audit import Ledger
from audit.checkpoint import Checkpoint, make_checkpoint
from audit.checkpointer import ledger_id
from audit.s3_checkpoints import PREFIX, S3Checkpoints, create_locked_bucket
from models.audit import EventDraft
from models.errors import StorageError
from vault.signing import Ed25519Signer


def checkpoints(n: int, actor: str = "op") -> tuple[str, list[Checkpoint]]:
    book, signer = Ledger("sqlite://"), Ed25519Signer.generate()
    made = []
    for i in range(1, n + 1):
        head = book.append(EventDraft(f"{actor}{i}", actor, "document.ingested", "document", "d"))
        made.append(make_checkpoint(head, ledger_id(book), signer))
    return ledger_id(book), made


@pytest.fixture
def s3() -> Iterator[tuple[Any, S3Checkpoints]]:
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        create_locked_bucket(client, "cps")
        yield client, S3Checkpoints(client, "cps", retention_days=1)


def test_written_once_and_read_back_in_order(s3: tuple[Any, S3Checkpoints]) -> None:
    _, store = s3
    lid, (one, two) = checkpoints(2)
    assert store.put(two) and store.put(one) and not store.put(one)
    assert [cp.tree_size for cp in store.all(lid)] == [1, 2]


def test_a_delete_marker_hides_nothing(s3: tuple[Any, S3Checkpoints]) -> None:
    client, store = s3
    lid, (one,) = checkpoints(1)
    store.put(one)
    client.delete_object(Bucket="cps", Key=PREFIX + one.name)  # adds a delete marker only
    assert [cp.tree_size for cp in store.all(lid)] == [1]


def test_only_the_asked_ledgers_checkpoints(s3: tuple[Any, S3Checkpoints]) -> None:
    _, store = s3
    lid_a, (a,) = checkpoints(1, "a")
    lid_b, (b,) = checkpoints(1, "b")
    store.put(a)
    store.put(b)
    assert lid_a != lid_b
    assert [cp.ledger_id for cp in store.all(lid_a)] == [lid_a]


def test_s3_failures_are_storage_errors() -> None:
    client = boto3.client("s3", region_name="us-east-1", aws_access_key_id="x",
                          aws_secret_access_key="x")  # fmt: skip
    store = S3Checkpoints(client, "cps")
    _, (one,) = checkpoints(1)
    with Stubber(client) as stub:
        stub.add_client_error("put_object", "AccessDenied", http_status_code=403)
        stub.add_client_error("list_object_versions", "NoSuchBucket", http_status_code=404)
        stub.add_client_error("create_bucket", "AccessDenied", http_status_code=403)
        with pytest.raises(StorageError):
            store.put(one)
        with pytest.raises(StorageError):
            store.all("any")
        with pytest.raises(StorageError):
            create_locked_bucket(client, "cps")
