"""Several processes appending to one SQLite ledger never fork the chain."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from audit import Ledger
from models.audit import EventDraft

PER_WORKER = 200


def _worker(url: str, name: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    ledger = Ledger(url)  # one ledger (engine) per process, created after the fork
    for n in range(PER_WORKER):
        ledger.append(EventDraft(f"{name}-{n}", name, "test.append", "document", f"d-{n}"))
        if n % 50 == 0:  # replays of earlier keys race with the other worker too
            ledger.append(EventDraft(f"{name}-0", name, "test.append", "document", "d-0"))
    ledger.close()


def test_two_processes_never_fork_the_chain(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'ledger.db'}"
    ctx = mp.get_context("fork")
    start = ctx.Event()
    workers = [ctx.Process(target=_worker, args=(url, name, start)) for name in ("a", "b")]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0]
    with Ledger(url) as ledger:
        events = list(ledger.events())
        result = ledger.verify()
    assert (result.ok, result.count) == (True, 2 * PER_WORKER)
    assert [e.seq for e in events] == list(range(1, 2 * PER_WORKER + 1))
    assert len({e.key for e in events}) == 2 * PER_WORKER
    actors = [e.actor for e in events]
    assert actors.count("a") == actors.count("b") == PER_WORKER
