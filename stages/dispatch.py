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
from typing import Any

from audit import document_states
from models.audit import Action, AuditEvent
from models.document import DocState
from models.vault_ref import Purpose
from review.batching import cut, priority_rank
from review.language import guess_language
from review.routing import DocRoute, Route, RoutingTable, sampled_for_qc
from stages.batches import plan, publish_batch, routing_table
from stages.loop import OnFailure, each, reraise
from stages.records import load_redaction
from stages.services import Services
from stages.trail import dispatch_key


def plan_batches(svc: Services) -> list[str]:
    """Plan batches (and sampled QC copies) for redacted documents in no batch yet."""
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
    planned = {d for e in events if e.action == Action.BATCH_PLANNED for d in e.details["docs"]}
    states = document_states(events)
    facts = _details(events, Action.DOC_INGESTED)
    pages = _details(events, Action.DOC_REDACTED)
    pending = {facts[d].get("family") for d, s in states.items() if s is DocState.INGESTED}
    wants_language = any(rule.language for rule in table.rule)
    ready = []
    for doc_id, state in sorted(states.items()):
        details = facts.get(doc_id, {})
        if state is not DocState.REDACTED or doc_id in planned:
            continue
        if details.get("family") is not None and details.get("family") in pending:
            continue  # keep the family together: wait for its other members
        language = _language(svc, doc_id) if wants_language else "und"
        ready.append(_route_facts(doc_id, details, pages.get(doc_id, {}), language))
    return ready


def _details(events: Iterable[AuditEvent], action: Action) -> dict[str, dict[str, Any]]:
    return {e.object_id: e.details for e in events if e.action == action}


def _route_facts(
    doc_id: str, ingested: dict[str, Any], redacted: dict[str, Any], language: str
) -> DocRoute:
    return DocRoute(
        doc_id=doc_id,
        kind=str(ingested.get("kind", "")),
        language=language,
        specialty=ingested.get("specialty"),
        priority=str(ingested.get("priority", "normal")),
        pages=int(redacted.get("pages", 1)),
        family=ingested.get("family"),
    )


def _language(svc: Services, doc_id: str) -> str:
    record = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS)))
    return guess_language(record.redacted_text)


def _plan(svc: Services, route: Route, batch: list[DocRoute]) -> list[str]:
    docs = [d.doc_id for d in batch]
    priority = min((d.priority for d in batch), key=priority_rank)
    common: dict[str, Any] = {
        "rule": route.rule,
        "priority": priority,
        "due_hours": route.budget.due_hours,
    }
    batch_id = plan(svc, route.queue, docs, **common)
    if not sampled_for_qc(batch_id, route.budget.qc_rate):
        return [batch_id]
    adjudication = route.adjudication_queue
    qc_id = plan(
        svc, route.qc_queue, docs, **common, qc_of=batch_id, adjudication_queue=adjudication
    )
    return [batch_id, qc_id]


def unpublished_batches(svc: Services) -> list[tuple[str, list[str], str]]:
    """(batch id, doc ids, plan time) of every planned batch not yet dispatched."""
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_PLANNED.value)
    return [
        (e.object_id, list(e.details["docs"]), e.time)
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
