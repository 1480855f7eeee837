"""Meta-audit: reading the trail is itself recorded (verify, query, export, report,
checkpoint, key initialisation), with the authenticated actor, the filters as ids and
the outcome as counts. Each read appends after it has run, so the event never changes
the result it records; a unique key per run keeps every run.
"""

from __future__ import annotations

import uuid
from typing import Any

from audit.ports import EventLog
from models.audit import Action, AuditEvent, EventDraft, Outcome
from models.events import PAYLOADS, AuditExported, AuditQueried, AuditReported, Payload

LEDGER_OBJECT = "ledger"
FILTERED = (AuditQueried, AuditExported, AuditReported)


def filters_of(**given: Any) -> dict[str, str]:
    """The filters that were set, as strings (ids and ISO times only)."""
    return {k: str(v) for k, v in sorted(given.items()) if v not in (None, "")}


def filtered_matter(payload: Payload) -> str:
    """The matter a query, export or report was filtered to; "" for any other read."""
    return payload.filters.get("matter", "") if isinstance(payload, FILTERED) else ""


def record(
    log: EventLog,
    actor: str,
    action: Action,
    *,
    ok: bool = True,
    matter: str | None = None,
    **details: Any,
) -> AuditEvent:
    """Append the read's event; ``matter`` defaults to the matter its filters name."""
    payload = PAYLOADS[action].model_validate(details)  # typed; unknown keys fail
    draft = EventDraft(
        key=f"{action.value}:{uuid.uuid4().hex}",
        actor=actor,
        action=action.value,
        object_type=LEDGER_OBJECT,
        object_id=LEDGER_OBJECT,
        outcome=Outcome.OK if ok else Outcome.FAILED,
        matter=filtered_matter(payload) if matter is None else matter,
        details=payload.details(),
    )
    return log.append(draft)
