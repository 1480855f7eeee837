"""Verify a chain of events: seq contiguity, prev_hash links and recomputed hashes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from audit.chain import GENESIS_HASH, event_hash
from models.audit import AuditEvent


@dataclass(frozen=True)
class Anchor:
    """A (seq, hash) pair known from outside the ledger, e.g. a signed checkpoint.

    The chain alone cannot show that its newest events were removed; an anchor can.
    """

    seq: int
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    """``count``: events that verified; ``first_bad_seq``: the first event that did not."""

    ok: bool
    count: int
    first_bad_seq: int | None
    reason: str


def check_event(event: AuditEvent, expected_seq: int, prev_hash: str) -> str:
    """Why ``event`` cannot follow (expected_seq - 1, prev_hash); "" when it can."""
    if event.seq != expected_seq:
        return f"seq {event.seq} where {expected_seq} was expected"
    if event.prev_hash != prev_hash:
        return "prev_hash does not link to the previous event"
    if event.hash != event_hash(event):
        return "hash does not match the event's contents"
    return ""


def verify(
    events: Iterable[AuditEvent], anchor: Anchor | Sequence[Anchor] | None = None
) -> VerifyResult:
    """Check ``events`` in the order given, stopping at the first bad one.

    Every anchor must match the event at its seq; a chain that ends before the last
    anchor was truncated, and the first missing event is named.
    """
    anchors = _by_seq(anchor)
    expected, prev = 1, GENESIS_HASH
    for event in events:
        problem = check_event(event, expected, prev)
        if problem:
            return VerifyResult(False, expected - 1, event.seq, problem)
        pinned = anchors.get(event.seq)
        if pinned is not None and event.hash != pinned:
            return VerifyResult(False, expected - 1, event.seq, "differs from the anchor")
        expected, prev = expected + 1, event.hash
    if anchors and max(anchors) >= expected:
        return VerifyResult(False, expected - 1, expected, "anchored event is missing")
    return VerifyResult(True, expected - 1, None, "ok")


def _by_seq(anchor: Anchor | Sequence[Anchor] | None) -> dict[int, str]:
    if anchor is None:
        return {}
    listed = [anchor] if isinstance(anchor, Anchor) else list(anchor)
    return {a.seq: a.hash for a in listed}
