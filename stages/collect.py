"""Collect: validate reviewers' submissions against their batch and seal accepted work.

Every submission is judged on its own: a bad one is rejected with a reason written back
to the reviewer, and nothing already accepted is touched. A submission is accepted only
from the reviewer who holds (or last held, before a release) the batch's claim at the
claim's epoch; one written after a release, or to a batch nobody claimed, is refused.
Accepting closes the claim (the batch is never handed out again); the documents become
reviewed at once, or, for a QC-sampled batch, once both reviews agree or an adjudicator
has settled them (``stages.qc``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from models import events
from models.audit import Action, Outcome
from models.document import content_hash
from models.errors import SubmissionRejected
from models.events import SubmissionAccepted, payload_of
from models.review import Manifest, Submission
from review import ReviewQueue, validate_submission
from review.claims import HELD, ClaimState
from review.ports import ObjectInfo, StoredObject
from review.validate import TextOf, check_size
from stages import qc
from stages.access import grant_access
from stages.claim_audit import record_closed, record_transitions
from stages.loop import OnFailure, each, reraise
from stages.reviews import store_review
from stages.services import Services
from stages.trail import batch_queue, oversize_key, submission_key


@dataclass
class CollectOutcome:
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # batches to retry on the next run


def dispatched_batches(svc: Services) -> list[str]:
    events = svc.ledger.events(matter=svc.matter, action=Action.BATCH_DISPATCHED.value)
    return [e.object_id for e in events]


def collect(svc: Services, on_failure: OnFailure = reraise) -> CollectOutcome:
    """The collect stage's driver: every dispatched batch, one failed batch never
    stopping the others."""
    outcome = CollectOutcome()
    work = partial(collect_batch, svc, outcome=outcome)
    outcome.failed = each(dispatched_batches(svc), work, on_failure)
    return outcome


def collect_batch(svc: Services, batch_id: str, outcome: CollectOutcome) -> None:
    queue = batch_queue(svc, batch_id)
    manifest = queue.manifest(batch_id)
    state = queue.settled_claim_state(batch_id)
    record_claim(svc, batch_id, state)
    grant_access(svc, queue, batch_id, state)
    for reviewer, info in queue.submission_infos(batch_id):
        if refused_by_size(svc, queue, batch_id, reviewer, info, outcome):
            continue  # never read: refused from the listing's size, once
        stored = queue.read_submission(batch_id, reviewer)
        if stored is None:
            continue
        key = submission_key(batch_id, reviewer, content_hash(stored.body))
        if svc.seen(key):
            finish_accepted(svc, queue, manifest, key)  # crash-resume: follow-ups may be missing
            continue
        try:
            submission = check(svc, manifest, state, reviewer, stored, queue.texts(manifest))
        except SubmissionRejected as exc:
            _reject(svc, queue, batch_id, reviewer, key, exc)
            outcome.rejected.append(f"{batch_id}/{reviewer}")
            continue
        accept(svc, queue, manifest, submission, key)
        outcome.accepted.append(f"{batch_id}/{reviewer}")


def refused_by_size(
    svc: Services,
    queue: ReviewQueue,
    batch_id: str,
    reviewer: str,
    info: ObjectInfo,
    outcome: CollectOutcome,
) -> bool:
    """True if the stored submission is over the limit (rejected once, by its size alone)."""
    try:
        check_size(batch_id, info.size)
    except SubmissionRejected as exc:
        key = oversize_key(batch_id, reviewer, info.size, info.last_modified.isoformat())
        if not svc.seen(key):
            _reject(svc, queue, batch_id, reviewer, key, exc)
            outcome.rejected.append(f"{batch_id}/{reviewer}")
        return True
    return False


def record_claim(svc: Services, batch_id: str, state: ClaimState | None) -> None:
    """Put every claim transition of the batch on the audit trail (``stages.claim_audit``).

    Claims are written by reviewers straight to S3; collect is where Sealroom sees them."""
    record_transitions(svc, batch_queue(svc, batch_id), state)


def check(
    svc: Services,
    manifest: Manifest,
    state: ClaimState | None,
    reviewer: str,
    stored: StoredObject,
    text_of: TextOf | None = None,
) -> Submission:
    """The submission if it may be accepted; else ``SubmissionRejected`` with the reason.

    ``text_of`` gives the batch's rendition texts the annotation quotes are checked against."""
    batch_id = manifest.batch_id
    if state is None:
        raise SubmissionRejected(batch_id, "nobody claimed this batch")
    if state.claim.state != HELD and stored.last_modified > state.written_at:
        raise SubmissionRejected(batch_id, f"submitted after the claim was {state.claim.state}")
    submission = validate_submission(
        stored.body, manifest, state.claim, reviewer=reviewer, text_of=text_of
    )
    conflict = qc.reviewer_conflict(svc, manifest, reviewer)
    if conflict:
        raise SubmissionRejected(batch_id, conflict)
    return submission


def _reject(
    svc: Services,
    queue: ReviewQueue,
    batch_id: str,
    reviewer: str,
    key: str,
    exc: SubmissionRejected,
) -> None:
    queue.reject(batch_id, reviewer, exc.reason)
    payload = events.SubmissionRejected(reviewer=reviewer, code=exc.code)
    svc.record(key, payload, "batch", batch_id, Outcome.REJECTED)


def accept(
    svc: Services, queue: ReviewQueue, manifest: Manifest, submission: Submission, key: str
) -> None:
    for doc in manifest.docs:
        store_review(svc, doc.doc_id, submission)
    payload = SubmissionAccepted(
        reviewer=submission.reviewer,
        epoch=submission.epoch,
        annotations=len(submission.annotations),
        verdicts=len(submission.verdicts),
        role=qc.role(manifest),
    )
    svc.record(key, payload, "batch", manifest.batch_id)
    finish_accepted(svc, queue, manifest, key)


def finish_accepted(svc: Services, queue: ReviewQueue, manifest: Manifest, key: str) -> None:
    """Idempotent follow-ups of an accepted submission: close the claim, settle the docs."""
    event = svc.ledger.get(key)
    if event is None or event.action != Action.SUBMISSION_ACCEPTED:
        return
    accepted = payload_of(event, SubmissionAccepted)
    batch_id, reviewer = manifest.batch_id, accepted.reviewer
    if queue.close(batch_id, reviewer, accepted.epoch):
        record_closed(svc, batch_id, reviewer, accepted.epoch)
        grant_access(svc, queue, batch_id, queue.claim_state(batch_id))  # copies taken back
    qc.settle(svc, manifest, reviewer)
