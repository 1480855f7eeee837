"""When to checkpoint: at the first event of a new ledger, then every N events or every T
seconds (whichever comes first).

``maybe(seq)`` is cheap enough to call after every append: it compares the appended
seq and the clock with the last checkpoint it knows, and reads the ledger head only when
a checkpoint is due. The checkpoint goes to every store (local first, then S3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Protocol

from audit.checkpoint import Checkpoint, Signer, ledger_id_of, make_checkpoint
from audit.checkpoint_store import CheckpointStore
from audit.ledger import utc_now
from models.audit import AuditEvent
from models.errors import StorageError

log = logging.getLogger(__name__)


class HeadSource(Protocol):
    def head(self) -> AuditEvent | None: ...

    def events(self) -> Iterator[AuditEvent]: ...


def ledger_id(source: HeadSource) -> str:
    """The ledger's id (from its first event); "" for an empty ledger."""
    first = next(iter(source.events()), None)
    return ledger_id_of(first.hash) if first is not None else ""


class Checkpointer:
    def __init__(
        self,
        ledger: HeadSource,
        signer: Signer,
        stores: Sequence[CheckpointStore],
        *,
        every_events: int = 1000,
        every_seconds: float = 3600.0,
        clock: Callable[[], datetime] = utc_now,
        anchor_first: bool = True,
    ) -> None:
        self._ledger = ledger
        self._signer = signer
        self._stores = list(stores)
        self._every_events = max(1, every_events)
        self._every_seconds = every_seconds
        self._clock = clock
        self._last_size: int | None = None
        self._last_time = clock()
        self._ledger_id = ""
        self._anchor_first = anchor_first

    def ledger_id(self) -> str:
        if not self._ledger_id:
            self._ledger_id = ledger_id(self._ledger)
        return self._ledger_id

    def _known_size(self) -> int:
        if self._last_size is None:
            stored = self._stores[0].all(self.ledger_id()) if self._stores else []
            self._last_size = max((cp.tree_size for cp in stored), default=0)
        return self._last_size

    def due(self, seq: int) -> bool:
        """Whether a checkpoint is due now that the ledger holds at least ``seq`` events."""
        known = self._known_size()
        behind = seq - known
        if behind <= 0:
            return False
        if known == 0 and self._anchor_first:
            return True  # a new ledger is anchored from its first event, not after N or T
        elapsed = (self._clock() - self._last_time).total_seconds()
        return behind >= self._every_events or elapsed >= self._every_seconds

    def maybe(self, seq: int) -> Checkpoint | None:
        """Checkpoint if due. A store that fails does not fail the caller's append: the
        checkpoint is retried after the next append (the error is logged by code only)."""
        if not self.due(seq):
            return None
        try:
            return self.checkpoint()
        except StorageError as exc:
            log.warning("checkpoint not stored: %s", exc.code)
            return None

    def checkpoint(self) -> Checkpoint | None:
        """Sign the current head and store it everywhere; None for an empty ledger."""
        head = self._ledger.head()
        if head is None:
            return None
        now = self._clock()
        cp = make_checkpoint(head, self.ledger_id(), self._signer)
        for store in self._stores:
            store.put(cp)
        self._last_size, self._last_time = head.seq, now
        return cp
