"""Batch planning is serialised: a planner that read the ledger cannot be overtaken by
another planning from a fresher read (no document ever lands in two batches)."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from audit import Ledger
from models.audit import Action
from review import MemoryObjectStore, ReviewQueue
from review.mutex import StoreMutex
from stages import dispatch
from stages.services import Services
from tests.unit.stages.test_collect import add_doc

LEDGER = "sqlite:///{}/ledger.db"


def planner(store: MemoryObjectStore, tmp_path: Path) -> Services:
    svc = Services(
        tenant="t1",
        matter="m1",
        vault=SHARED_VAULT,  # type: ignore[arg-type]
        ledger=Ledger(LEDGER.format(tmp_path)),
        queue=ReviewQueue(store, "general"),
        detector_factory=lambda: None,
        outbox=tmp_path / "outbox",
    )
    return svc


class _Vault(dict):  # the same minimal vault test_collect uses, shared by both planners
    def put(self, ref: Any, data: bytes) -> None:
        self[ref.key] = data

    def get(self, ref: Any) -> bytes:
        return self[ref.key]


SHARED_VAULT = _Vault()


def test_a_stale_planner_cannot_double_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemoryObjectStore()
    first, second = planner(store, tmp_path), planner(store, tmp_path)
    for doc in ("doc-1", "doc-2", "doc-3"):
        add_doc(first, doc, "legal")
    read, overtaken = threading.Event(), threading.Event()
    real = dispatch.ready_documents

    def slow_first(svc: Services, *args: Any) -> Any:
        ready = real(svc, *args)
        if svc is first:
            read.set()
            overtaken.wait(timeout=2)  # a stale reader: the other planner may go first
        return ready

    monkeypatch.setattr(dispatch, "ready_documents", slow_first)
    results: dict[str, list[str]] = {}
    a = threading.Thread(target=lambda: results.setdefault("a", dispatch.plan_batches(first)))
    a.start()
    assert read.wait(timeout=10)
    for doc in ("doc-4", "doc-5"):
        add_doc(second, doc, "legal")
    b = threading.Thread(target=lambda: results.setdefault("b", dispatch.plan_batches(second)))
    b.start()
    b.join(timeout=1)
    overtaken.set()
    a.join(timeout=30)
    b.join(timeout=30)
    plans = list(Ledger(LEDGER.format(tmp_path)).events(action=Action.BATCH_PLANNED.value))
    counts = Counter(d for e in plans for d in e.details["docs"])
    assert sorted(counts) == [f"doc-{i}" for i in range(1, 6)]
    assert max(counts.values()) == 1  # no document in two batches
    assert len(results["a"]) == len(results["b"]) == 1


def test_a_dead_holders_lock_is_taken_over_after_its_lease() -> None:
    clock = [datetime(2025, 3, 1, 12, 0, tzinfo=UTC)]
    store = MemoryObjectStore(lambda: clock[0])
    dead = StoreMutex(store, "locks/x.json", lease_seconds=60)
    dead.acquire()  # never released: its process died
    waiter = StoreMutex(
        store, "locks/x.json", lease_seconds=60, wait_seconds=0.5, sleep=lambda _: None
    )
    with pytest.raises(Exception, match="timed out"):
        waiter.acquire()
    clock[0] += timedelta(seconds=61)
    with waiter.held():
        assert store.get("locks/x.json") is not None
    assert store.get("locks/x.json") is None
