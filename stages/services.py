"""The bundle of adapters a stage works with (built by the composition root in flows/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit import Ledger
from audit.checkpointer import Checkpointer
from models.audit import Action, AuditEvent, EventDraft, Outcome
from models.vault_ref import Purpose, VaultRef
from redaction.pdf import PdfiumEngine
from review import ReviewQueue
from review.routing import RoutingTable
from vault import Vault
from vault.outbox import Outbox


@dataclass
class Services:
    tenant: str
    matter: str
    vault: Vault
    ledger: Ledger
    queue: ReviewQueue
    detector_factory: Callable[[], Any]
    outbox: Path | Outbox  # a directory, or an outbox adapter (vault.outbox)
    policy_version: str = "strict/1"
    actor: str = "sealroom"
    batch_size: int = 20
    due_hours: int = 72
    routing: RoutingTable | None = None  # None: every document to ``queue`` (review.routing)
    checkpointer: Checkpointer | None = None  # signed ledger checkpoints every N / T
    pdf_engine: PdfiumEngine = field(default_factory=PdfiumEngine)  # dpi + hostile-input limits
    _detector: Any = field(default=None, repr=False)

    @property
    def detector(self) -> Any:
        """The detector, loaded on first use (spaCy start-up is not free)."""
        if self._detector is None:
            self._detector = self.detector_factory()
        return self._detector

    def record(
        self,
        key: str,
        action: Action,
        object_type: str,
        object_id: str,
        outcome: Outcome = Outcome.OK,
        **details: Any,
    ) -> AuditEvent:
        """Append one idempotent ledger event (ids, hashes and counts only)."""
        draft = EventDraft(
            key=key,
            actor=self.actor,
            action=action.value,
            object_type=object_type,
            object_id=object_id,
            outcome=outcome,
            matter=self.matter,
            details=details,
        )
        event = self.ledger.append(draft)
        if self.checkpointer is not None:
            self.checkpointer.maybe(event.seq)
        return event

    def ref(self, doc_id: str, purpose: Purpose, version: int = 1) -> VaultRef:
        return VaultRef(self.tenant, self.matter, doc_id, purpose, version)

    def seen(self, key: str) -> bool:
        """Whether an event with this idempotency key is already in the ledger."""
        return self.ledger.get(key) is not None

    def events_for(self, object_id: str, action: Action) -> list[AuditEvent]:
        return list(self.ledger.events(object_id=object_id, action=action.value))
