"""``ObjectStore`` over a boto3 S3 client (the only module of ``review`` that touches boto).

Uses S3 conditional writes: ``PutObject`` with ``IfNoneMatch="*"`` / ``IfMatch=<etag>``
and ``DeleteObject`` with ``IfMatch``. ``now()`` is the server's time: taken from the
``Date`` header of the last response (aged by the monotonic clock, trusted for a minute),
else from a cheap ``ListObjectsV2`` under ``clock_prefix`` (pass the queue prefix so a
reviewer's least-privilege policy allows it).
"""

from __future__ import annotations

import builtins
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from models.errors import StorageError
from models.s3_codes import FORBIDDEN, MISSING, PRECONDITION_FAILED, error_code
from review.ports import ObjectInfo, PreconditionFailed, StoredObject
from review.server_clock import ServerClock, response_headers


def _code(exc: ClientError) -> str:
    return error_code(exc.response)


class S3ObjectStore:
    def __init__(
        self, client: Any, bucket: str, *, clock_prefix: str = "", settle_seconds: float = 2.0
    ) -> None:
        self.settle_seconds = settle_seconds
        self._s3 = client
        self._bucket = bucket
        self._clock_prefix = clock_prefix
        self._clock = ServerClock()

    def put(
        self, key: str, body: bytes, *, if_none_match: bool = False, if_match: str | None = None
    ) -> str:
        extra: dict[str, str] = {}
        if if_none_match:
            extra["IfNoneMatch"] = "*"
        if if_match is not None:
            extra["IfMatch"] = if_match
        conditional = bool(extra)
        try:
            response = self._s3.put_object(Bucket=self._bucket, Key=key, Body=body, **extra)
        except ClientError as exc:
            self._clock.observe(response_headers(exc.response))
            raise self._translate(exc, key, conditional) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        self._clock.observe(response_headers(response))
        return str(response["ETag"])

    def get(self, key: str) -> StoredObject | None:
        try:
            response = self._s3.get_object(Bucket=self._bucket, Key=key)
            body = response["Body"].read()
        except ClientError as exc:
            self._clock.observe(response_headers(exc.response))
            if _code(exc) in MISSING:
                return None
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        self._clock.observe(response_headers(response))
        modified = response["LastModified"].astimezone(UTC)
        return StoredObject(body, str(response["ETag"]), modified)

    def list(self, prefix: str) -> list[str]:
        keys: list[str] = []
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self._bucket, Prefix=prefix
            )
            for page in pages:
                keys.extend(item["Key"] for item in page.get("Contents", ()))
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(prefix) from exc
        return sorted(keys)

    def list_info(self, prefix: str) -> builtins.list[ObjectInfo]:
        found: list[ObjectInfo] = []
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self._bucket, Prefix=prefix
            )
            for page in pages:
                found.extend(_info(item) for item in page.get("Contents", ()))
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(prefix) from exc
        return sorted(found, key=lambda info: info.key)

    def head(self, key: str) -> ObjectInfo | None:
        try:
            response = self._s3.head_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            self._clock.observe(response_headers(exc.response))
            if _code(exc) in MISSING | FORBIDDEN:  # an existence check: absent to this caller
                return None
            raise StorageError(key) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc
        self._clock.observe(response_headers(response))
        return ObjectInfo(
            key, int(response["ContentLength"]), response["LastModified"].astimezone(UTC)
        )

    def delete(self, key: str, if_match: str | None = None) -> None:
        extra = {"IfMatch": if_match} if if_match is not None else {}
        try:
            self._s3.delete_object(Bucket=self._bucket, Key=key, **extra)
        except ClientError as exc:
            raise self._translate(exc, key, bool(extra)) from exc
        except BotoCoreError as exc:
            raise StorageError(key) from exc

    def now(self) -> datetime:
        cached = self._clock.now()
        if cached is not None:
            return cached
        try:
            response = self._s3.list_objects_v2(
                Bucket=self._bucket, Prefix=self._clock_prefix, MaxKeys=1
            )
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(self._bucket) from exc
        self._clock.observe(response_headers(response))
        fresh = self._clock.now()
        if fresh is None:
            raise StorageError(self._bucket, "object store sent no Date header")
        return fresh

    @staticmethod
    def _translate(exc: ClientError, key: str, conditional: bool) -> Exception:
        code = _code(exc)
        if conditional and (code in PRECONDITION_FAILED or code in MISSING):
            return PreconditionFailed(key)
        return StorageError(key)


def _info(item: dict[str, Any]) -> ObjectInfo:
    return ObjectInfo(str(item["Key"]), int(item["Size"]), item["LastModified"].astimezone(UTC))
