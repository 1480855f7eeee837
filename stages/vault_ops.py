"""Audited vault administration: rotate, retire, legal hold, crypto-shred.

The vault cannot import the audit package, so the ledger events are written
here: one event per operation with ids and counts only (object keys of
failures, never content). A refused shred is recorded too.
"""

from __future__ import annotations

from audit import EventLog, format_time, utc_now
from models.audit import Action, Outcome
from stages.vault_trail import MATTER, record_vault_event, shred_matter
from vault import KeyScope, LegalHolds, RotationReport, ShredReport, Vault, lifecycle

__all__ = ["MATTER", "place_hold", "release_hold", "retire", "rotate", "shred"]
MAX_LISTED_FAILURES = 20


def rotate(
    vault: Vault, ledger: EventLog, scope: KeyScope, actor: str, resume: bool = False
) -> RotationReport:
    """New key version (unless resuming), then re-seal the matter; one audit event."""
    report = (lifecycle.reseal_matter if resume else lifecycle.rotate_matter)(vault, scope)
    outcome = Outcome.FAILED if report.failed else Outcome.OK
    record_vault_event(
        ledger, actor, Action.VAULT_ROTATED, scope, outcome,
        key_id=report.key_id, resumed=resume, scanned=report.scanned,
        resealed=report.resealed, already_current=report.already_current,
        failed=len(report.failed), failed_objects=report.failed[:MAX_LISTED_FAILURES],
    )  # fmt: skip
    return report


def retire(vault: Vault, ledger: EventLog, scope: KeyScope, key_id: str, actor: str) -> int:
    """Destroy an old key version no object uses any more; one audit event."""
    checked = lifecycle.retire_key(vault, scope, key_id)
    record_vault_event(ledger, actor, Action.VAULT_KEY_RETIRED, scope, Outcome.OK, key_id=key_id,
            objects_checked=checked)  # fmt: skip
    return checked


def place_hold(vault: Vault, ledger: EventLog, scope: KeyScope, actor: str) -> bool:
    placed = LegalHolds(vault.store).place(scope, format_time(utc_now()), actor)
    record_vault_event(ledger, actor, Action.VAULT_HOLD_PLACED, scope, Outcome.OK, new=placed)
    return placed


def release_hold(vault: Vault, ledger: EventLog, scope: KeyScope, actor: str) -> bool:
    released = LegalHolds(vault.store).release(scope)
    record_vault_event(
        ledger, actor, Action.VAULT_HOLD_RELEASED, scope, Outcome.OK, was_held=released
    )
    return released


def shred(
    vault: Vault, ledger: EventLog, scope: KeyScope, actor: str, delete_objects: bool = False
) -> ShredReport:
    """Crypto-shred the matter; refused (and recorded as rejected) under legal hold."""
    return shred_matter(vault, ledger, scope, actor, delete_objects)
