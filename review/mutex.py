"""A lease-based mutual exclusion on the object store (S3 conditional writes).

``acquire`` creates the lock object with ``If-None-Match: *``; a holder that died is
replaced once its lease has run out by the store's clock (``If-Match`` on the stale
object, so two waiters cannot both take it over); ``release`` deletes it with
``If-Match`` on its own ETag, so it never removes a successor's lock. Used to serialise
batch planning between several ``sealroom run`` processes on one ledger.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from models.errors import QueueError
from review.ports import ObjectStore, PreconditionFailed

POLL_SECONDS = 0.2


class StoreMutex:
    def __init__(
        self,
        store: ObjectStore,
        key: str,
        lease_seconds: float = 600,
        wait_seconds: float = 900,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._store = store
        self._key = key
        self._lease = timedelta(seconds=lease_seconds)
        self._wait = wait_seconds
        self._sleep = sleep

    @contextmanager
    def held(self) -> Iterator[None]:
        etag = self.acquire()
        try:
            yield
        finally:
            self.release(etag)

    def acquire(self) -> str:
        body = json.dumps({"holder": uuid.uuid4().hex}).encode()
        deadline = time.monotonic() + self._wait
        while True:
            try:
                return self._store.put(self._key, body, if_none_match=True)
            except PreconditionFailed:
                pass
            stale = self._stale_etag()
            if stale is not None:
                try:
                    return self._store.put(self._key, body, if_match=stale)
                except PreconditionFailed:
                    pass
            if time.monotonic() > deadline:
                raise QueueError(reason="timed out waiting for the planning lock")
            self._sleep(POLL_SECONDS)

    def _stale_etag(self) -> str | None:
        current = self._store.get(self._key)
        if current is None or self._store.now() < current.last_modified + self._lease:
            return None
        return current.etag

    def release(self, etag: str) -> None:
        with contextlib.suppress(PreconditionFailed):  # lease ran out, taken over: theirs now
            self._store.delete(self._key, if_match=etag)
