"""Checkpoints on S3 under Object Lock in compliance mode (nobody can delete or overwrite
them until the retention date, not even the account root).

The bucket must be created with Object Lock enabled (``create_locked_bucket``). Each
checkpoint is written once (``IfNoneMatch="*"``) with ``ObjectLockMode="COMPLIANCE"`` and
``ObjectLockRetainUntilDate`` = now + retention.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from audit.checkpoint import Checkpoint
from models.errors import StorageError
from models.s3_codes import BUCKET_EXISTS, PRECONDITION_FAILED, error_code

PREFIX = "ledger-checkpoints/"


def _code(exc: ClientError) -> str:
    return error_code(exc.response)


def create_locked_bucket(client: Any, bucket: str) -> None:
    """Create ``bucket`` with Object Lock enabled; an existing bucket of ours is fine."""
    try:
        client.create_bucket(Bucket=bucket, ObjectLockEnabledForBucket=True)
    except ClientError as exc:
        if _code(exc) not in BUCKET_EXISTS:
            raise StorageError(bucket, "cannot create the checkpoint bucket") from exc
    except BotoCoreError as exc:
        raise StorageError(bucket, "cannot create the checkpoint bucket") from exc


class S3Checkpoints:
    def __init__(
        self, client: Any, bucket: str, prefix: str = PREFIX, retention_days: int = 2555
    ) -> None:
        self._s3 = client
        self._bucket = bucket
        self._prefix = prefix
        self._retention = timedelta(days=retention_days)
        self.name = "s3"

    def put(self, cp: Checkpoint) -> bool:
        until = datetime.now(UTC) + self._retention
        try:
            self._s3.put_object(
                Bucket=self._bucket,
                Key=self._prefix + cp.name,
                Body=cp.to_json(),
                ContentType="application/json",
                IfNoneMatch="*",
                ObjectLockMode="COMPLIANCE",
                ObjectLockRetainUntilDate=until,
            )
        except ClientError as exc:
            if _code(exc) in PRECONDITION_FAILED:
                return False
            raise StorageError(cp.name, "checkpoint upload failed") from exc
        except BotoCoreError as exc:
            raise StorageError(cp.name, "checkpoint upload failed") from exc
        return True

    def all(self) -> list[Checkpoint]:
        return [self._read(key) for key in sorted(self._keys())]

    def retention(self, cp: Checkpoint) -> dict[str, Any]:
        """The object's lock mode and retain-until date, as S3 reports them."""
        try:
            got = self._s3.head_object(Bucket=self._bucket, Key=self._prefix + cp.name)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(cp.name, "cannot read checkpoint retention") from exc
        return {
            "Mode": got.get("ObjectLockMode"),
            "RetainUntilDate": got.get("ObjectLockRetainUntilDate"),
        }

    def _keys(self) -> list[str]:
        keys: list[str] = []
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self._bucket, Prefix=self._prefix
            )
            for page in pages:
                keys += [obj["Key"] for obj in page.get("Contents", [])]
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(self._bucket, "cannot list checkpoints") from exc
        return keys

    def _read(self, key: str) -> Checkpoint:
        try:
            body = self._s3.get_object(Bucket=self._bucket, Key=key)["Body"].read()
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(key, "cannot read checkpoint") from exc
        return Checkpoint.from_json(body, key.rsplit("/", 1)[-1])
