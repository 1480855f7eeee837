"""Chain-of-custody facts for one matter, folded from its ledger events (ids and counts).

Feeds the HTML report: per document its timeline, state, entity tallies and quarantine
reason; per batch its documents, who claimed it (the holder of the accepted epoch) and
who submitted, accepted or rejected; the matter's entity-type tallies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audit.projection import batch_id_of, document_states
from models.audit import Action, AuditEvent
from models.event_refs import reviewers_named
from models.events import (
    BatchPlanned,
    DocDispatched,
    DocIngested,
    DocQuarantined,
    DocRedacted,
    payload_of,
    read_payload,
)


@dataclass
class DocCustody:
    doc_id: str
    state: str = ""
    facts: dict[str, Any] = field(default_factory=dict)  # kind, media type, size, pages
    entities: dict[str, int] = field(default_factory=dict)
    quarantine: str = ""  # "<code>: <reason>"
    batch: str = ""
    timeline: list[AuditEvent] = field(default_factory=list)


@dataclass
class BatchCustody:
    batch_id: str
    docs: list[str] = field(default_factory=list)
    queue: str = ""
    timeline: list[AuditEvent] = field(default_factory=list)

    def reviewers(self, action: Action) -> list[str]:
        """Who each ``action`` event of the batch names as its reviewer (else its actor)."""
        return [reviewer_or_actor(e) for e in self.timeline if e.action == action]


@dataclass
class Custody:
    matter: str
    documents: dict[str, DocCustody] = field(default_factory=dict)
    batches: dict[str, BatchCustody] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    events: int = 0
    first: str = ""
    last: str = ""


BATCH_ACTIONS = {
    Action.BATCH_PLANNED,
    Action.BATCH_DISPATCHED,
    Action.BATCH_CLAIMED,
    Action.BATCH_CLAIM_RENEWED,
    Action.BATCH_RELEASED,
    Action.BATCH_CLOSED,
    Action.SUBMISSION_ACCEPTED,
    Action.SUBMISSION_REJECTED,
}


def custody(matter: str, events: Iterable[AuditEvent]) -> Custody:
    seen = [e for e in events if e.matter == matter]
    out = Custody(matter, events=len(seen))
    if seen:
        out.first, out.last = seen[0].time, seen[-1].time
    for event in seen:
        if event.action in BATCH_ACTIONS:
            _batch_event(out, event)
        elif event.object_type == "document":
            _doc_event(out, event)
    for doc_id, state in document_states(seen).items():
        out.documents.setdefault(doc_id, DocCustody(doc_id)).state = str(state)
    return out


def reviewer_or_actor(event: AuditEvent) -> str:
    """The reviewer the event names (the first, for a QC comparison), else its actor."""
    return next(iter(reviewers_named(read_payload(event))), event.actor)


def _doc_event(out: Custody, event: AuditEvent) -> None:
    doc = out.documents.setdefault(event.object_id, DocCustody(event.object_id))
    doc.timeline.append(event)
    if event.action == Action.DOC_INGESTED:
        ingested = payload_of(event, DocIngested)
        doc.facts.update(kind=ingested.kind, media_type=ingested.media_type, size=ingested.size)
    elif event.action == Action.DOC_REDACTED:
        redacted = payload_of(event, DocRedacted)
        # An older writer left 'pages' out: the record shows nothing rather than the default.
        pages = redacted.pages if "pages" in redacted.model_fields_set else ""
        doc.facts.update(pages=pages, policy_version=redacted.policy_version)
        doc.entities = dict(redacted.entities)
        out.entities.update(doc.entities)
    elif event.action == Action.DOC_QUARANTINED:
        why = payload_of(event, DocQuarantined)
        doc.quarantine = f"{why.code}: {why.reason}"
    elif event.action == Action.DOC_DISPATCHED:
        doc.batch = payload_of(event, DocDispatched).batch


def _batch_event(out: Custody, event: AuditEvent) -> None:
    batch_id = batch_id_of(event)
    batch = out.batches.setdefault(batch_id, BatchCustody(batch_id))
    batch.timeline.append(event)
    if event.action == Action.BATCH_PLANNED:
        plan = payload_of(event, BatchPlanned)
        batch.docs, batch.queue = list(plan.docs), plan.queue
        for doc_id in batch.docs:
            out.documents.setdefault(doc_id, DocCustody(doc_id)).timeline.append(event)
