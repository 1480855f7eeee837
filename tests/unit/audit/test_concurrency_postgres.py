"""Many processes appending to one Postgres ledger: none lost, none duplicated, no fork.

Sixteen writer processes (each its own engine, as on separate machines) append 3,200
events between them, and all of them also race to record the same shared keys, which
must each be recorded exactly once (keyed appends stay idempotent under contention).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from itertools import pairwise

import pytest

from audit import Ledger
from models.audit import EventDraft

pytestmark = pytest.mark.postgres

WRITERS = 16
PER_WRITER = 200
SHARED_EVERY = 20  # every writer records shared-0 .. shared-9 too


def _writer(url: str, name: str, start: object) -> None:
    ledger = Ledger(url)  # one engine per process, created after the fork
    start.wait()  # type: ignore[attr-defined]
    for n in range(PER_WRITER):
        ledger.append(EventDraft(f"{name}-{n}", name, "test.append", "document", f"d-{n}"))
        if n % SHARED_EVERY == 0:
            shared = f"shared-{n // SHARED_EVERY}"
            ledger.append(EventDraft(shared, name, "test.shared", "document", shared))
    ledger.close()


def _run_writers(url: str) -> list[int | None]:
    ctx = mp.get_context("fork")
    start = ctx.Event()
    names = [f"w{i:02d}" for i in range(WRITERS)]
    workers = [ctx.Process(target=_writer, args=(url, name, start)) for name in names]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=240)
    return [w.exitcode for w in workers]


def test_sixteen_writers_lose_nothing_and_never_fork(postgres_url: str) -> None:
    with Ledger(postgres_url):
        pass  # the table exists before the writers start (they race to create it anyway)
    assert _run_writers(postgres_url) == [0] * WRITERS
    with Ledger(postgres_url) as ledger:
        events = list(ledger.events())
        result = ledger.verify()
    own = [e for e in events if e.action == "test.append"]
    shared = Counter(e.key for e in events if e.action == "test.shared")
    print(f"\n{WRITERS} writers: {len(own)} events appended, {len(shared)} shared keys, "
          f"{len(events)} in the chain, verify ok={result.ok} count={result.count}")  # fmt: skip
    assert len(own) == WRITERS * PER_WRITER == 3200
    assert Counter(e.actor for e in own) == {f"w{i:02d}": PER_WRITER for i in range(WRITERS)}
    assert shared == {f"shared-{i}": 1 for i in range(PER_WRITER // SHARED_EVERY)}
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert all(b.prev_hash == a.hash for a, b in pairwise(events))
    assert (result.ok, result.count) == (True, len(events))
