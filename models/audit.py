"""Audit events: ids, hashes, counts and entity-type tallies only, never document text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Action(StrEnum):
    """Stable action names. Document and batch state are projections of these."""

    DOC_INGESTED = "document.ingested"
    INBOX_REFUSED = "inbox.refused"  # an inbox entry not ingested, with its code and reason
    DOC_REDACTED = "document.redacted"
    DOC_QUARANTINED = "document.quarantined"
    DOC_RETRIED = "document.retried"  # an operator released a quarantined document for retry
    DOC_DISMISSED = "document.dismissed"  # an operator closed a quarantine, with a reason
    DOC_SOURCE_UNSEALED = "document.source_unsealed"  # an operator read the sealed file name
    DOC_DISPATCHED = "document.dispatched"
    DOC_REVIEWED = "document.reviewed"
    DOC_DELIVERED = "document.delivered"
    BATCH_PLANNED = "batch.planned"
    BATCH_DISPATCHED = "batch.dispatched"
    BATCH_CLAIMED = "batch.claimed"  # a claim or a takeover (details: transition)
    BATCH_CLAIM_RENEWED = "batch.claim_renewed"
    BATCH_RELEASED = "batch.released"
    BATCH_CLOSED = "batch.closed"  # the operator closed the batch after accepting its work
    DOC_ACCESS_GRANTED = "document.access_granted"  # a reviewer may read a rendition now
    DOC_ACCESS_REVOKED = "document.access_revoked"
    SUBMISSION_ACCEPTED = "submission.accepted"
    SUBMISSION_REJECTED = "submission.rejected"
    QC_AGREEMENT = "qc.agreement"  # two reviews of one batch compared (span F1, kappa)
    LEDGER_VERIFIED = "ledger.verified"  # `sealroom audit verify` ran (meta-audit)
    AUDIT_QUERIED = "audit.queried"  # the trail was read: query, export, report, key
    AUDIT_EXPORTED = "audit.exported"
    AUDIT_REPORTED = "audit.reported"
    AUDIT_CHECKPOINTED = "audit.checkpointed"
    AUDIT_KEY_INITIALISED = "audit.key_initialised"
    VAULT_ROTATED = "vault.rotated"
    VAULT_KEY_RETIRED = "vault.key_retired"
    VAULT_SHREDDED = "vault.shredded"
    VAULT_OUTBOX_PURGED = "vault.outbox_purged"  # a shred removed the matter's deliverables
    VAULT_HOLD_PLACED = "vault.hold_placed"
    VAULT_HOLD_RELEASED = "vault.hold_released"


class Outcome(StrEnum):
    OK = "ok"
    FAILED = "failed"
    QUARANTINED = "quarantined"
    REJECTED = "rejected"


@dataclass(frozen=True)
class EventDraft:
    """What a caller asks the ledger to record; the ledger adds seq, time and hashes.

    ``key`` makes the append idempotent: appending a draft whose key is already in the
    ledger returns the existing event instead of adding a duplicate.
    """

    key: str
    actor: str
    action: str
    object_type: str
    object_id: str
    outcome: Outcome = Outcome.OK
    matter: str = ""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    time: str  # ISO-8601 UTC
    key: str
    actor: str
    action: str
    object_type: str
    object_id: str
    outcome: Outcome
    matter: str
    details: dict[str, Any]
    prev_hash: str
    hash: str
