"""Ledger payloads of the ledger itself, of the meta-audit (reading the trail,
``audit/meta.py``) and of the vault's key, hold and shred operations (``stages/vault_ops``).
Re-exported by ``models.events``, where every payload is looked up by its action."""

from __future__ import annotations

from pydantic import Field

from models.audit import Action
from models.payload import Payload

__all__ = [
    "AuditCheckpointed",
    "AuditExported",
    "AuditKeyInitialised",
    "AuditQueried",
    "AuditReported",
    "LedgerVerified",
    "VaultHoldPlaced",
    "VaultHoldReleased",
    "VaultKeyRetired",
    "VaultOutboxPurged",
    "VaultRotated",
    "VaultShredded",
]


# --- ledger and vault ------------------------------------------------------------------
class LedgerVerified(Payload):
    action = Action.LEDGER_VERIFIED
    events: int | None = None
    checkpoints: int | None = None  # trusted checkpoints used as anchors
    problems: int | None = None  # lines of the verification report


# --- meta-audit: reading the trail (audit/meta.py) -----------------------------------
class AuditQueried(Payload):
    action = Action.AUDIT_QUERIED
    filters: dict[str, str] = Field(default_factory=dict)  # the filters set, as ids and ISO times
    events: int


class AuditExported(Payload):
    action = Action.AUDIT_EXPORTED
    filters: dict[str, str] = Field(default_factory=dict)
    format: str  # jsonl | csv
    events: int


class AuditReported(Payload):
    action = Action.AUDIT_REPORTED
    filters: dict[str, str] = Field(default_factory=dict)
    events: int


class AuditCheckpointed(Payload):
    action = Action.AUDIT_CHECKPOINTED
    tree_size: int


class AuditKeyInitialised(Payload):
    action = Action.AUDIT_KEY_INITIALISED
    key_id: str
    created: bool


class VaultRotated(Payload):
    action = Action.VAULT_ROTATED
    tenant: str
    key_id: str
    resumed: bool
    scanned: int
    resealed: int
    already_current: int
    failed: int
    failed_objects: list[str]


class VaultKeyRetired(Payload):
    action = Action.VAULT_KEY_RETIRED
    tenant: str
    key_id: str
    objects_checked: int


class VaultHoldPlaced(Payload):
    action = Action.VAULT_HOLD_PLACED
    tenant: str
    new: bool


class VaultHoldReleased(Payload):
    action = Action.VAULT_HOLD_RELEASED
    tenant: str
    was_held: bool


class VaultShredded(Payload):
    action = Action.VAULT_SHREDDED
    tenant: str
    reason: str | None = None  # set when refused (legal hold)
    keys_destroyed: int | None = None
    objects_unreadable: int | None = None
    objects_deleted: int | None = None
    outbox_files: int | None = None  # set when refused: deliverables still in the outbox


class VaultOutboxPurged(Payload):
    """A shred removed the matter's plaintext deliverables from the outbox first."""

    action = Action.VAULT_OUTBOX_PURGED
    tenant: str
    files_removed: int
    documents: int
