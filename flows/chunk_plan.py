"""Planning redaction chunks for the work pool: which pending documents to hand out.

Pure functions, no Prefect and no ledger: the caller reads the pending documents from the
ledger (the source of truth for what is done) and the chunk runs still live on the pool
(what is in hand), and gets back the chunks to start. A document a live chunk run holds
is not planned again; a chunk run whose lease ran out (its worker died: Prefect leaves
its run RUNNING or PENDING for ever) holds nothing, so its documents are planned again
by the next run. A chunk run that is merely slow past its lease is harmless: each
document's redaction is keyed in the ledger, so a document redacted by two runs is
recorded once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from flows.redact_pool import chunks

QUEUED = "SCHEDULED"  # not yet taken by any worker: holds its documents whatever its age
LIVE_STATES = ("SCHEDULED", "PENDING", "RUNNING", "PAUSED")


@dataclass(frozen=True)
class LiveChunk:
    """A chunk run not yet final, as the pool reports it (ids only)."""

    run_id: str
    doc_ids: tuple[str, ...]
    state: str  # one of LIVE_STATES
    since: datetime  # when it entered that state (timezone-aware)


@dataclass(frozen=True)
class Plan:
    parts: list[list[str]]  # the chunks to start, document ids in ledger order
    held: frozenset[str]  # pending documents a live chunk run holds
    expired: tuple[str, ...]  # chunk runs whose lease ran out (their documents re-planned)

    def counts(self) -> dict[str, int]:
        """The parent run's summary: documents handed out and in hand, runs started/expired."""
        return {
            "handed_out": sum(len(p) for p in self.parts),
            "chunk_runs": len(self.parts),
            "in_flight": len(self.held),
            "expired_runs": len(self.expired),
        }


def holds(chunk: LiveChunk, now: datetime, lease_seconds: float) -> bool:
    """Does the chunk run still answer for its documents? Queued: yes; taken by a worker:
    while its lease (time in its current state) lasts."""
    if chunk.state == QUEUED:
        return True
    return (now - chunk.since).total_seconds() < lease_seconds


def plan(
    pending: Iterable[str],
    live: Iterable[LiveChunk],
    size: int,
    now: datetime,
    lease_seconds: float,
) -> Plan:
    """Chunks of ``size`` over the pending documents no live chunk run holds."""
    held: set[str] = set()
    expired: list[str] = []
    for chunk in live:
        if holds(chunk, now, lease_seconds):
            held.update(chunk.doc_ids)
        else:
            expired.append(chunk.run_id)
    todo = list(pending)
    free = [d for d in todo if d not in held]
    return Plan(chunks(free, size), frozenset(held.intersection(todo)), tuple(sorted(expired)))
