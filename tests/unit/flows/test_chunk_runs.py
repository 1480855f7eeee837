"""Handing chunks to the pool (an in-memory pool, no Prefect server): one run per chunk
with ids only, none for documents a live run holds, and a fresh plan for those a dead
run held; the planner returns without waiting for any chunk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta

import pytest

from config import get_settings
from flows import chunk_runs
from flows.chunk_plan import LiveChunk
from flows.chunk_runs import hand_off


class MemoryPool:
    """The ``ChunkRuns`` port in memory: started runs are queued, nothing runs them."""

    def __init__(self, live: list[LiveChunk] | None = None) -> None:
        self.runs: dict[str, LiveChunk] = {c.run_id: c for c in live or []}
        self.started: list[tuple[str | None, list[str], str, str]] = []

    def live(self, matter: str | None) -> list[LiveChunk]:
        return list(self.runs.values())

    def start(self, matter: str | None, doc_ids: list[str], label: str, key: str) -> str:
        run_id = f"run-{len(self.runs) + 1}"
        self.runs[run_id] = LiveChunk(run_id, tuple(doc_ids), "SCHEDULED", datetime.now(UTC))
        self.started.append((matter, doc_ids, label, key))
        return run_id

    def expire(self, run_id: str) -> None:
        del self.runs[run_id]


@pytest.fixture
def pending(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ledger's pending documents (a list the test fills); chunks of 2, lease 1 min."""
    docs: list[str] = []
    monkeypatch.setattr(chunk_runs, "pending_documents", lambda matter: list(docs))
    monkeypatch.setattr(chunk_runs, "planning_lock", lambda matter: nullcontext())
    monkeypatch.setenv("SEALROOM_REDACT_CHUNK_SIZE", "2")
    monkeypatch.setenv("SEALROOM_REDACT_CHUNK_LEASE_MINUTES", "1")
    get_settings.cache_clear()
    yield docs
    get_settings.cache_clear()


def test_one_run_per_chunk_with_ids_only(pending: list[str]) -> None:
    pending += ["d1", "d2", "d3"]
    pool = MemoryPool()
    got = hand_off("m1", pool)
    assert [(m, ids, label) for m, ids, label, _ in pool.started] == [
        ("m1", ["d1", "d2"], "001-of-002"),
        ("m1", ["d3"], "002-of-002"),
    ]
    keys = [key for *_, key in pool.started]
    assert len(set(keys)) == 2 and all(k.endswith(("001-of-002", "002-of-002")) for k in keys)
    assert got.counts() == {"handed_out": 3, "chunk_runs": 2, "in_flight": 0, "expired_runs": 0}


def test_the_next_run_hands_out_nothing_a_live_run_holds(pending: list[str]) -> None:
    pending += ["d1", "d2", "d3"]
    pool = MemoryPool()
    hand_off("m1", pool)
    again = hand_off("m1", pool)  # the next scheduled run, chunks not yet taken
    assert len(pool.started) == 2 and again.parts == [] and again.held == {"d1", "d2", "d3"}


def test_a_dead_runs_documents_are_handed_out_again(pending: list[str]) -> None:
    pending += ["d1", "d2", "d3"]
    long_ago = datetime.now(UTC) - timedelta(minutes=2)
    dead = LiveChunk("dead", ("d1", "d2"), "RUNNING", long_ago)  # its worker was SIGKILLed
    alive = LiveChunk("alive", ("d3",), "RUNNING", datetime.now(UTC))
    pool = MemoryPool([dead, alive])
    got = hand_off("m1", pool)
    assert [ids for _, ids, _, _ in pool.started] == [["d1", "d2"]]
    assert (got.expired, got.held) == (("dead",), frozenset({"d3"}))
    assert "dead" not in pool.runs  # marked crashed: no longer live for the next planner


def test_nothing_pending_asks_the_pool_nothing(pending: list[str]) -> None:
    class Unreachable(MemoryPool):
        def live(self, matter: str | None) -> list[LiveChunk]:
            raise AssertionError("no pending documents: no API call")

    assert hand_off("m1", Unreachable()).counts()["chunk_runs"] == 0


def test_a_prefect_run_is_live_for_its_own_matter_only() -> None:
    from uuid import uuid4

    from prefect.client.schemas.objects import FlowRun
    from prefect.states import Running

    run = FlowRun(flow_id=uuid4(), parameters={"doc_ids": ["d1", "d2"], "matter": "m1"})
    run.state = Running()
    live = chunk_runs._live(run, "m1")
    assert live is not None and (live.doc_ids, live.state) == (("d1", "d2"), "RUNNING")
    assert chunk_runs._live(run, "m2") is None and chunk_runs._live(run, None) is None
