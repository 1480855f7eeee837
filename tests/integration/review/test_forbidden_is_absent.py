"""On real S3 a caller without ``s3:ListBucket`` on a prefix gets 403, not 404, for a missing
key. Existence checks (``head``/``exists``) read that as absent; reads still fail loudly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from models.errors import StorageError
from review import S3ObjectStore
from vault.s3_store import S3BlobStore


@pytest.fixture
def stubbed() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client(
        "s3", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
    )
    with Stubber(client) as stubber:
        yield client, stubber


@pytest.mark.parametrize("code", ["403", "AccessDenied", "404", "NoSuchKey"])
def test_existence_checks_read_403_as_absent(stubbed: tuple[Any, Stubber], code: str) -> None:
    client, stubber = stubbed
    status = 404 if code in ("404", "NoSuchKey") else 403
    for _ in range(2):
        stubber.add_client_error("head_object", service_error_code=code, http_status_code=status)
    assert S3ObjectStore(client, "bkt").head("queues/q/x.json") is None
    assert S3BlobStore(client, "bkt").exists("tenant/matter/doc") is False


def test_a_403_on_a_read_is_still_an_error(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_client_error("get_object", service_error_code="AccessDenied", http_status_code=403)
    with pytest.raises(StorageError):
        S3ObjectStore(client, "bkt").get("queues/q/x.json")
