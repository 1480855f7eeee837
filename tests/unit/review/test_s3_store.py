"""The queues' S3 adapter translates S3's answers (botocore Stubber, no network): 404 and
403 are absent to an existence check, missing reads are None, failed conditions are
PreconditionFailed, anything else a StorageError naming the key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import boto3
import pytest
from botocore.stub import Stubber

from models.errors import StorageError
from review.ports import ObjectInfo, PreconditionFailed
from review.s3_store import S3ObjectStore

WHEN = datetime(2031, 1, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def s3() -> Iterator[tuple[S3ObjectStore, Stubber]]:
    client = boto3.client("s3", region_name="us-east-1", aws_access_key_id="x",
                          aws_secret_access_key="x")  # fmt: skip
    with Stubber(client) as stub:
        yield S3ObjectStore(client, "bkt"), stub
        stub.assert_no_pending_responses()


@pytest.mark.parametrize(("code", "status"), [("404", 404), ("403", 403), ("AccessDenied", 403)])
def test_head_reads_missing_and_forbidden_as_absent(
    s3: tuple[S3ObjectStore, Stubber], code: str, status: int
) -> None:
    store, stub = s3
    stub.add_client_error("head_object", code, http_status_code=status)
    assert store.head("q/claims/x") is None


def test_head_of_an_object(s3: tuple[S3ObjectStore, Stubber]) -> None:
    store, stub = s3
    stub.add_response("head_object", {"ContentLength": 12, "LastModified": WHEN})
    assert store.head("q/a") == ObjectInfo("q/a", 12, WHEN)


def test_head_fails_on_other_errors(s3: tuple[S3ObjectStore, Stubber]) -> None:
    store, stub = s3
    stub.add_client_error("head_object", "SlowDown", http_status_code=503)
    with pytest.raises(StorageError):
        store.head("q/a")


def test_a_missing_read_is_none_a_forbidden_read_fails(s3: tuple[S3ObjectStore, Stubber]) -> None:
    store, stub = s3
    stub.add_client_error("get_object", "NoSuchKey", http_status_code=404)
    stub.add_client_error("get_object", "AccessDenied", http_status_code=403)
    assert store.get("q/a") is None
    with pytest.raises(StorageError):
        store.get("q/a")


@pytest.mark.parametrize(
    ("code", "status"), [("PreconditionFailed", 412), ("ConditionalRequestConflict", 409)]
)
def test_a_failed_condition_is_precondition_failed(
    s3: tuple[S3ObjectStore, Stubber], code: str, status: int
) -> None:
    store, stub = s3
    stub.add_client_error("put_object", code, http_status_code=status)
    with pytest.raises(PreconditionFailed):
        store.put("q/claims/x", b"{}", if_none_match=True)


def test_an_unconditional_put_never_reads_as_a_lost_race(s3: tuple[S3ObjectStore, Stubber]) -> None:
    store, stub = s3
    stub.add_client_error("put_object", "PreconditionFailed", http_status_code=412)
    with pytest.raises(StorageError):
        store.put("q/a", b"{}")


def test_list_info_is_sorted_with_sizes_and_times(s3: tuple[S3ObjectStore, Stubber]) -> None:
    store, stub = s3
    contents = [
        {"Key": "q/b", "Size": 2, "LastModified": WHEN},
        {"Key": "q/a", "Size": 1, "LastModified": WHEN},
    ]
    stub.add_response("list_objects_v2", {"Contents": contents, "IsTruncated": False})
    assert store.list_info("q/") == [ObjectInfo("q/a", 1, WHEN), ObjectInfo("q/b", 2, WHEN)]
