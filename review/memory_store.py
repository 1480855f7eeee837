"""In-memory ``ObjectStore`` with S3's conditional-write semantics (thread-safe).

ETags are quoted MD5 hex digests of the body, like S3 for single-part objects
without SSE-KMS.
The clock is injectable so lease expiry can be tested without sleeping. Write times
are strictly increasing (a write in the same instant as the previous one is stamped a
microsecond later), so the store is linearizable by ``last_modified`` and
``settle_seconds`` is 0.
"""

from __future__ import annotations

import builtins
import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from review.ports import ObjectInfo, PreconditionFailed, StoredObject

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class MemoryObjectStore:
    def __init__(self, clock: Clock | None = None) -> None:
        self._clock = clock or _utc_now
        self._objects: dict[str, StoredObject] = {}
        self._lock = threading.Lock()
        self._last = datetime.min.replace(tzinfo=UTC)
        self.settle_seconds = 0.0

    def put(
        self, key: str, body: bytes, *, if_none_match: bool = False, if_match: str | None = None
    ) -> str:
        etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
        with self._lock:
            self._check(key, if_none_match=if_none_match, if_match=if_match)
            stamp = max(self.now(), self._last + timedelta(microseconds=1))
            self._last = stamp
            self._objects[key] = StoredObject(bytes(body), etag, stamp)
        return etag

    def get(self, key: str) -> StoredObject | None:
        with self._lock:
            return self._objects.get(key)

    def list(self, prefix: str) -> list[str]:
        with self._lock:
            return sorted(k for k in self._objects if k.startswith(prefix))

    def list_info(self, prefix: str) -> builtins.list[ObjectInfo]:
        with self._lock:
            found = [(k, o) for k, o in self._objects.items() if k.startswith(prefix)]
        return [ObjectInfo(k, len(o.body), o.last_modified) for k, o in sorted(found)]

    def head(self, key: str) -> ObjectInfo | None:
        with self._lock:
            stored = self._objects.get(key)
        return None if stored is None else ObjectInfo(key, len(stored.body), stored.last_modified)

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
