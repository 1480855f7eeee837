"""The ledger as an I/O edge. ``Ledger(url)`` is the adapter; ``Ledger("sqlite://")`` the fake."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from audit.verify import VerifyResult
from models.audit import AuditEvent, EventDraft


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

    def count(self) -> int: ...

    def verify(self) -> VerifyResult: ...
