"""Quarantined documents for the operator: list, show, retry, dismiss.

A quarantine is terminal for the pipeline, not for the operator: once the cause is fixed
(a PDF password sealed, a limit raised, the detector updated) ``retry`` records
``document.retried`` and the document is back in state INGESTED, so the next run redacts
it again (a new quarantine, if it fails again, is keyed by attempt). ``dismiss`` closes a
quarantine with a reason from a fixed list and an optional ticket id, so no free text
(which could name someone) reaches the ledger. The source file name stays sealed in the
vault; only ``source_name`` (for ``sealroom quarantine show``) unseals it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from audit import document_states
from models.audit import Action, AuditEvent
from models.document import DocState
from models.errors import ConfigError, NotQuarantined
from models.events import (
    DocDismissed,
    DocIngested,
    DocQuarantined,
    DocRetried,
    DocSourceUnsealed,
    payload_of,
)
from models.vault_ref import Purpose
from stages.services import Services

DISMISS_REASONS = (
    "client-withdrew",
    "duplicate",
    "not-for-review",
    "out-of-scope",
    "sent-another-way",
    "unreadable",
    "other",
)
TICKET = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


@dataclass(frozen=True)
class Quarantined:
    doc_id: str
    code: str
    reason: str
    since: str
    attempts: int  # retries so far
    kind: str
    media_type: str
    entry: str  # the inbox entry's opaque id ("" for S3 inboxes)
    dismissed: str  # the dismissal reason, "" while open

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def quarantined(svc: Services, include_dismissed: bool = False) -> list[Quarantined]:
    """Documents now in quarantine (oldest first), with their latest code and reason."""
    events = list(svc.ledger.events(matter=svc.matter))
    states = document_states(events)
    found = [
        _describe(doc_id, events)
        for doc_id, state in states.items()
        if state is DocState.QUARANTINED
    ]
    return sorted((q for q in found if include_dismissed or not q.dismissed), key=lambda q: q.since)


def _describe(doc_id: str, events: list[AuditEvent]) -> Quarantined:
    mine = [e for e in events if e.object_id == doc_id]
    last = [e for e in mine if e.action == Action.DOC_QUARANTINED][-1]
    why = payload_of(last, DocQuarantined)
    found = next((e for e in mine if e.action == Action.DOC_INGESTED), None)
    ingested = payload_of(found, DocIngested) if found else None
    dismissed = [e for e in mine if e.action == Action.DOC_DISMISSED and e.seq > last.seq]
    return Quarantined(
        doc_id=doc_id,
        code=why.code,
        reason=why.reason,
        since=last.time,
        attempts=sum(1 for e in mine if e.action == Action.DOC_RETRIED),
        kind=ingested.kind if ingested else "",
        media_type=ingested.media_type if ingested else "",
        entry=(ingested.entry or "") if ingested else "",
        dismissed=payload_of(dismissed[-1], DocDismissed).reason if dismissed else "",
    )


def find(svc: Services, doc_id: str, include_dismissed: bool = True) -> Quarantined:
    for item in quarantined(svc, include_dismissed=include_dismissed):
        if item.doc_id == doc_id:
            return item
    raise NotQuarantined(doc_id)


def source_name(svc: Services, doc_id: str) -> str:
    """The inbox file name, unsealed for the operator's terminal only (never logged); the
    access itself is recorded (``document.source_unsealed``)."""
    name = svc.vault.get(svc.ref(doc_id, Purpose.SOURCE_NAME)).decode("utf-8", "replace")
    key = f"unseal:{doc_id}:{uuid.uuid4().hex}"
    svc.record(key, DocSourceUnsealed(purpose="source-name"), "document", doc_id)
    return name


def retry(svc: Services, doc_id: str) -> int:
    """Release an open quarantine for the next run; returns the attempt number."""
    item = find(svc, doc_id, include_dismissed=False)
    attempt = item.attempts + 1
    svc.record(
        f"retry:{doc_id}:{attempt}",
        DocRetried(attempt=attempt, previous_code=item.code),
        "document",
        doc_id,
    )
    return attempt


def dismiss(svc: Services, doc_id: str, reason: str, ticket: str = "") -> None:
    if reason not in DISMISS_REASONS:
        raise ConfigError("dismiss", f"reason must be one of {', '.join(DISMISS_REASONS)}")
    if ticket and not TICKET.match(ticket):
        raise ConfigError("dismiss", "ticket must be an id (letters, digits, . _ -)")
    item = find(svc, doc_id, include_dismissed=False)
    svc.record(
        f"dismiss:{doc_id}:{item.attempts}",
        DocDismissed(reason=reason, ticket=ticket, code=item.code),
        "document",
        doc_id,
    )


def quarantine_states(events: list[AuditEvent]) -> list[dict[str, Any]]:
    """Every document ever quarantined, oldest first: ``open``, ``dismissed`` or
    ``retried`` (back in the pipeline, ``now`` its current state), with its latest code,
    retries and inbox entry id (never the file name)."""
    states = document_states(events)
    ids = dict.fromkeys(e.object_id for e in events if e.action == Action.DOC_QUARANTINED)
    out = []
    for doc_id in ids:
        item = _describe(doc_id, events)
        now = states.get(doc_id)
        if now is DocState.QUARANTINED:
            state = "dismissed" if item.dismissed else "open"
        else:
            state = "retried"
        out.append(item.as_json() | {"state": state, "now": str(now.value if now else "")})
    return sorted(out, key=lambda r: str(r["since"]))
