"""Collect: validate reviewers' submissions against their batch and seal accepted work.

Every submission is judged on its own: a bad one is rejected with a reason written back
to the reviewer, and nothing already accepted is touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from models.audit import Action, Outcome
from models.document import content_hash
from models.errors import SubmissionRejected, VaultObjectMissing
from models.review import Manifest, Submission
from models.vault_ref import Purpose
from review import validate_submission
from stages.services import Services


@dataclass
class CollectOutcome:
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def dispatched_batches(svc: Services) -> list[str]:
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_DISPATCHED.value)
    return [e.object_id for e in events]


def collect(svc: Services) -> CollectOutcome:
    outcome = CollectOutcome()
    for batch_id in dispatched_batches(svc):
        collect_batch(svc, batch_id, outcome)
    return outcome


def collect_batch(svc: Services, batch_id: str, outcome: CollectOutcome) -> None:
    manifest = svc.queue.manifest(batch_id)
    claim = svc.queue.current_claim(batch_id)
    for reviewer, raw in svc.queue.submissions(batch_id):
        key = f"submission:{batch_id}:{reviewer}:{content_hash(raw)[:16]}"
        if svc.seen(key):
            continue
        try:
            submission = validate_submission(raw, manifest, claim, reviewer=reviewer)
        except SubmissionRejected as exc:
            svc.queue.reject(batch_id, reviewer, exc.reason)
            svc.record(
                key,
                Action.SUBMISSION_REJECTED,
                "batch",
                batch_id,
                Outcome.REJECTED,
                reviewer=reviewer,
                code=exc.code,
            )
            outcome.rejected.append(f"{batch_id}/{reviewer}")
            continue
        accept(svc, manifest, submission, key)
        outcome.accepted.append(f"{batch_id}/{reviewer}")


def accept(svc: Services, manifest: Manifest, submission: Submission, key: str) -> None:
    for doc in manifest.docs:
        _store_review(svc, doc.doc_id, submission)
    svc.record(
        key,
        Action.SUBMISSION_ACCEPTED,
        "batch",
        manifest.batch_id,
        reviewer=submission.reviewer,
        epoch=submission.epoch,
        annotations=len(submission.annotations),
        verdicts=len(submission.verdicts),
    )
    for doc in manifest.docs:
        svc.record(
            f"review:{doc.doc_id}",
            Action.DOC_REVIEWED,
            "document",
            doc.doc_id,
            batch=manifest.batch_id,
            reviewer=submission.reviewer,
        )


def load_reviews(svc: Services, doc_id: str) -> dict[str, dict[str, list[dict[str, object]]]]:
    """Accepted work per reviewer for one document (sealed: comments may name people)."""
    try:
        return json.loads(svc.vault.get(svc.ref(doc_id, Purpose.ANNOTATIONS)))
    except VaultObjectMissing:
        return {}


def _store_review(svc: Services, doc_id: str, submission: Submission) -> None:
    reviews = load_reviews(svc, doc_id)
    reviews[submission.reviewer] = {
        "annotations": [a.model_dump() for a in submission.annotations if a.doc_id == doc_id],
        "verdicts": [v.model_dump() for v in submission.verdicts if v.doc_id == doc_id],
    }
    svc.vault.put(svc.ref(doc_id, Purpose.ANNOTATIONS), json.dumps(reviews).encode("utf-8"))
