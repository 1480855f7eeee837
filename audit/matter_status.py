"""A matter's legal-hold and crypto-shred status, folded from its vault events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.audit import Action, AuditEvent, Outcome


@dataclass(frozen=True)
class MatterStatus:
    hold: str  # "on legal hold since <time>" / "released at <time>" / "no legal hold"
    shred: str  # "crypto-shredded at <time>" / "not shredded"
    on_hold: bool = False
    shredded: bool = False


def matter_status(events: Iterable[AuditEvent]) -> MatterStatus:
    hold, shred, on_hold, shredded = "no legal hold", "not shredded", False, False
    for e in events:
        if e.outcome != Outcome.OK:
            continue
        if e.action == Action.VAULT_HOLD_PLACED:
            hold, on_hold = f"on legal hold since {e.time}", True
        elif e.action == Action.VAULT_HOLD_RELEASED:
            hold, on_hold = f"hold released at {e.time}", False
        elif e.action == Action.VAULT_SHREDDED:
            shred, shredded = f"crypto-shredded at {e.time}", True
    return MatterStatus(hold, shred, on_hold, shredded)
