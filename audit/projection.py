"""Document and batch state as projections of the ledger (no state without its event).

Events are folded in the order given (ledger order); the latest applicable event wins.
Only ``ok`` events move state, except quarantine, which applies whatever its outcome.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from models.audit import Action, AuditEvent, Outcome
from models.document import DocState
from models.events import DocQuarantined, payloads


class BatchState(StrEnum):
    DISPATCHED = "dispatched"
    CLAIMED = "claimed"
    SUBMITTED = "submitted"


DOC_TRANSITIONS: dict[str, DocState] = {
    Action.DOC_INGESTED: DocState.INGESTED,
    Action.DOC_REDACTED: DocState.REDACTED,
    Action.DOC_QUARANTINED: DocState.QUARANTINED,
    Action.DOC_RETRIED: DocState.INGESTED,  # back to redaction (``stages/quarantine.py``)
    Action.DOC_DISPATCHED: DocState.DISPATCHED,
    Action.DOC_REVIEWED: DocState.REVIEWED,
    Action.DOC_DELIVERED: DocState.DELIVERED,
}

BATCH_TRANSITIONS: dict[str, BatchState] = {
    Action.BATCH_DISPATCHED: BatchState.DISPATCHED,
    Action.BATCH_CLAIMED: BatchState.CLAIMED,
    Action.SUBMISSION_ACCEPTED: BatchState.SUBMITTED,
}


def _applies(event: AuditEvent) -> bool:
    return event.outcome == Outcome.OK or event.action == Action.DOC_QUARANTINED


def document_states(events: Iterable[AuditEvent]) -> dict[str, DocState]:
    """doc_id (the event's object_id) -> current state."""
    states: dict[str, DocState] = {}
    for event in events:
        state = DOC_TRANSITIONS.get(event.action)
        if state is not None and _applies(event):
            states[event.object_id] = state
    return states


def quarantine_reasons(events: Iterable[AuditEvent]) -> dict[str, str]:
    """doc_id -> the reason recorded by its latest quarantine event."""
    return {e.object_id: why.reason for e, why in payloads(events, DocQuarantined)}


def batch_id_of(event: AuditEvent) -> str:
    """Batch events name their batch as the event's object (no writer ever put it in the
    details; the ``details["batch_id"]`` branch this replaced was dead)."""
    return event.object_id


def batch_states(events: Iterable[AuditEvent]) -> dict[str, BatchState]:
    """batch_id -> current state; rejected submissions leave the batch where it was."""
    states: dict[str, BatchState] = {}
    for event in events:
        state = BATCH_TRANSITIONS.get(event.action)
        if state is not None and event.outcome == Outcome.OK:
            states[batch_id_of(event)] = state
    return states


def summary(events: Iterable[AuditEvent]) -> dict[str, Any]:
    """Counts only: events, per action, per outcome, documents and batches per state."""
    seen = list(events)
    docs = document_states(seen)
    return {
        "events": len(seen),
        "actions": dict(Counter(e.action for e in seen)),
        "outcomes": dict(Counter(str(e.outcome) for e in seen)),
        "documents": dict(Counter(str(s) for s in docs.values())),
        "batches": dict(Counter(str(s) for s in batch_states(seen).values())),
        "open_documents": sum(1 for s in docs.values() if not s.terminal),
    }
