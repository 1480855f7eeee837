"""The operator's side of reads: grant the claim holder its copies, revoke the others',
and put each on the audit trail (who may read which document, from when)."""

from __future__ import annotations

from models.audit import Action
from review.access import AccessChange, Grant, sync_access
from review.claims import ClaimState
from review.queue import ReviewQueue
from stages.services import Services


def grant_access(
    svc: Services, queue: ReviewQueue, batch_id: str, state: ClaimState | None
) -> AccessChange:
    change = sync_access(queue, batch_id, state)
    for grant in change.granted:
        key = f"access:{batch_id}:{grant.reviewer}:{grant.epoch}:{grant.rel_path}"
        if not svc.seen(key):
            _record(svc, key, Action.DOC_ACCESS_GRANTED, grant)
    for grant in change.revoked:
        key = f"revoke:{batch_id}:{grant.reviewer}:{grant.rel_path}:{grant.granted_at.isoformat()}"
        _record(svc, key, Action.DOC_ACCESS_REVOKED, grant)
    return change


def _record(svc: Services, key: str, action: Action, grant: Grant) -> None:
    svc.record(
        key,
        action,
        "document",
        grant.doc_id,
        reviewer=grant.reviewer,
        batch=grant.batch_id,
        epoch=grant.epoch,
        file=grant.rel_path,
        granted_at=grant.granted_at.isoformat(),
    )
