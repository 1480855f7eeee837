"""Claims and leases on batches: one claim object per batch, conditional writes only.

A claim is created with ``If-None-Match: *``. Its lease ends ``lease_seconds``
after the claim object's ``last_modified`` (the store's clock, so reviewers'
clocks do not matter). An expired claim is stolen with ``If-Match: <etag>`` and
``epoch + 1``; renewals rewrite it with ``If-Match``; release deletes it with
``If-Match``. Losing any of those races raises ``ClaimConflict``/``StaleClaim``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import ValidationError

from models.errors import ClaimConflict, QueueError, StaleClaim
from models.review import Claim
from review import layout
from review.objects import ObjectStore, PreconditionFailed


@dataclass(frozen=True)
class ClaimState:
    """A claim as stored, with the ETag it was read at and its lease end (store clock)."""

    claim: Claim
    etag: str
    expires_at: datetime

    def live(self, now: datetime) -> bool:
        return now < self.expires_at


class Claims:
    def __init__(self, store: ObjectStore, queue: str) -> None:
        self._store = store
        self._queue = queue

    def read(self, batch_id: str) -> ClaimState | None:
        stored = self._store.get(layout.claim_key(self._queue, batch_id))
        if stored is None:
            return None
        try:
            claim = Claim.model_validate_json(stored.body)
        except ValidationError as exc:
            raise QueueError(batch_id, "claim object unreadable") from exc
        if claim.batch_id != batch_id:
            raise QueueError(batch_id, "claim object names another batch")
        expires = stored.last_modified + timedelta(seconds=claim.lease_seconds)
        return ClaimState(claim, stored.etag, expires)

    def acquire(self, batch_id: str, reviewer: str, lease_seconds: int) -> Claim:
        """Claim ``batch_id``; steal an expired claim; ``ClaimConflict`` if another holds it."""
        layout.check_id("reviewer", reviewer)
        _check_lease(batch_id, lease_seconds)
        state = self.read(batch_id)
        if state is None:
            return self._write(batch_id, reviewer, 1, lease_seconds, None, ClaimConflict)
        if state.live(self._store.now()):
            if state.claim.reviewer == reviewer:
                return state.claim
            raise ClaimConflict(batch_id)
        epoch = state.claim.epoch + 1
        return self._write(batch_id, reviewer, epoch, lease_seconds, state.etag, ClaimConflict)

    def renew(self, batch_id: str, reviewer: str, epoch: int, lease_seconds: int) -> Claim:
        """Extend the lease of the claim ``reviewer`` holds at ``epoch``; else ``StaleClaim``."""
        _check_lease(batch_id, lease_seconds)
        state = self.holder(batch_id, reviewer, epoch)
        return self._write(batch_id, reviewer, epoch, lease_seconds, state.etag, StaleClaim)

    def release(self, batch_id: str, reviewer: str, epoch: int) -> None:
        """Delete the claim ``reviewer`` holds at ``epoch`` (conditional on its ETag)."""
        state = self.holder(batch_id, reviewer, epoch)
        try:
            self._store.delete(layout.claim_key(self._queue, batch_id), if_match=state.etag)
        except PreconditionFailed as exc:
            raise StaleClaim(batch_id) from exc

    def holder(self, batch_id: str, reviewer: str, epoch: int) -> ClaimState:
        """The state if ``reviewer`` holds the current claim at ``epoch``; else ``StaleClaim``.

        A lease that ran out but was not taken over still counts as held.
        """
        state = self.read(batch_id)
        if state is None or state.claim.reviewer != reviewer or state.claim.epoch != epoch:
            raise StaleClaim(batch_id)
        return state

    def live_batches(self) -> set[str]:
        """Batch ids whose claim lease has not run out (by the store's clock)."""
        now = self._store.now()
        live: set[str] = set()
        for key in self._store.list(layout.claims_prefix(self._queue)):
            batch_id = layout.batch_of_claim(self._queue, key)
            state = self.read(batch_id) if batch_id else None
            if batch_id and state is not None and state.live(now):
                live.add(batch_id)
        return live

    def _write(
        self,
        batch_id: str,
        reviewer: str,
        epoch: int,
        lease_seconds: int,
        etag: str | None,
        lost: type[ClaimConflict] | type[StaleClaim],
    ) -> Claim:
        claim = Claim(
            batch_id=batch_id,
            reviewer=reviewer,
            epoch=epoch,
            lease_seconds=lease_seconds,
            claimed_at=self._store.now(),
        )
        key = layout.claim_key(self._queue, batch_id)
        body = claim.model_dump_json().encode()
        try:
            self._store.put(key, body, if_none_match=etag is None, if_match=etag)
        except PreconditionFailed as exc:
            raise lost(batch_id) from exc
        return claim


def _check_lease(batch_id: str, lease_seconds: int) -> None:
    if lease_seconds < 1:
        raise QueueError(batch_id, "lease must be at least one second")
