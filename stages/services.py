"""The bundle of adapters and choices a stage works with (built by the composition root)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from audit import EventLog
from audit.checkpointer import Checkpointer
from config import defaults
from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.registry import FormatRegistry, build_registry
from models.audit import Action, AuditEvent, EventDraft, Outcome
from models.events import Payload
from models.vault_ref import Purpose, VaultRef
from redaction.pdf import PdfiumEngine
from redaction.ports import Detector
from review import ReviewQueue
from review.routing import RoutingTable
from vault import Vault
from vault.outbox import Outbox


@dataclass
class Services:
    tenant: str
    matter: str
    vault: Vault
    ledger: EventLog
    queue: ReviewQueue
    detector_factory: Callable[[], Detector]
    outbox: Path | Outbox  # a directory, or an outbox adapter (vault.outbox)
    policy: str = "strict"  # the redaction policy of kinds not in ``policy_by_kind``
    policy_by_kind: Mapping[str, str] = field(default_factory=dict)  # kind -> policy name
    policy_dir: Path | None = None  # the policies' folder (None: the packaged ones)
    actor: str = "sealroom"
    batch_size: int = defaults.BATCH_MAX_DOCS
    due_hours: int = defaults.BATCH_DUE_HOURS  # the composition root passes the setting
    routing: RoutingTable | None = None  # None: every document to ``queue`` (review.routing)
    checkpointer: Checkpointer | None = None  # signed ledger checkpoints every N / T
    pdf_engine: PdfiumEngine = field(default_factory=PdfiumEngine)  # dpi + hostile-input limits
    format_limits: FormatLimits = DEFAULT_FORMAT_LIMITS  # Word packages, e-mail, images
    _detector: Detector | None = field(default=None, repr=False)
    _formats: tuple[object, FormatRegistry] | None = field(default=None, repr=False)

    @property
    def formats(self) -> FormatRegistry:
        """The document formats (``formats.registry``) over this bundle's PDF engine."""
        if self._formats is None or self._formats[0] is not self.pdf_engine:
            self._formats = (self.pdf_engine, build_registry(self.pdf_engine, self.format_limits))
        return self._formats[1]

    @property
    def detector(self) -> Detector:
        """The detector, loaded on first use (spaCy start-up is not free)."""
        if self._detector is None:
            self._detector = self.detector_factory()
        return self._detector

    def record(
        self,
        key: str,
        payload: Payload,
        object_type: str,
        object_id: str,
        outcome: Outcome = Outcome.OK,
        actor: str | None = None,
    ) -> AuditEvent:
        """Append one idempotent ledger event; its details are the typed ``payload``
        (``models.events``: ids, hashes and counts only). ``actor`` defaults to the
        operator's identity (a reviewer's own act names the reviewer)."""
        draft = EventDraft(
            key=key,
            actor=actor or self.actor,
            action=payload.action.value,
            object_type=object_type,
            object_id=object_id,
            outcome=outcome,
            matter=self.matter,
            details=payload.details(),
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
