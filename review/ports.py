"""The object-store edge of the reviewer queues: a small Protocol with S3 semantics.

Conditional writes follow S3: ``if_none_match=True`` creates only if the key is
absent (``If-None-Match: *``); ``if_match=etag`` writes/deletes only if the
current ETag equals ``etag`` (a missing key fails the precondition too).
A failed precondition raises ``PreconditionFailed``; a missing key on ``get``
returns ``None``. ``now()`` is the *store's* clock: lease expiry is judged
against the store's timestamps (``last_modified``), never the caller's clock.
"""

from __future__ import annotations

import builtins
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


@dataclass(frozen=True)
class ObjectInfo:
    """A key as listed (no body read): its size and the store's write time."""

    key: str
    size: int
    last_modified: datetime  # store clock, timezone-aware UTC


class ObjectStore(Protocol):
    settle_seconds: float
    """How long after a write every concurrent write of the same second is visible
    (0 for a linearizable in-process store; a margin over S3's 1 s timestamp granularity)."""

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

    def list_info(self, prefix: str) -> builtins.list[ObjectInfo]:
        """Every object under ``prefix`` with size and write time, sorted by key."""
        ...

    def head(self, key: str) -> ObjectInfo | None:
        """Size and write time of ``key`` without reading it, or ``None`` if absent."""
        ...

    def delete(self, key: str, if_match: str | None = None) -> None:
        """Delete ``key`` (absent is fine unless ``if_match`` is given)."""
        ...

    def now(self) -> datetime:
        """The store's current time (timezone-aware UTC)."""
        ...
