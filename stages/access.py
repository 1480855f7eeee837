"""The operator's side of reads: grant the claim holder its copies, revoke the others',
and put each on the audit trail (who may read which document, from when)."""

from __future__ import annotations

from models.events import DocAccessGranted, DocAccessRevoked
from review.access import AccessChange, Grant, sync_access
from review.claims import ClaimState
from review.queue import ReviewQueue
from stages.services import Services
from stages.trail import access_key, revoke_key


def grant_access(
    svc: Services, queue: ReviewQueue, batch_id: str, state: ClaimState | None
) -> AccessChange:
    change = sync_access(queue, batch_id, state)
    for grant in change.granted:
        key = access_key(batch_id, grant.reviewer, grant.epoch, grant.rel_path)
        if not svc.seen(key):
            svc.record(key, _payload(DocAccessGranted, grant), "document", grant.doc_id)
    for grant in change.revoked:
        key = revoke_key(batch_id, grant.reviewer, grant.rel_path, grant.granted_at.isoformat())
        svc.record(key, _payload(DocAccessRevoked, grant), "document", grant.doc_id)
    return change


def _payload(
    model: type[DocAccessGranted] | type[DocAccessRevoked], grant: Grant
) -> DocAccessGranted | DocAccessRevoked:
    return model(
        reviewer=grant.reviewer,
        batch=grant.batch_id,
        epoch=grant.epoch,
        file=grant.rel_path,
        granted_at=grant.granted_at.isoformat(),
    )
