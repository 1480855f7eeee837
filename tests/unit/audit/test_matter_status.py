"""A matter's hold and shred status folded from its vault events (a table of histories)."""

from __future__ import annotations

import pytest

from audit.matter_status import MatterStatus, matter_status
from models.audit import Action, AuditEvent, Outcome


def event(seq: int, action: Action, outcome: Outcome = Outcome.OK) -> AuditEvent:
    return AuditEvent(
        seq=seq,
        time=f"2026-01-0{seq}T10:00:00Z",
        key=f"k{seq}",
        actor="op",
        action=action.value,
        object_type="matter",
        object_id="m1",
        outcome=outcome,
        matter="m1",
        details={},
        prev_hash="",
        hash="",
    )


HOLD, RELEASE, SHRED = Action.VAULT_HOLD_PLACED, Action.VAULT_HOLD_RELEASED, Action.VAULT_SHREDDED

CASES = [
    ([], MatterStatus("no legal hold", "not shredded")),
    (
        [event(1, HOLD)],
        MatterStatus("on legal hold since 2026-01-01T10:00:00Z", "not shredded", on_hold=True),
    ),
    (
        [event(1, HOLD), event(2, RELEASE)],
        MatterStatus("hold released at 2026-01-02T10:00:00Z", "not shredded"),
    ),
    (  # a refused shred changes nothing; the later one counts
        [event(1, SHRED, Outcome.REJECTED), event(2, SHRED)],
        MatterStatus("no legal hold", "crypto-shredded at 2026-01-02T10:00:00Z", shredded=True),
    ),
    (  # other actions are ignored
        [event(1, Action.VAULT_ROTATED), event(2, HOLD), event(3, Action.DOC_INGESTED)],
        MatterStatus("on legal hold since 2026-01-02T10:00:00Z", "not shredded", on_hold=True),
    ),
]


@pytest.mark.parametrize(("events", "expected"), CASES)
def test_matter_status(events: list[AuditEvent], expected: MatterStatus) -> None:
    assert matter_status(events) == expected
