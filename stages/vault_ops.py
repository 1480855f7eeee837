"""Audited vault administration: rotate, retire, legal hold, crypto-shred.

The vault cannot import the audit package, so the ledger events are written
here: one event per operation with ids and counts only (object keys of
failures, never content). A refused shred is recorded too.
"""

from __future__ import annotations

import uuid
from typing import Any

from audit import EventLog, format_time, utc_now
from models.audit import Action, EventDraft, Outcome
from models.errors import LegalHoldActive
from models.events import PAYLOADS
from vault import KeyScope, LegalHolds, RotationReport, ShredReport, Vault, lifecycle

MATTER = "matter"
MAX_LISTED_FAILURES = 20


def _record(
    ledger: EventLog, actor: str, action: Action, scope: KeyScope, outcome: Outcome, **details: Any
) -> None:
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


def rotate(
    vault: Vault, ledger: EventLog, scope: KeyScope, actor: str, resume: bool = False
) -> RotationReport:
    """New key version (unless resuming), then re-seal the matter; one audit event."""
    report = (lifecycle.reseal_matter if resume else lifecycle.rotate_matter)(vault, scope)
    outcome = Outcome.FAILED if report.failed else Outcome.OK
    _record(
        ledger, actor, Action.VAULT_ROTATED, scope, outcome,
        key_id=report.key_id, resumed=resume, scanned=report.scanned,
        resealed=report.resealed, already_current=report.already_current,
        failed=len(report.failed), failed_objects=report.failed[:MAX_LISTED_FAILURES],
    )  # fmt: skip
    return report


def retire(vault: Vault, ledger: EventLog, scope: KeyScope, key_id: str, actor: str) -> int:
    """Destroy an old key version no object uses any more; one audit event."""
    checked = lifecycle.retire_key(vault, scope, key_id)
    _record(ledger, actor, Action.VAULT_KEY_RETIRED, scope, Outcome.OK, key_id=key_id,
            objects_checked=checked)  # fmt: skip
    return checked


def place_hold(vault: Vault, ledger: EventLog, scope: KeyScope, actor: str) -> bool:
    placed = LegalHolds(vault.store).place(scope, format_time(utc_now()), actor)
    _record(ledger, actor, Action.VAULT_HOLD_PLACED, scope, Outcome.OK, new=placed)
    return placed


def release_hold(vault: Vault, ledger: EventLog, scope: KeyScope, actor: str) -> bool:
    released = LegalHolds(vault.store).release(scope)
    _record(ledger, actor, Action.VAULT_HOLD_RELEASED, scope, Outcome.OK, was_held=released)
    return released


def shred(
    vault: Vault, ledger: EventLog, scope: KeyScope, actor: str, delete_objects: bool = False
) -> ShredReport:
    """Crypto-shred the matter; refused (and recorded as rejected) under legal hold."""
    try:
        report = lifecycle.shred_matter(vault, LegalHolds(vault.store), scope, delete_objects)
    except LegalHoldActive:
        _record(ledger, actor, Action.VAULT_SHREDDED, scope, Outcome.REJECTED,
                reason="legal hold")  # fmt: skip
        raise
    _record(
        ledger, actor, Action.VAULT_SHREDDED, scope, Outcome.OK,
        keys_destroyed=report.keys_destroyed, objects_unreadable=report.objects_unreadable,
        objects_deleted=report.objects_deleted,
    )  # fmt: skip
    return report
