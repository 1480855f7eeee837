"""Quality control: blind double review of sampled batches, agreement, adjudication.

A QC-sampled batch has a copy in its route's QC queue (planned by dispatch). When both
reviews are accepted, their agreement (span F1, Cohen's kappa on verdicts) is recorded
in the ledger (``qc.agreement``, ids and numbers only, both reviewers named). If they
agree the documents are reviewed; if not, an adjudication batch carrying both reviews'
spans and verdicts goes to the route's adjudication queue, and the adjudicator's
accepted work settles the documents.
"""

from __future__ import annotations

from typing import Any

from models.audit import Action, AuditEvent
from models.events import BatchPlanned, DocReviewed, QcAgreement, SubmissionAccepted, payload_of
from models.review import Manifest
from review.agreement import ReviewWork, compare
from stages.batches import plan, publish_batch, routing_table
from stages.reviews import load_reviews
from stages.services import Services
from stages.trail import batch_queue, dispatch_key, plan_key, qc_key, review_key

PRIMARY, QC, ADJUDICATION = "primary", "qc", "adjudication"


def role(manifest: Manifest) -> str:
    if manifest.adjudicates:
        return ADJUDICATION
    return QC if manifest.qc_of else PRIMARY


def qc_copy_of(svc: Services, batch_id: str) -> AuditEvent | None:
    """The plan event of ``batch_id``'s QC copy, if the batch was sampled."""
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_PLANNED.value)
    return next((e for e in events if payload_of(e, BatchPlanned).qc_of == batch_id), None)


def accepted_reviewer(svc: Services, batch_id: str) -> str | None:
    """The reviewer of the latest accepted submission on a batch."""
    events = svc.ledger.events(object_id=batch_id, action=Action.SUBMISSION_ACCEPTED.value)
    last = None
    for event in events:
        last = payload_of(event, SubmissionAccepted).reviewer
    return last


def reviewer_conflict(svc: Services, manifest: Manifest, reviewer: str) -> str:
    """Why ``reviewer`` may not review this batch (QC needs a second person), or ``""``."""
    if any(prior.reviewer == reviewer for prior in manifest.prior_reviews):
        return f"reviewer {reviewer!r} wrote one of the reviews under adjudication"
    other = _pair_of(svc, manifest)
    if other is None:
        return ""
    others = {accepted_reviewer(svc, other)}
    if manifest.qc_of:  # the QC copy also yields to whoever holds the primary batch
        claim = batch_queue(svc, other).current_claim(other)
        others.add(claim.reviewer if claim else None)
    if reviewer in others:
        return f"reviewer {reviewer!r} reviews batch {other}; QC needs a second reviewer"
    return ""


def _pair_of(svc: Services, manifest: Manifest) -> str | None:
    """The other batch of a QC pair (primary <-> QC copy), if any."""
    if manifest.adjudicates:
        return None
    if manifest.qc_of:
        return manifest.qc_of
    copy = qc_copy_of(svc, manifest.batch_id)
    return copy.object_id if copy else None


def settle(svc: Services, manifest: Manifest, reviewer: str) -> None:
    """After an accepted submission: mark documents reviewed, or compare two reviews."""
    if role(manifest) == ADJUDICATION:
        mark_reviewed(svc, manifest, reviewer)
        return
    primary = manifest.qc_of or manifest.batch_id
    copy = qc_copy_of(svc, primary)
    if copy is None:
        mark_reviewed(svc, manifest, reviewer)
        return
    first, second = accepted_reviewer(svc, primary), accepted_reviewer(svc, copy.object_id)
    if first is None or second is None:
        return  # wait for the other review
    agree = record_agreement(svc, manifest, primary, copy.object_id, (first, second))
    if agree:
        mark_reviewed(svc, manifest, first)
    else:
        request_adjudication(svc, manifest, primary, copy, (first, second))


def record_agreement(
    svc: Services, manifest: Manifest, primary: str, qc_batch: str, who: tuple[str, str]
) -> bool:
    """Compare both reviews once (idempotent key ``qc:<primary>``); True if they agree."""
    existing = svc.ledger.get(qc_key(primary))
    if existing is not None:
        return payload_of(existing, QcAgreement).agree
    works = [_work(svc, manifest, reviewer) for reviewer in who]
    result = compare(works[0], works[1])
    thresholds = routing_table(svc).qc
    agree = result.agrees(thresholds.min_span_f1, thresholds.min_kappa)
    payload = QcAgreement(
        qc_batch=qc_batch,
        reviewer=who[0],
        qc_reviewer=who[1],
        span_f1=result.span_f1,
        kappa=result.kappa,
        spans=(result.spans_a, result.spans_b, result.spans_matched),
        verdict_pairs=result.verdict_pairs,
        agree=agree,
    )
    svc.record(qc_key(primary), payload, "batch", primary)
    return agree


def _work(svc: Services, manifest: Manifest, reviewer: str) -> ReviewWork:
    annotations: list[dict[str, Any]] = []
    verdicts: list[dict[str, Any]] = []
    for doc in manifest.docs:
        work = load_reviews(svc, doc.doc_id).get(reviewer, {})
        annotations += work.get("annotations", [])
        verdicts += work.get("verdicts", [])
    return ReviewWork.from_dumps(annotations, verdicts)


def request_adjudication(
    svc: Services, manifest: Manifest, primary: str, copy: AuditEvent, who: tuple[str, str]
) -> None:
    """Plan and publish the adjudication batch (idempotent: same id, same plan)."""
    qc_plan = payload_of(copy, BatchPlanned)
    docs = [d.doc_id for d in manifest.docs]
    adjudication = BatchPlanned(
        queue=qc_plan.adjudication_queue or f"{manifest.queue}-adjudication",
        docs=docs,
        adjudicates=primary,
        reviews=[(primary, who[0]), (copy.object_id, who[1])],
        priority=qc_plan.priority,
        due_hours=qc_plan.due_hours if qc_plan.due_hours is not None else svc.due_hours,
    )
    batch_id = plan(svc, adjudication)
    planned = svc.ledger.get(plan_key(batch_id))
    if planned is not None and not svc.seen(dispatch_key(batch_id)):
        publish_batch(svc, batch_id, docs, planned.time)


def mark_reviewed(svc: Services, manifest: Manifest, reviewer: str) -> None:
    for doc in manifest.docs:
        svc.record(
            review_key(doc.doc_id),
            DocReviewed(batch=manifest.batch_id, reviewer=reviewer),
            "document",
            doc.doc_id,
        )
