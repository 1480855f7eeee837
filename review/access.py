"""Reads only while holding the claim: the operator copies a batch's renditions to the
holder's own ``granted/<reviewer>/<batch_id>/`` prefix and removes every other reviewer's.

The reviewer IAM policy grants ``GetObject`` on batch manifests and on the reviewer's own
``granted/`` prefix only, never on ``batches/*/docs/``: a reviewer without the claim has
nothing it can read. Each copy is one document handed to one authenticated reviewer, so
the caller records it (``stages.access``); on AWS, CloudTrail data events on the
``granted/`` prefix name every ``GetObject`` of it by principal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from review import layout
from review.claims import HELD, ClaimState
from review.queue import ReviewQueue


@dataclass(frozen=True)
class Grant:
    reviewer: str
    batch_id: str
    epoch: int
    doc_id: str
    rel_path: str
    granted_at: datetime  # the copy's S3 write time


@dataclass
class AccessChange:
    granted: list[Grant] = field(default_factory=list)  # every copy the holder has now
    revoked: list[Grant] = field(default_factory=list)  # copies removed from others


def sync_access(queue: ReviewQueue, batch_id: str, state: ClaimState | None) -> AccessChange:
    """Give the current holder its copies; take them from every other past holder."""
    change = AccessChange()
    holder = state.claim.reviewer if state and state.claim.state == HELD else None
    epoch = state.claim.epoch if state else 0
    if holder is not None:
        change.granted = _grant(queue, batch_id, holder, epoch)
    past = {t.event.reviewer for t in state.transitions} if state else set()
    if state is not None:
        past.add(state.claim.reviewer)
    for reviewer in sorted(past - {holder} if holder else past):
        change.revoked += _revoke(queue, batch_id, reviewer, epoch)
    return change


def _grant(queue: ReviewQueue, batch_id: str, reviewer: str, epoch: int) -> list[Grant]:
    manifest = queue.manifest(batch_id)
    grants: list[Grant] = []
    for doc in manifest.docs:
        for rel_path in dict.fromkeys((doc.path, doc.text_path)):
            key = layout.granted_key(queue.queue, reviewer, batch_id, rel_path)
            info = queue.store.head(key)
            if info is None:
                queue.store.put(key, queue.read_file(batch_id, rel_path))
                info = queue.store.head(key)
            if info is not None:
                grants.append(
                    Grant(reviewer, batch_id, epoch, doc.doc_id, rel_path, info.last_modified)
                )
    return grants


def _revoke(queue: ReviewQueue, batch_id: str, reviewer: str, epoch: int) -> list[Grant]:
    revoked: list[Grant] = []
    for info in queue.store.list_info(layout.granted_prefix(queue.queue, reviewer, batch_id)):
        queue.store.delete(info.key)
        rel_path = "docs/" + info.key.rsplit("/", 1)[-1]
        doc_id = rel_path[len("docs/") :].rsplit(".", 1)[0]
        revoked.append(Grant(reviewer, batch_id, epoch, doc_id, rel_path, info.last_modified))
    return revoked


def grant_current(queue: ReviewQueue, batch_id: str) -> AccessChange:
    """``sync_access`` for the batch's current claim (operator credentials)."""
    return sync_access(queue, batch_id, queue.claim_state(batch_id))
