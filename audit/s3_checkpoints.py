"""Checkpoints on S3 under Object Lock in compliance mode (nobody can delete or overwrite
them until the retention date, not even the account root).

The bucket must be created with Object Lock enabled (``create_locked_bucket``). Each
checkpoint is written once (``IfNoneMatch="*"``) with ``ObjectLockMode="COMPLIANCE"`` and
``ObjectLockRetainUntilDate`` = now + retention, under ``ledger-checkpoints/<ledger
id>/``. Reading lists object *versions*: a plain ``DeleteObject`` only adds a delete
marker (allowed even in compliance mode), which must not hide a locked checkpoint; every
stored version is read, so a forged later version cannot hide the real one either.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from audit.checkpoint import Checkpoint
from audit.checkpoint_store import belongs
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
                Body=cp.serialize(),
                ContentType="text/plain; charset=utf-8",
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

    def all(self, ledger_id: str) -> list[Checkpoint]:
        found = [self._read(key, version) for key, version in sorted(self._versions(ledger_id))]
        return sorted(found, key=lambda cp: (cp.tree_size, cp.format))

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

    def _versions(self, ledger_id: str) -> list[tuple[str, str]]:
        """(key, version id) of every stored version of the ledger's checkpoints; delete
        markers are skipped (they hide nothing from this listing)."""
        found: list[tuple[str, str]] = []
        try:
            pages = self._s3.get_paginator("list_object_versions").paginate(
                Bucket=self._bucket, Prefix=self._prefix
            )
            for page in pages:
                found += [
                    (v["Key"], v["VersionId"])
                    for v in page.get("Versions", [])
                    if belongs(v["Key"][len(self._prefix) :], ledger_id)
                ]
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(self._bucket, "cannot list checkpoints") from exc
        return found

    def _read(self, key: str, version: str) -> Checkpoint:
        try:
            got = self._s3.get_object(Bucket=self._bucket, Key=key, VersionId=version)
            body = got["Body"].read()
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(key, "cannot read checkpoint") from exc
        return Checkpoint.parse(body, key[len(self._prefix) :])
