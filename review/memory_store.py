"""In-memory ``ObjectStore`` with S3's conditional-write semantics (thread-safe).

ETags are quoted MD5 hex digests of the body, like S3 for single-part objects
without SSE-KMS; ``last_modified`` is truncated to whole seconds, like S3.
The clock is injectable so lease expiry can be tested without sleeping.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from review.ports import PreconditionFailed, StoredObject

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class MemoryObjectStore:
    def __init__(self, clock: Clock | None = None) -> None:
        self._clock = clock or _utc_now
        self._objects: dict[str, StoredObject] = {}
        self._lock = threading.Lock()

    def put(
        self, key: str, body: bytes, *, if_none_match: bool = False, if_match: str | None = None
    ) -> str:
        etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
        with self._lock:
            self._check(key, if_none_match=if_none_match, if_match=if_match)
            stamp = self.now().replace(microsecond=0)
            self._objects[key] = StoredObject(bytes(body), etag, stamp)
        return etag

    def get(self, key: str) -> StoredObject | None:
        with self._lock:
            return self._objects.get(key)

    def list(self, prefix: str) -> list[str]:
        with self._lock:
            return sorted(k for k in self._objects if k.startswith(prefix))

    def delete(self, key: str, if_match: str | None = None) -> None:
        with self._lock:
            self._check(key, if_none_match=False, if_match=if_match)
            self._objects.pop(key, None)

    def now(self) -> datetime:
        return self._clock().astimezone(UTC)

    def _check(self, key: str, *, if_none_match: bool, if_match: str | None) -> None:
        current = self._objects.get(key)
        if if_none_match and current is not None:
            raise PreconditionFailed(key)
        if if_match is not None and (current is None or not _same_etag(current.etag, if_match)):
            raise PreconditionFailed(key)


def _same_etag(a: str, b: str) -> bool:
    return a.strip('"') == b.strip('"')
