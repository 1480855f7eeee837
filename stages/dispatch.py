"""Dispatch: route redacted documents to reviewer queues, cut batches, publish them.

Routing (``review.routing``) picks a queue, budget and SLA per document from facts in the
ledger (kind, tags, pages) and the language of the redacted text. Batches are cut per
route within the budget, never splitting a family, and *planned* in the ledger (document
ids fixed, id derived from queue and ids) before they are published; re-running after a
crash publishes the same plan again with the same keys. A sampled share of batches gets
a QC copy in the route's QC queue for a second, blind review. Only documents in state
REDACTED (their rendition passed the leak gate) are ever planned.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit import document_states
from models.audit import Action, AuditEvent
from models.document import DocState
from models.errors import StorageError
from models.events import BatchPlanned, DocIngested, DocRedacted, P, payload_of
from models.vault_ref import Purpose
from review.batching import cut, priority_rank
from review.language import guess_language
from review.mutex import StoreMutex
from review.routing import DocRoute, Route, RoutingTable, sampled_for_qc
from stages.batches import plan, publish_batch, routing_table
from stages.loop import OnFailure, each, reraise
from stages.records import load_redaction
from stages.services import Services
from stages.trail import dispatch_key

PLAN_LOCK_PREFIX = "locks/plan/"  # outside queues/: no reviewer policy reaches it


def plan_batches(svc: Services) -> list[str]:
    """Plan batches (and sampled QC copies) for redacted documents in no batch yet.

    Serialised across processes by a lock object in the queue bucket (``review.mutex``),
    and the ledger is read inside it: a planner never works from a stale read."""
    lock = StoreMutex(svc.queue.store, f"{PLAN_LOCK_PREFIX}{svc.tenant}/{svc.matter}.json")
    try:
        etag = lock.acquire()
    except StorageError:
        # the queue bucket is unreachable: nothing can be published either, and publishing
        # reports it per batch; planning goes on unlocked (the one case not serialised)
        return _plan_batches(svc)
    try:
        return _plan_batches(svc)
    finally:
        lock.release(etag)


def _plan_batches(svc: Services) -> list[str]:
    events = list(svc.ledger.events(matter=svc.matter))
    table = routing_table(svc)
    by_route: dict[str, tuple[Route, list[DocRoute]]] = {}
    for doc in ready_documents(svc, events, table):
        route = table.route(doc)
        by_route.setdefault(route.rule, (route, []))[1].append(doc)
    planned: list[str] = []
    for route, docs in by_route.values():
        for batch in cut(docs, route.budget):
            planned += _plan(svc, route, batch)
    return planned


def ready_documents(svc: Services, events: list[AuditEvent], table: RoutingTable) -> list[DocRoute]:
    """REDACTED documents in no batch yet, whose whole family has left ingest."""
    planned = {d for p in _payloads(events, BatchPlanned).values() for d in p.docs}
    states = document_states(events)
    facts = _payloads(events, DocIngested)
    redacted = _payloads(events, DocRedacted)
    pending = {facts[d].family for d, s in states.items() if s is DocState.INGESTED}
    wants_language = any(rule.language for rule in table.rule)
    ready = []
    for doc_id, state in sorted(states.items()):
        if state is not DocState.REDACTED or doc_id in planned:
            continue
        ingested = facts[doc_id]
        if ingested.family is not None and ingested.family in pending:
            continue  # keep the family together: wait for its other members
        language = _language(svc, doc_id) if wants_language else "und"
        ready.append(_route_facts(doc_id, ingested, redacted[doc_id], language))
    return ready


def _payloads(events: Iterable[AuditEvent], model: type[P]) -> dict[str, P]:
    return {e.object_id: payload_of(e, model) for e in events if e.action == model.action}


def _route_facts(
    doc_id: str, ingested: DocIngested, redacted: DocRedacted, language: str
) -> DocRoute:
    return DocRoute(
        doc_id=doc_id,
        kind=ingested.kind,
        language=language,
        specialty=ingested.specialty,
        priority=ingested.priority or "normal",
        pages=redacted.pages,
        family=ingested.family,
    )


def _language(svc: Services, doc_id: str) -> str:
    record = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS)))
    return guess_language(record.redacted_text)


def _plan(svc: Services, route: Route, batch: list[DocRoute]) -> list[str]:
    docs = [d.doc_id for d in batch]
    priority = min((d.priority for d in batch), key=priority_rank)
    primary = BatchPlanned(
        queue=route.queue,
        docs=docs,
        rule=route.rule,
        priority=priority,
        due_hours=route.budget.due_hours,
    )
    batch_id = plan(svc, primary)
    if not sampled_for_qc(batch_id, route.budget.qc_rate):
        return [batch_id]
    qc_copy = primary.model_copy(
        update={
            "queue": route.qc_queue,
            "qc_of": batch_id,
            "adjudication_queue": route.adjudication_queue,
        }
    )
    return [batch_id, plan(svc, qc_copy)]


def unpublished_batches(svc: Services) -> list[tuple[str, list[str], str]]:
    """(batch id, doc ids, plan time) of every planned batch not yet dispatched."""
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_PLANNED.value)
    return [
        (e.object_id, payload_of(e, BatchPlanned).docs, e.time)
        for e in events
        if not svc.seen(dispatch_key(e.object_id))
    ]


def dispatch(svc: Services, on_failure: OnFailure = reraise) -> list[str]:
    """The dispatch stage's driver: plan new batches, then publish every planned,
    unpublished batch (primary, QC and adjudication); returns the ids published."""
    plan_batches(svc)
    plans = {b: (docs, at) for b, docs, at in unpublished_batches(svc)}
    failed = each(plans, lambda b: publish_batch(svc, b, *plans[b]), on_failure)
    return [b for b in plans if b not in failed]
