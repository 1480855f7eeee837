"""``S3BlobStore``: sealed objects in an S3 bucket under a key prefix.

The boto3 client is passed in (the composition root builds it). botocore
errors are translated here: missing objects -> ``VaultObjectMissing``,
anything else -> ``StorageError``; messages carry the object key only.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from models.errors import StorageError, VaultObjectMissing
from vault.stores import check_key, check_prefix

_MISSING = {"NoSuchKey", "404", "NotFound"}


def _is_missing(exc: ClientError) -> bool:
    return str(exc.response.get("Error", {}).get("Code", "")) in _MISSING


class S3BlobStore:
    """A ``BlobStore`` over ``s3://bucket/<prefix><key>``."""

    def __init__(
        self,
        client: Any,
        bucket: str,
        prefix: str = "vault/",
        server_side_encryption: str | None = None,
        kms_key_id: str | None = None,
    ) -> None:
        self._s3 = client
        self.bucket = bucket
        self.prefix = prefix
        self._sse: dict[str, str] = {}
        if server_side_encryption:
            self._sse["ServerSideEncryption"] = server_side_encryption
        if kms_key_id:
            self._sse["SSEKMSKeyId"] = kms_key_id

    def put(self, key: str, data: bytes) -> None:
        name = self._name(key)
        try:
            self._s3.put_object(Bucket=self.bucket, Key=name, Body=bytes(data), **self._sse)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(key) from exc

    def get(self, key: str) -> bytes:
        name = self._name(key)
        try:
            response = self._s3.get_object(Bucket=self.bucket, Key=name)
            return bytes(response["Body"].read())
        except ClientError as exc:
            if _is_missing(exc):
                raise VaultObjectMissing(key) from exc
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc

    def exists(self, key: str) -> bool:
        name = self._name(key)
        try:
            self._s3.head_object(Bucket=self.bucket, Key=name)
        except ClientError as exc:
            if _is_missing(exc):
                return False
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        return True

    def delete(self, key: str) -> None:
        name = self._name(key)
        try:
            self._s3.delete_object(Bucket=self.bucket, Key=name)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(key) from exc

    def list(self, prefix: str) -> list[str]:
        full = self.prefix + check_prefix(prefix)
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=full
            )
            names = [obj["Key"] for page in pages for obj in page.get("Contents", [])]
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(prefix) from exc
        return sorted(n.removeprefix(self.prefix) for n in names)

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)
