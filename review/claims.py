"""Claims and leases on batches, bound to the reviewer's own S3 prefix.

A reviewer acts on a batch by creating an event object (``If-None-Match: *``) under
``claims/<batch_id>/<reviewer>/``; the reviewer IAM policy lets it write only under its
own name, so nobody can write, overwrite or remove another reviewer's claim. Who holds
the batch is replayed from the listing (``review.claim_events``): everybody, operator
and reviewers, computes the same answer from the same keys and S3's own timestamps.
After writing, a client waits ``settle_seconds`` (S3 timestamps have 1 s granularity)
and replays again, so the answer it reports never changes afterwards. When collect
accepts work it writes ``closed/<batch_id>.json``, which only the operator can write:
the batch is never handed out again. Losing raises ``ClaimConflict``/``StaleClaim``.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from models.errors import ClaimConflict, QueueError, StaleClaim
from models.review import Claim
from review import claim_events as ev
from review import layout
from review.ports import ObjectStore, PreconditionFailed

HELD, RELEASED, DONE = ev.HELD, ev.RELEASED, ev.DONE
WRITE_ATTEMPTS = 5
POLL_SECONDS = 0.25


@dataclass(frozen=True)
class ClaimState:
    """A replayed claim: the claim, the key of its last event, its time and lease end."""

    claim: Claim
    etag: str
    written_at: datetime
    expires_at: datetime
    transitions: tuple[ev.Transition, ...] = field(default=(), compare=False)

    def live(self, now: datetime) -> bool:
        """Held by someone right now (a closed batch counts as taken for good)."""
        if self.claim.state == DONE:
            return True
        return self.claim.state == HELD and now < self.expires_at


@dataclass
class QueueClaims:
    """Every batch's replayed claim in a queue, plus the objects that could not be read."""

    states: dict[str, ClaimState]
    problems: list[str]


class Claims:
    def __init__(
        self, store: ObjectStore, queue: str, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self._store = store
        self._queue = queue
        self._sleep = sleep

    # --- reading -------------------------------------------------------------
    def read(self, batch_id: str) -> ClaimState | None:
        events, _ = self._events(layout.batch_claims_prefix(self._queue, batch_id))
        return self._state(batch_id, events.get(batch_id, []), self._closed(batch_id))

    def read_settled(self, batch_id: str) -> ClaimState | None:
        """``read``, after waiting out the settle time of the newest event if it is that
        recent: every event the answer depends on is then final (the operator's view)."""
        state = self.read(batch_id)
        if state is None or not state.transitions or self._store.settle_seconds <= 0:
            return state
        newest = max(t.event.at for t in state.transitions)
        if self._store.now() >= newest + timedelta(seconds=self._store.settle_seconds):
            return state
        self._settle(newest)
        return self.read(batch_id)

    def scan(self) -> QueueClaims:
        """Every batch's claim from two listings; malformed objects reported, not fatal."""
        events, problems = self._events(layout.claims_prefix(self._queue))
        closed = {}
        for info in self._store.list_info(layout.closed_prefix(self._queue)):
            batch_id = layout.batch_of_closed(self._queue, info.key)
            if batch_id is None:
                problems.append("malformed object under closed/")
                continue
            closed[batch_id] = self._closed(batch_id)
        states = {}
        for batch_id in sorted(set(events) | set(closed)):
            state = self._state(batch_id, events.get(batch_id, []), closed.get(batch_id))
            if state is not None:
                states[batch_id] = state
        return QueueClaims(states, problems)

    def live_batches(self) -> set[str]:
        """Batch ids held under an unexpired lease or closed (by the store's clock)."""
        now = self._store.now()
        return {b for b, state in self.scan().states.items() if state.live(now)}

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

    # --- reviewer transitions ----------------------------------------------------
    def acquire(self, batch_id: str, reviewer: str, lease_seconds: int) -> Claim:
        """Claim ``batch_id``; take over an expired/released claim; else ``ClaimConflict``."""
        layout.check_id("reviewer", reviewer)
        _check_lease(batch_id, lease_seconds)
        state = self.read(batch_id)
        if state is not None and state.claim.state == DONE:
            raise ClaimConflict(batch_id, "batch already reviewed")
        if state is not None and state.live(self._store.now()):
            if state.claim.reviewer == reviewer:
                return state.claim
            raise ClaimConflict(batch_id)
        outcome, after = self._append(batch_id, reviewer, ev.CLAIM, 0, lease_seconds)
        if outcome not in (ev.CLAIMED, ev.STOLEN) or after is None:
            raise ClaimConflict(batch_id)
        return after.claim

    def renew(self, batch_id: str, reviewer: str, epoch: int, lease_seconds: int) -> Claim:
        """Extend the lease of the claim ``reviewer`` holds at ``epoch``; else ``StaleClaim``."""
        _check_lease(batch_id, lease_seconds)
        self.holder(batch_id, reviewer, epoch)
        outcome, after = self._append(batch_id, reviewer, ev.RENEW, epoch, lease_seconds)
        if outcome != ev.RENEWED or after is None:
            raise StaleClaim(batch_id)
        return after.claim

    def release(self, batch_id: str, reviewer: str, epoch: int) -> None:
        """Give the batch back (a ``release`` event; the epoch of a batch only grows)."""
        self.holder(batch_id, reviewer, epoch)
        outcome, _ = self._append(batch_id, reviewer, ev.RELEASE, epoch, 0)
        if outcome != ev.RELEASED_:
            raise StaleClaim(batch_id)

    # --- operator ------------------------------------------------------------------
    def close(self, batch_id: str, reviewer: str, epoch: int) -> bool:
        """Operator: mark the batch reviewed (``done``) for ``reviewer``'s work at ``epoch``.

        Create-once: a batch already closed stays as it was; a claim that has moved past
        ``epoch`` (released and taken by someone else) is left alone (``False``).
        """
        state = self.read(batch_id)
        if state is not None and state.claim.state == DONE:
            return True
        if state is not None and state.claim.epoch > epoch:
            return False
        body = json.dumps({"batch_id": batch_id, "reviewer": reviewer, "epoch": epoch}).encode()
        with contextlib.suppress(PreconditionFailed):  # closed already: create-once
            self._store.put(layout.closed_key(self._queue, batch_id), body, if_none_match=True)
        return True

    # --- internals -------------------------------------------------------------------
    def _append(
        self, batch_id: str, reviewer: str, action: str, epoch: int, lease_seconds: int
    ) -> tuple[str, ClaimState | None]:
        """Write one event (create-once), settle, replay; the event's outcome and the state."""
        key = self._write_event(batch_id, reviewer, action, epoch, lease_seconds)
        written = self._store.head(key)
        if written is None:
            raise QueueError(batch_id, "claim event vanished after writing")
        self._settle(written.last_modified)
        state = self.read(batch_id)
        transitions = state.transitions if state else ()
        outcome = next((t.outcome for t in transitions if t.event.key == key), ev.LOST)
        return outcome, state

    def _write_event(
        self, batch_id: str, reviewer: str, action: str, epoch: int, lease_seconds: int
    ) -> str:
        prefix = layout.batch_claims_prefix(self._queue, batch_id)
        own = layout.reviewer_claims_prefix(self._queue, batch_id, reviewer)
        for _ in range(WRITE_ATTEMPTS):
            seen = len(self._store.list_info(prefix))
            key = own + ev.event_name(seen + 1, action, epoch, lease_seconds)
            try:
                self._store.put(key, b"{}", if_none_match=True)
                return key
            except PreconditionFailed:
                continue
        raise ClaimConflict(batch_id, "could not write the claim event")

    def _settle(self, written_at: datetime) -> None:
        wait = self._store.settle_seconds
        if wait <= 0:
            return
        until = written_at.replace(microsecond=0) + timedelta(seconds=wait)
        while self._store.now() < until:
            self._sleep(POLL_SECONDS)

    def _events(self, prefix: str) -> tuple[dict[str, list[ev.ClaimEvent]], list[str]]:
        events: dict[str, list[ev.ClaimEvent]] = defaultdict(list)
        problems: list[str] = []
        for info in self._store.list_info(prefix):
            event = ev.parse_event(self._queue, info)
            if event is None:
                problems.append(_problem(self._queue, info.key))
                continue
            events[event.batch_id].append(event)
        return events, problems

    def _closed(self, batch_id: str) -> tuple[str, int, datetime] | None:
        key = layout.closed_key(self._queue, batch_id)
        stored = self._store.get(key)
        if stored is None:
            return None
        try:
            data = json.loads(stored.body)
            return (
                layout.check_id("reviewer", data["reviewer"]),
                int(data["epoch"]),
                stored.last_modified,
            )
        except (ValueError, KeyError, TypeError, QueueError):
            return ("unknown", 0, stored.last_modified)

    def _state(
        self,
        batch_id: str,
        events: list[ev.ClaimEvent],
        closed: tuple[str, int, datetime] | None,
    ) -> ClaimState | None:
        holding, transitions = ev.replay(events)
        if closed is not None:
            holding = ev.Holding(closed[0], closed[1], DONE, closed[2], 0)
        if holding is None:
            return None
        last = next((t.event.key for t in reversed(transitions)), "")
        claim = Claim(
            batch_id=batch_id,
            reviewer=holding.reviewer,
            epoch=holding.epoch,
            lease_seconds=holding.lease_seconds,
            claimed_at=holding.since,
            state=holding.state,
        )
        return ClaimState(claim, last, holding.since, holding.expires_at, tuple(transitions))


def _problem(queue: str, key: str) -> str:
    """A malformed object reported by its batch segment (if an id); never by reviewer: IAM's
    ``claims/*/<reviewer>/*`` also lets a reviewer write deeper keys below another's name."""
    batch = key[len(layout.claims_prefix(queue)) :].split("/")[0]
    return f"ignored malformed claim object under claims/{batch if layout.is_id(batch) else '?'}/"


def _check_lease(batch_id: str, lease_seconds: int) -> None:
    if lease_seconds < 1:
        raise QueueError(batch_id, "lease must be at least one second")
