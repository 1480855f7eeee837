"""The audit package's ports. The ledger as an I/O edge: ``Ledger(url)`` is the adapter;
``Ledger("sqlite://")`` the fake (an in-memory database). Checkpoint stores
(``CheckpointStore``: local files, S3 Object Lock, memory) are defined beside their
contract in ``audit/checkpoint_store.py`` and re-exported here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from audit.checkpoint_store import CheckpointStore
from audit.verify import VerifyResult
from models.audit import AuditEvent, EventDraft

__all__ = ["CheckpointStore", "EventLog", "EventSource"]


class EventSource(Protocol):
    """What readers of the trail (queries, exports, reports) need."""

    def events(
        self,
        after_seq: int = 0,
        matter: str | None = None,
        object_id: str | None = None,
        action: str | None = None,
    ) -> Iterator[AuditEvent]: ...


class EventLog(EventSource, Protocol):
    def append(self, draft: EventDraft) -> AuditEvent: ...

    def head(self) -> AuditEvent | None: ...

    def get(self, key: str) -> AuditEvent | None:
        """The event appended under idempotency key ``key``, if any."""
        ...

    def count(self) -> int: ...

    def verify(self) -> VerifyResult: ...
