"""Ledger figures on SQLite and PostgreSQL in the same run: append throughput with 1, 2
and 4 concurrent writer processes (one serialised write transaction per event, as the
pipeline appends), and full-verify time for 100,000 events.

    .venv/bin/python bench/bench_ledger.py [--appends 2000] [--writers 1,2,4]
        [--verify-events 100000] [--postgres-url URL]

PostgreSQL: ``--postgres-url``, else ``SEALROOM_TEST_POSTGRES_URL``, else a throwaway
server started here (scripts/pg_server.py, Debian's postgresql package; fsync off, as
in the tests). The 100,000-event ledger for the verify figure is built by sealing the
chain in memory and bulk-inserting it (appending one by one would re-measure appends).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import GENESIS_HASH, Ledger, seal
from audit.engine import write_transaction
from audit.schema import events_table, to_row
from models.audit import EventDraft
from scripts import pg_server
from tests.pg_fixtures import drop_database, fresh_database


def draft(n: int, writer: int = 0) -> EventDraft:
    return EventDraft(
        key=f"bench:{writer}:{n}",
        actor="bench",
        action="document.redacted",
        object_type="document",
        object_id=f"doc-{n:020d}",
        matter="bench",
        details={"entities": {"PERSON": 3, "DATE": 2}, "sha256": "ab" * 32, "pages": 2},
    )


def _writer(url: str, writer: int, count: int, start: object) -> None:
    with Ledger(url) as ledger:
        start.wait()  # type: ignore[attr-defined]
        for n in range(count):
            ledger.append(draft(n, writer))


def appends_per_second(url: str, writers: int, total: int) -> float:
    """``total`` appends split over ``writers`` processes; events/s over the whole run."""
    with Ledger(url):
        pass  # schema first, so the timing is appends only
    ctx = mp.get_context("fork")
    start = ctx.Event()
    procs = [ctx.Process(target=_writer, args=(url, w, total // writers, start))
             for w in range(writers)]  # fmt: skip
    for proc in procs:
        proc.start()
    time.sleep(0.5)  # every writer connected and waiting
    began = time.perf_counter()
    start.set()
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - began
    assert all(p.exitcode == 0 for p in procs)
    with Ledger(url) as ledger:
        assert ledger.count() == total and ledger.verify().ok
    return total / elapsed


def verify_seconds(url: str, count: int) -> float:
    with Ledger(url) as ledger:
        prev, rows = GENESIS_HASH, []
        for n in range(1, count + 1):
            event = seal(draft(n), draft(n).details, seq=n, time="2024-01-01T00:00:00.000000Z",
                         prev_hash=prev)  # fmt: skip
            rows.append(to_row(event))
            prev = event.hash
        with write_transaction(ledger._engine) as conn:  # bench only: bulk load
            conn.execute(events_table.insert(), rows)
        began = time.perf_counter()
        result = ledger.verify()
        elapsed = time.perf_counter() - began
    assert result.ok and result.count == count
    return elapsed


@contextmanager
def postgres_server(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="sealroom-pg-bench-"))
    try:
        yield pg_server.start(folder)
    finally:
        pg_server.stop(folder)


class Databases:
    """A fresh database per measurement: a SQLite file, or a new Postgres database."""

    def __init__(self, folder: Path, server: str) -> None:
        self.folder, self.server = folder, server
        self.made: list[str] = []

    def url(self, backend: str, name: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{self.folder / (name + '.db')}"
        self.made.append(fresh_database(self.server))
        return self.made[-1]

    def drop(self) -> None:
        for url in self.made:
            drop_database(self.server, url)


def report(dbs: Databases, args: argparse.Namespace) -> None:
    for backend in ("sqlite", "postgres"):
        for writers in args.writers:
            rate = appends_per_second(dbs.url(backend, f"a{writers}"), writers, args.appends)
            print(f"append  {backend:8s} {writers} writer(s): {args.appends} events, "
                  f"{rate:8,.0f} events/s")  # fmt: skip
    for backend in ("sqlite", "postgres"):
        seconds = verify_seconds(dbs.url(backend, "verify"), args.verify_events)
        print(f"verify  {backend:8s} {args.verify_events:,} events in {seconds:.2f} s "
              f"({args.verify_events / seconds:,.0f} events/s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--writers", default="1,2,4")
    parser.add_argument("--verify-events", type=int, default=100_000)
    parser.add_argument("--postgres-url", default=os.environ.get("SEALROOM_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    args.writers = [int(w) for w in args.writers.split(",")]
    with tempfile.TemporaryDirectory() as tmp, postgres_server(args.postgres_url) as server:
        dbs = Databases(Path(tmp), server)
        try:
            report(dbs, args)
        finally:
            dbs.drop()


if __name__ == "__main__":
    main()
