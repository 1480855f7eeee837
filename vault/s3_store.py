"""``S3BlobStore``: sealed objects in an S3 bucket under a key prefix.

The boto3 client is passed in (the composition root builds it). botocore
errors are translated here: missing objects -> ``VaultObjectMissing``,
anything else -> ``StorageError``; messages carry the object key only.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO, cast

from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import BotoCoreError, ClientError

from models.errors import StorageError, VaultObjectMissing
from models.s3_codes import FORBIDDEN, MISSING, PRECONDITION_FAILED, error_code
from vault.stores import check_key, check_prefix

PART_SIZE = 8 * 1024 * 1024


def transfer_config() -> TransferConfig:
    """Multipart above one part; at most ~3 parts in memory (bounded streaming)."""
    config = TransferConfig(
        multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE, max_concurrency=2
    )
    config.max_in_memory_upload_chunks = 2  # s3transfer knob boto3 does not expose
    return config


def _precondition_failed(exc: ClientError) -> bool:
    return error_code(exc.response) in PRECONDITION_FAILED


def _is_absent(exc: ClientError) -> bool:
    """For an existence check: S3 answers 403, not 404, for a missing key when the caller
    may not list its prefix; to such a caller the key does not exist either."""
    return _is_missing(exc) or error_code(exc.response) in FORBIDDEN


def _is_missing(exc: ClientError) -> bool:
    return error_code(exc.response) in MISSING


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

    def put_new(self, key: str, data: bytes) -> bool:
        """``PutObject`` with ``If-None-Match: *``: S3 lets exactly one racing writer win."""
        name = self._name(key)
        try:
            self._s3.put_object(
                Bucket=self.bucket, Key=name, Body=bytes(data), IfNoneMatch="*", **self._sse
            )
        except ClientError as exc:
            if _precondition_failed(exc):
                return False
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        return True

    def put_stream(self, key: str, source: BinaryIO) -> None:
        """Multipart upload: the object appears only when the upload completes."""
        name = self._name(key)
        try:
            self._s3.upload_fileobj(
                source, self.bucket, name, ExtraArgs=dict(self._sse), Config=transfer_config()
            )
        except (ClientError, BotoCoreError, S3UploadFailedError) as exc:
            raise StorageError(key) from exc

    def get(self, key: str) -> bytes:
        with self.open(key) as body:
            return body.read()

    def open(self, key: str) -> BinaryIO:
        name = self._name(key)
        try:
            response = self._s3.get_object(Bucket=self.bucket, Key=name)
        except ClientError as exc:
            if _is_missing(exc):
                raise VaultObjectMissing(key) from exc
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        return cast(BinaryIO, io.BufferedReader(_Body(response["Body"], key), PART_SIZE // 8))

    def exists(self, key: str) -> bool:
        name = self._name(key)
        try:
            self._s3.head_object(Bucket=self.bucket, Key=name)
        except ClientError as exc:
            if _is_absent(exc):
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


class _Body(io.RawIOBase):
    """An S3 response body whose read errors become ``StorageError``."""

    def __init__(self, body: Any, key: str) -> None:
        super().__init__()
        self._body = body
        self._key = key

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        try:
            return bytes(self._body.read(None if size is None or size < 0 else size))
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(self._key) from exc

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._body.close()
        super().close()
