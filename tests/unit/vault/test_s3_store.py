"""The vault's S3 adapter translates S3's answers (botocore Stubber, no network): missing
objects are VaultObjectMissing, an existence check reads 404 and 403 as absent, a lost
create-once race is False, anything else a StorageError naming the key; requests carry the
prefix and the server-side encryption settings."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from botocore.stub import ANY, Stubber

from models.errors import StorageError, VaultObjectMissing
from vault.s3_store import S3BlobStore

KEY = "t1/m1/doc-1/original/v1"


def client() -> object:
    return boto3.client("s3", region_name="us-east-1", aws_access_key_id="x",
                        aws_secret_access_key="x")  # fmt: skip


@pytest.fixture
def s3() -> Iterator[tuple[S3BlobStore, Stubber]]:
    c = client()
    with Stubber(c) as stub:  # type: ignore[arg-type]
        yield S3BlobStore(c, "bkt", prefix="vault/"), stub
        stub.assert_no_pending_responses()


@pytest.mark.parametrize(("code", "status"), [("404", 404), ("403", 403), ("Forbidden", 403)])
def test_exists_reads_missing_and_forbidden_as_absent(
    s3: tuple[S3BlobStore, Stubber], code: str, status: int
) -> None:
    store, stub = s3
    stub.add_client_error("head_object", code, http_status_code=status)
    assert store.exists(KEY) is False


def test_exists_fails_on_other_errors_and_is_true_for_an_object(
    s3: tuple[S3BlobStore, Stubber],
) -> None:
    store, stub = s3
    stub.add_response("head_object", {}, {"Bucket": "bkt", "Key": "vault/" + KEY})
    stub.add_client_error("head_object", "InternalError", http_status_code=500)
    assert store.exists(KEY) is True
    with pytest.raises(StorageError):
        store.exists(KEY)


def test_a_missing_read_is_vault_object_missing_a_forbidden_one_a_storage_error(
    s3: tuple[S3BlobStore, Stubber],
) -> None:
    store, stub = s3
    stub.add_client_error("get_object", "NoSuchKey", http_status_code=404)
    stub.add_client_error("get_object", "AccessDenied", http_status_code=403)
    with pytest.raises(VaultObjectMissing):
        store.get(KEY)
    with pytest.raises(StorageError) as info:
        store.get(KEY)
    assert KEY in str(info.value)


def test_a_lost_create_once_race_is_false(s3: tuple[S3BlobStore, Stubber]) -> None:
    store, stub = s3
    expected = {"Bucket": "bkt", "Key": "vault/" + KEY, "Body": ANY, "IfNoneMatch": "*"}
    stub.add_response("put_object", {}, expected)
    stub.add_client_error("put_object", "PreconditionFailed", http_status_code=412)
    assert store.put_new(KEY, b"sealed") is True
    assert store.put_new(KEY, b"sealed") is False


def test_puts_carry_the_encryption_settings() -> None:
    c = client()
    store = S3BlobStore(c, "bkt", prefix="v/", server_side_encryption="aws:kms", kms_key_id="k-1")
    with Stubber(c) as stub:  # type: ignore[arg-type]
        sse = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "k-1"}
        stub.add_response(
            "put_object", {}, {"Bucket": "bkt", "Key": "v/" + KEY, "Body": ANY, **sse}
        )
        store.put(KEY, b"sealed")
        stub.assert_no_pending_responses()
