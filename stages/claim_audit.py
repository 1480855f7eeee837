"""Every claim transition on the audit trail, exactly and in order.

Reviewers' claim events are create-once S3 objects under their own prefix
(``review.claims``); collect replays them and records each one (claim, takeover, renew,
release; a losing or stale attempt as ``rejected``) once, keyed by the event object, in
replay order, with the reviewer the object was written by as the actor. Collect reads the
claim only once its newest event has settled, and records only settled events, so an event
can never be recorded before one that sorts ahead of it. Closing a batch is recorded by the
operator when it closes it.
"""

from __future__ import annotations

from datetime import timedelta

from models.audit import Outcome
from models.events import BatchClaimed, BatchClaimRenewed, BatchClosed, BatchReleased
from review import claim_events as ev
from review.claims import ClaimState
from review.queue import ReviewQueue
from stages.services import Services
from stages.trail import claim_event_key, closed_key

MODELS: dict[str, type[BatchClaimed] | type[BatchClaimRenewed] | type[BatchReleased]] = {
    ev.CLAIM: BatchClaimed,
    ev.RENEW: BatchClaimRenewed,
    ev.RELEASE: BatchReleased,
}
APPLIED = {ev.CLAIMED, ev.STOLEN, ev.RENEWED, ev.RELEASED_}


def reviewer_actor(reviewer: str) -> str:
    """The actor of a reviewer's own act: the id its IAM principal writes under."""
    return f"reviewer:{reviewer}"


def record_transitions(svc: Services, queue: ReviewQueue, state: ClaimState | None) -> int:
    """Record every settled claim event of the batch not yet on the trail; how many."""
    if state is None:
        return 0
    settled_before = queue.store_now() - timedelta(seconds=queue.settle_seconds)
    added = 0
    for transition in state.transitions:
        event = transition.event
        if event.at > settled_before:
            break
        key = claim_event_key(queue.queue, event.key.rsplit("/claims/", 1)[-1])
        if svc.seen(key):
            continue
        _append(svc, key, transition)
        added += 1
    return added


def record_closed(svc: Services, batch_id: str, reviewer: str, epoch: int) -> None:
    payload = BatchClosed(reviewer=reviewer, epoch=epoch)
    svc.record(closed_key(batch_id), payload, "batch", batch_id)


def _append(svc: Services, key: str, transition: ev.Transition) -> None:
    event = transition.event
    applied = transition.outcome in APPLIED
    payload = MODELS[event.action](
        reviewer=event.reviewer,
        transition=transition.outcome,
        epoch=transition.epoch if applied else event.epoch,
        lease_seconds=event.lease_seconds,
        at=event.at.isoformat(),
    )
    outcome = Outcome.OK if applied else Outcome.REJECTED
    svc.record(key, payload, "batch", event.batch_id, outcome, reviewer_actor(event.reviewer))
