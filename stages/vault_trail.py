"""The vault administration's audit trail, shared by the vault drivers (``vault_ops`` and
``outbox_shred``): one event per operation, its details validated by the action's payload
model (``models.events``: ids and counts only), and the recorded crypto-shred itself.

The vault cannot import the audit package, so its events are written here.
"""

from __future__ import annotations

import uuid
from typing import Any

from audit import EventLog
from models.audit import Action, EventDraft, Outcome
from models.errors import LegalHoldActive
from models.events import PAYLOADS
from vault import KeyScope, LegalHolds, ShredReport, Vault, lifecycle

MATTER = "matter"


def record_vault_event(
    ledger: EventLog, actor: str, action: Action, scope: KeyScope, outcome: Outcome, **details: Any
) -> None:
    """Append one matter-level event; ``details`` must fit the action's payload model."""
    draft = EventDraft(
        key=f"{action.value}:{scope}:{uuid.uuid4().hex}",
        actor=actor,
        action=action.value,
        object_type=MATTER,
        object_id=scope.matter,
        outcome=outcome,
        matter=scope.matter,
        details=PAYLOADS[action].model_validate({"tenant": scope.tenant, **details}).details(),
    )
    ledger.append(draft)


def shred_matter(
    vault: Vault, ledger: EventLog, scope: KeyScope, actor: str, delete_objects: bool = False
) -> ShredReport:
    """Crypto-shred the matter; refused (and recorded as rejected) under legal hold."""
    try:
        report = lifecycle.shred_matter(vault, LegalHolds(vault.store), scope, delete_objects)
    except LegalHoldActive:
        record_vault_event(ledger, actor, Action.VAULT_SHREDDED, scope, Outcome.REJECTED,
                           reason="legal hold")  # fmt: skip
        raise
    record_vault_event(
        ledger, actor, Action.VAULT_SHREDDED, scope, Outcome.OK,
        keys_destroyed=report.keys_destroyed, objects_unreadable=report.objects_unreadable,
        objects_deleted=report.objects_deleted,
    )  # fmt: skip
    return report
