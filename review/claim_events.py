"""Claim events and their replay: who holds a batch is a pure function of the listing.

Each reviewer writes its own create-once event objects under
``claims/<batch_id>/<reviewer>/`` (IAM lets a reviewer write only there), named
``<n>-<action>-<epoch>-<lease>.json``: ``n`` is one more than the number of the batch's
events the writer had seen, ``action`` is ``claim``, ``renew`` or ``release``. Nothing
in the body matters, so a listing (keys plus S3's own ``LastModified``) is enough to
replay a batch; an object whose key does not parse is ignored and reported.

Replay orders events by (store write time, ``n``, reviewer) and applies them:
a claim wins a free, released or expired batch (a new epoch) and loses otherwise;
renew and release count only from the holder at its epoch (an expired lease not yet
taken over is still held). The operator's ``closed/<batch_id>.json`` ends the batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from review import layout
from review.ports import ObjectInfo

CLAIM, RENEW, RELEASE = "claim", "renew", "release"
HELD, RELEASED, DONE = "held", "released", "done"
# outcomes of an event in the replay
CLAIMED, STOLEN, RENEWED, RELEASED_, LOST, STALE = (
    "claimed",
    "stolen",
    "renewed",
    "released",
    "lost",
    "stale",
)
_NAME = re.compile(r"(\d{1,12})-(claim|renew|release)-(\d{1,12})-(\d{1,9})\.json")


@dataclass(frozen=True)
class ClaimEvent:
    key: str
    batch_id: str
    reviewer: str
    n: int
    action: str
    epoch: int
    lease_seconds: int
    at: datetime  # the store's write time

    def order(self) -> tuple[datetime, int, str]:
        return (self.at, self.n, self.reviewer)


@dataclass(frozen=True)
class Holding:
    """The replayed claim: holder, epoch, state and the lease window."""

    reviewer: str
    epoch: int
    state: str
    since: datetime  # write time of the event that set the current lease or state
    lease_seconds: int

    @property
    def expires_at(self) -> datetime:
        return self.since + timedelta(seconds=self.lease_seconds)

    def live(self, now: datetime) -> bool:
        return self.state == DONE or (self.state == HELD and now < self.expires_at)


@dataclass(frozen=True)
class Transition:
    event: ClaimEvent
    outcome: str
    epoch: int


def event_name(n: int, action: str, epoch: int, lease_seconds: int) -> str:
    return f"{n:08d}-{action}-{epoch}-{lease_seconds}.json"


def parse_event(queue: str, info: ObjectInfo) -> ClaimEvent | None:
    """The event named by ``info.key``, or ``None`` if the key is not an event's shape."""
    prefix = layout.claims_prefix(queue)
    parts = info.key[len(prefix) :].split("/") if info.key.startswith(prefix) else []
    if len(parts) != 3 or not (layout.is_id(parts[0]) and layout.is_id(parts[1])):
        return None
    match = _NAME.fullmatch(parts[2])
    if match is None:
        return None
    n, action, epoch, lease = match.groups()
    return ClaimEvent(
        info.key, parts[0], parts[1], int(n), action, int(epoch), int(lease), info.last_modified
    )


def replay(events: Iterable[ClaimEvent]) -> tuple[Holding | None, list[Transition]]:
    """Apply a batch's events in order; the final holding and every event's outcome."""
    holding: Holding | None = None
    transitions: list[Transition] = []
    for event in sorted(events, key=ClaimEvent.order):
        holding, outcome = _apply(holding, event)
        transitions.append(Transition(event, outcome, holding.epoch if holding else 0))
    return holding, transitions


def _apply(holding: Holding | None, event: ClaimEvent) -> tuple[Holding | None, str]:
    if event.action == CLAIM:
        return _claim(holding, event)
    if holding is None or holding.state != HELD:
        return holding, STALE
    if (holding.reviewer, holding.epoch) != (event.reviewer, event.epoch):
        return holding, STALE
    if event.action == RENEW:
        return Holding(event.reviewer, event.epoch, HELD, event.at, event.lease_seconds), RENEWED
    return Holding(event.reviewer, event.epoch, RELEASED, event.at, 0), RELEASED_


def _claim(holding: Holding | None, event: ClaimEvent) -> tuple[Holding | None, str]:
    if event.lease_seconds < 1:
        return holding, LOST
    if holding is not None and holding.state == HELD and event.at < holding.expires_at:
        return holding, LOST
    epoch = holding.epoch + 1 if holding else 1
    stolen = holding is not None and holding.state == HELD and holding.reviewer != event.reviewer
    taken = Holding(event.reviewer, epoch, HELD, event.at, event.lease_seconds)
    return taken, STOLEN if stolen else CLAIMED
