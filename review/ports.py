"""The object-store edge of the reviewer queues: a small Protocol with S3 semantics.

Conditional writes follow S3: ``if_none_match=True`` creates only if the key is
absent (``If-None-Match: *``); ``if_match=etag`` writes/deletes only if the
current ETag equals ``etag`` (a missing key fails the precondition too).
A failed precondition raises ``PreconditionFailed``; a missing key on ``get``
returns ``None``. ``now()`` is the *store's* clock: lease expiry is judged
against the store's timestamps (``last_modified``), never the caller's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class PreconditionFailed(Exception):
    """A conditional put/delete lost: the key exists, is missing, or has another ETag.

    Internal to ``review``: the queue translates it to ``ClaimConflict``/``StaleClaim``.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"precondition failed [{key}]")


@dataclass(frozen=True)
class StoredObject:
    body: bytes
    etag: str
    last_modified: datetime  # store clock, timezone-aware UTC


class ObjectStore(Protocol):
    def put(
        self, key: str, body: bytes, *, if_none_match: bool = False, if_match: str | None = None
    ) -> str:
        """Write ``body``; return the new ETag. Raise ``PreconditionFailed`` on a lost condition."""
        ...

    def get(self, key: str) -> StoredObject | None:
        """The object, or ``None`` if there is no such key."""
        ...

    def list(self, prefix: str) -> list[str]:
        """Every key starting with ``prefix``, sorted."""
        ...

    def delete(self, key: str, if_match: str | None = None) -> None:
        """Delete ``key`` (absent is fine unless ``if_match`` is given)."""
        ...

    def now(self) -> datetime:
        """The store's current time (timezone-aware UTC)."""
        ...
