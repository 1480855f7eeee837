"""Planning and publishing one batch: shared by dispatch (new batches) and QC
(adjudication batches).

A batch is *planned* in the ledger (document ids fixed, id derived from queue and ids)
before it is published, so re-running after a crash publishes the same plan again with the
same keys. Publishing writes every document first and the manifest last, then records the
dispatch of each document and of the batch.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from models.audit import Action
from models.document import content_hash
from models.events import BatchDispatched, BatchPlanned, DocDispatched, DocRedacted, payload_of
from models.review import Manifest, ManifestDoc, PriorReview
from models.vault_ref import Purpose
from review.routing import RoutingTable, single_queue
from stages.records import load_redaction
from stages.reviews import load_reviews
from stages.services import Services
from stages.trail import dispatch_key, doc_facts, plan_key

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


def batch_id_for(queue: str, doc_ids: list[str]) -> str:
    digest = hashlib.sha256((queue + "|" + ",".join(sorted(doc_ids))).encode()).hexdigest()
    return f"batch-{digest[:16]}"


def routing_table(svc: Services) -> RoutingTable:
    return svc.routing or single_queue(svc.queue.queue, svc.batch_size, svc.due_hours)


def plan(svc: Services, planned: BatchPlanned) -> str:
    """Record one planned batch (idempotent: its id is derived from queue and documents)."""
    batch_id = batch_id_for(planned.queue, planned.docs)
    svc.record(plan_key(batch_id), planned, "batch", batch_id)
    return batch_id


def planned_batch(svc: Services, batch_id: str) -> BatchPlanned | None:
    event = svc.ledger.get(plan_key(batch_id))
    return payload_of(event, BatchPlanned) if event is not None else None


def publish_batch(svc: Services, batch_id: str, doc_ids: list[str], planned_at: str) -> None:
    """Publish one planned batch to its queue (files first, manifest last), then record it."""
    plan = planned_batch(svc, batch_id) or BatchPlanned(queue=svc.queue.queue, docs=doc_ids)
    queue = svc.queue.sibling(plan.queue)
    files: dict[str, bytes] = {}
    entries = [_add_doc(svc, doc_id, files) for doc_id in doc_ids]
    created = datetime.fromisoformat(planned_at)
    due_hours = plan.due_hours if plan.due_hours is not None else svc.due_hours
    manifest = Manifest(
        batch_id=batch_id,
        queue=queue.queue,
        matter=svc.matter,
        created=created,
        due=created + timedelta(hours=due_hours),
        policy_version=policy_versions(svc, doc_ids),
        instructions=_instructions(plan),
        docs=tuple(entries),
        priority=plan.priority,
        qc_of=plan.qc_of,
        adjudicates=plan.adjudicates,
        prior_reviews=_prior_reviews(svc, plan, doc_ids),
    )
    queue.publish(manifest, files)
    _record_dispatch(svc, manifest)


def policy_versions(svc: Services, doc_ids: list[str]) -> str:
    """The policies the batch's documents were redacted under (``medical/2``; several are
    listed sorted, comma-separated), as their ``document.redacted`` events record them."""
    versions = {
        payload_of(event, DocRedacted).policy_version
        for doc_id in doc_ids
        for event in svc.events_for(doc_id, Action.DOC_REDACTED)
    }
    return ",".join(sorted(versions))


def _instructions(plan: BatchPlanned) -> str:
    if plan.adjudicates:
        return ADJUDICATION_INSTRUCTIONS
    return QC_INSTRUCTIONS if plan.qc_of else INSTRUCTIONS


def _prior_reviews(
    svc: Services, plan: BatchPlanned, doc_ids: list[str]
) -> tuple[PriorReview, ...]:
    """For an adjudication batch: both reviews' spans and verdicts (comments left out)."""
    out = []
    for batch_id, reviewer in plan.reviews:
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
        payload = DocDispatched(batch=manifest.batch_id)
        svc.record(dispatch_key(doc.doc_id), payload, "document", doc.doc_id)
    dispatched = BatchDispatched(
        queue=manifest.queue,
        docs=len(manifest.docs),
        priority=manifest.priority,
        due=manifest.due.isoformat(),
        qc_of=manifest.qc_of,
        adjudicates=manifest.adjudicates,
    )
    svc.record(dispatch_key(manifest.batch_id), dispatched, "batch", manifest.batch_id)


def _add_doc(svc: Services, doc_id: str, files: dict[str, bytes]) -> ManifestDoc:
    facts = doc_facts(svc, doc_id)
    shown = svc.formats.rendition_type(facts.media_type)  # what reviewers get: text or PDF
    suffix = shown.suffix if shown else ".bin"
    rendition = svc.vault.get(svc.ref(doc_id, Purpose.RENDITION))
    text = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS))).redacted_text
    text_bytes = text.encode("utf-8")
    path, text_path = f"docs/{doc_id}{suffix}", f"docs/{doc_id}.txt"
    files[path] = rendition
    files[text_path] = text_bytes
    redacted = payload_of(svc.events_for(doc_id, Action.DOC_REDACTED)[0], DocRedacted)
    return ManifestDoc(
        doc_id=doc_id,
        media_type=shown.value if shown else "unknown",
        path=path,
        text_path=text_path,
        sha256=content_hash(rendition),
        text_sha256=content_hash(text_bytes),
        text_length=len(text),
        pages=redacted.pages,
    )
