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

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from audit import document_states
from models.audit import Action, AuditEvent
from models.document import DocState, content_hash
from models.errors import StorageError
from models.review import Manifest, ManifestDoc, PriorReview
from models.vault_ref import Purpose
from review import ReviewQueue
from review.batching import cut, priority_rank
from review.language import guess_language
from review.mutex import StoreMutex
from review.routing import DocRoute, Route, RoutingTable, sampled_for_qc, single_queue
from stages.records import load_redaction
from stages.redact import doc_facts
from stages.reviews import load_reviews
from stages.services import Services

INSTRUCTIONS = (
    "Review each document. Annotate spans of the rendition text (docs/<doc_id>.txt) with a "
    "label from the batch's label set and give one verdict per document. Identities are "
    "replaced by tokens such as [PERSON_1]; refer to people by their tokens."
)
QC_INSTRUCTIONS = INSTRUCTIONS + " This is an independent second review (quality control)."
ADJUDICATION_INSTRUCTIONS = (
    INSTRUCTIONS + " Two reviews of these documents disagree (see prior_reviews in the "
    "manifest); give the final annotations and verdicts."
)


PLAN_LOCK_PREFIX = "locks/plan/"  # outside queues/: no reviewer policy reaches it


def batch_id_for(queue: str, doc_ids: list[str]) -> str:
    digest = hashlib.sha256((queue + "|" + ",".join(sorted(doc_ids))).encode()).hexdigest()
    return f"batch-{digest[:16]}"


def routing_table(svc: Services) -> RoutingTable:
    return svc.routing or single_queue(svc.queue.queue, svc.batch_size, svc.due_hours)


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


def plan(svc: Services, queue: str, docs: list[str], **details: Any) -> str:
    """Record one planned batch (idempotent: its id is derived from queue and documents)."""
    batch_id = batch_id_for(queue, docs)
    details["docs"] = docs
    svc.record(f"plan:{batch_id}", Action.BATCH_PLANNED, "batch", batch_id, queue=queue, **details)
    return batch_id


def unpublished_batches(svc: Services) -> list[tuple[str, list[str], str]]:
    """(batch id, doc ids, plan time) of every planned batch not yet dispatched."""
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_PLANNED.value)
    return [
        (e.object_id, list(e.details["docs"]), e.time)
        for e in events
        if not svc.seen(f"dispatch:{e.object_id}")
    ]


def publish_batch(svc: Services, batch_id: str, doc_ids: list[str], planned_at: str) -> None:
    """Publish one planned batch to its queue (files first, manifest last), then record it."""
    plan_event = svc.ledger.get(f"plan:{batch_id}")
    details = dict(plan_event.details) if plan_event is not None else {}
    queue = svc.queue.sibling(str(details.get("queue", svc.queue.queue)))
    files: dict[str, bytes] = {}
    entries = [_add_doc(svc, doc_id, files) for doc_id in doc_ids]
    created = datetime.fromisoformat(planned_at)
    manifest = Manifest(
        batch_id=batch_id,
        queue=queue.queue,
        matter=svc.matter,
        created=created,
        due=created + timedelta(hours=int(details.get("due_hours", svc.due_hours))),
        policy_version=svc.policy_version,
        instructions=_instructions(details),
        docs=tuple(entries),
        priority=str(details.get("priority", "normal")),
        qc_of=details.get("qc_of"),
        adjudicates=details.get("adjudicates"),
        prior_reviews=_prior_reviews(svc, details, doc_ids),
    )
    queue.publish(manifest, files)
    _record_dispatch(svc, manifest)


def _instructions(details: dict[str, Any]) -> str:
    if details.get("adjudicates"):
        return ADJUDICATION_INSTRUCTIONS
    return QC_INSTRUCTIONS if details.get("qc_of") else INSTRUCTIONS


def _prior_reviews(
    svc: Services, details: dict[str, Any], doc_ids: list[str]
) -> tuple[PriorReview, ...]:
    """For an adjudication batch: both reviews' spans and verdicts (comments left out)."""
    out = []
    for batch_id, reviewer in details.get("reviews", []):
        annotations, verdicts = [], []
        for doc_id in doc_ids:
            work = load_reviews(svc, doc_id).get(reviewer, {})
            annotations += [{**a, "comment": ""} for a in work.get("annotations", [])]
            verdicts += [{**v, "comment": ""} for v in work.get("verdicts", [])]
        out.append(
            PriorReview.model_validate(
                {
                    "batch_id": batch_id,
                    "reviewer": reviewer,
                    "annotations": annotations,
                    "verdicts": verdicts,
                }
            )
        )
    return tuple(out)


def _record_dispatch(svc: Services, manifest: Manifest) -> None:
    for doc in manifest.docs:  # a QC or adjudication copy finds these already recorded
        svc.record(
            f"dispatch:{doc.doc_id}",
            Action.DOC_DISPATCHED,
            "document",
            doc.doc_id,
            batch=manifest.batch_id,
        )
    svc.record(
        f"dispatch:{manifest.batch_id}",
        Action.BATCH_DISPATCHED,
        "batch",
        manifest.batch_id,
        queue=manifest.queue,
        docs=len(manifest.docs),
        priority=manifest.priority,
        due=manifest.due.isoformat(),
        qc_of=manifest.qc_of,
        adjudicates=manifest.adjudicates,
    )


def _add_doc(svc: Services, doc_id: str, files: dict[str, bytes]) -> ManifestDoc:
    facts = doc_facts(svc, doc_id)
    suffix = facts.media_type.suffix if facts.media_type else ".bin"
    rendition = svc.vault.get(svc.ref(doc_id, Purpose.RENDITION))
    text = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS))).redacted_text
    text_bytes = text.encode("utf-8")
    path, text_path = f"docs/{doc_id}{suffix}", f"docs/{doc_id}.txt"
    files[path] = rendition
    files[text_path] = text_bytes
    redacted = svc.events_for(doc_id, Action.DOC_REDACTED)[0].details
    return ManifestDoc(
        doc_id=doc_id,
        media_type=facts.media_type.value if facts.media_type else "unknown",
        path=path,
        text_path=text_path,
        sha256=content_hash(rendition),
        text_sha256=content_hash(text_bytes),
        text_length=len(text),
        pages=int(redacted.get("pages", 1)),
    )


def batch_queue(svc: Services, batch_id: str) -> ReviewQueue:
    """The queue a dispatched batch was published to (from its ledger event)."""
    event = svc.ledger.get(f"dispatch:{batch_id}")
    name = event.details.get("queue") if event is not None else None
    return svc.queue.sibling(str(name or svc.queue.queue))


def publish_pending(svc: Services) -> list[str]:
    """Publish every planned, unpublished batch (primary, QC and adjudication)."""
    published = []
    for batch_id, doc_ids, planned_at in unpublished_batches(svc):
        publish_batch(svc, batch_id, doc_ids, planned_at)
        published.append(batch_id)
    return published


def dispatch(svc: Services) -> list[str]:
    plan_batches(svc)
    return publish_pending(svc)
