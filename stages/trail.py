"""The stages' shared audit-trail helpers: every idempotency key, and the few ledger reads
and writes more than one stage needs (a document's ingest facts, a quarantine, the queue
a batch went to).

A stage checks its key (``Services.seen``), does its work, then appends the event under
that key; the keys are built here only, so two stages can never disagree on one.
"""

from __future__ import annotations

from models.audit import Action, Outcome
from models.errors import UnsupportedDocument
from models.events import BatchDispatched, DocIngested, DocQuarantined, payload_of
from review import ReviewQueue
from stages.records import DocFacts
from stages.services import Services


def ingest_key(doc_id: str) -> str:
    return f"ingest:{doc_id}"


def refuse_key(entry: str) -> str:
    """An inbox entry refused before ingest (one per entry id)."""
    return f"refuse:{entry}"


def redact_key(doc_id: str) -> str:
    return f"redact:{doc_id}"


def quarantine_key(svc: Services, doc_id: str) -> str:
    """One quarantine per attempt: an operator's retry (``document.retried``) opens the next."""
    attempts = len(svc.events_for(doc_id, Action.DOC_RETRIED))
    return f"quarantine:{doc_id}" + (f":retry-{attempts}" if attempts else "")


def plan_key(batch_id: str) -> str:
    return f"plan:{batch_id}"


def dispatch_key(object_id: str) -> str:
    """A document's or a batch's dispatch (both ids are unique across the two kinds)."""
    return f"dispatch:{object_id}"


def claim_event_key(queue: str, event_name: str) -> str:
    """One reviewer claim event object (``<batch>/claims/<name>`` in the queue)."""
    return f"claim-event:{queue}:{event_name}"


def closed_key(batch_id: str) -> str:
    return f"batch-closed:{batch_id}"


def access_key(batch_id: str, reviewer: str, epoch: int, rel_path: str) -> str:
    return f"access:{batch_id}:{reviewer}:{epoch}:{rel_path}"


def revoke_key(batch_id: str, reviewer: str, rel_path: str, granted_at: str) -> str:
    return f"revoke:{batch_id}:{reviewer}:{rel_path}:{granted_at}"


def submission_key(batch_id: str, reviewer: str, body_hash: str) -> str:
    return f"submission:{batch_id}:{reviewer}:{body_hash[:16]}"


def oversize_key(batch_id: str, reviewer: str, size: int, written_at: str) -> str:
    """A submission refused from the listing's size alone (one per stored object)."""
    return f"submission:{batch_id}:{reviewer}:size:{size}:{written_at}"


def qc_key(primary_batch: str) -> str:
    return f"qc:{primary_batch}"


def review_key(doc_id: str) -> str:
    return f"review:{doc_id}"


def deliver_key(doc_id: str) -> str:
    return f"deliver:{doc_id}"


def doc_facts(svc: Services, doc_id: str) -> DocFacts:
    """What ingest recorded about a document; ``UnsupportedDocument`` if it never was."""
    events = svc.events_for(doc_id, Action.DOC_INGESTED)
    if not events:
        raise UnsupportedDocument(doc_id, "document was never ingested")
    return DocFacts.of(doc_id, payload_of(events[0], DocIngested))


def quarantine(svc: Services, doc_id: str, code: str, reason: str) -> None:
    """Terminal state: the document is never sent; the reason is an error code and summary."""
    payload = DocQuarantined(code=code, reason=reason)
    svc.record(quarantine_key(svc, doc_id), payload, "document", doc_id, Outcome.QUARANTINED)


def batch_queue(svc: Services, batch_id: str) -> ReviewQueue:
    """The queue a dispatched batch was published to (from its ledger event)."""
    event = svc.ledger.get(dispatch_key(batch_id))
    name = payload_of(event, BatchDispatched).queue if event is not None else svc.queue.queue
    return svc.queue.sibling(name)
