"""Claims and leases on batches: one claim object per batch, conditional writes only.

A claim is created with ``If-None-Match: *``. Its lease ends ``lease_seconds``
after the claim object's ``last_modified`` (the store's clock, so reviewers'
clocks do not matter). An expired or released claim is taken over with
``If-Match: <etag>`` and ``epoch + 1``; renewals rewrite it with ``If-Match``.
Release does not delete the object: it rewrites it (``If-Match``) as a
``released`` tombstone with no lease, so the epoch of a batch only ever grows and
a submission made under an old epoch can never match a later claim. When collect
accepts work it closes the claim (``done``): the batch is then never handed out
again. Losing any race raises ``ClaimConflict``/``StaleClaim``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import ValidationError

from models.errors import ClaimConflict, QueueError, StaleClaim
from models.review import Claim
from review import layout
from review.ports import ObjectStore, PreconditionFailed

HELD, RELEASED, DONE = "held", "released", "done"
CLOSE_ATTEMPTS = 5


@dataclass(frozen=True)
class ClaimState:
    """A claim as stored: its ETag, when it was written and its lease end (store clock)."""

    claim: Claim
    etag: str
    written_at: datetime
    expires_at: datetime

    def live(self, now: datetime) -> bool:
        """Held by someone right now (a closed batch counts as taken for good)."""
        if self.claim.state == DONE:
            return True
        return self.claim.state == HELD and now < self.expires_at


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
        if claim.state not in (HELD, RELEASED, DONE):
            raise QueueError(batch_id, "claim object has an unknown state")
        expires = stored.last_modified + timedelta(seconds=claim.lease_seconds)
        return ClaimState(claim, stored.etag, stored.last_modified, expires)

    def acquire(self, batch_id: str, reviewer: str, lease_seconds: int) -> Claim:
        """Claim ``batch_id``; take over an expired/released claim; else ``ClaimConflict``."""
        layout.check_id("reviewer", reviewer)
        _check_lease(batch_id, lease_seconds)
        state = self.read(batch_id)
        if state is None:
            return self._write(batch_id, reviewer, 1, lease_seconds, None, ClaimConflict)
        if state.claim.state == DONE:
            raise ClaimConflict(batch_id, "batch already reviewed")
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
        """Give the batch back: a ``released`` tombstone keeps the epoch (``If-Match``)."""
        state = self.holder(batch_id, reviewer, epoch)
        self._write(batch_id, reviewer, epoch, 0, state.etag, StaleClaim, RELEASED)

    def close(self, batch_id: str, reviewer: str, epoch: int) -> None:
        """Operator: mark the batch reviewed (``done``) at the accepted claim's epoch.

        Retries a lost race a few times; a claim already moved past ``epoch`` is left alone.
        """
        for _ in range(CLOSE_ATTEMPTS):
            state = self.read(batch_id)
            current = state.claim if state else None
            if current is not None and (current.epoch > epoch or current.state == DONE):
                return
            try:
                etag = state.etag if state else None
                self._write(batch_id, reviewer, epoch, 0, etag, StaleClaim, DONE)
                return
            except StaleClaim:
                continue
        raise StaleClaim(batch_id, "could not close the claim")

    def holder(self, batch_id: str, reviewer: str, epoch: int) -> ClaimState:
        """The state if ``reviewer`` holds the current claim at ``epoch``; else ``StaleClaim``.

        A lease that ran out but was not taken over still counts as held; a released or
        closed claim does not.
        """
        state = self.read(batch_id)
        if state is None or state.claim.state != HELD:
            raise StaleClaim(batch_id)
        if state.claim.reviewer != reviewer or state.claim.epoch != epoch:
            raise StaleClaim(batch_id)
        return state

    def live_batches(self) -> set[str]:
        """Batch ids held under an unexpired lease or closed (by the store's clock)."""
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
        state: str = HELD,
    ) -> Claim:
        claim = Claim(
            batch_id=batch_id,
            reviewer=reviewer,
            epoch=epoch,
            lease_seconds=lease_seconds,
            claimed_at=self._store.now(),
            state=state,
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
