"""Ledger figures: append throughput on SQLite (file, WAL, one serialised write
transaction per event, as the pipeline appends) and full-verify time for 100,000 events.

    .venv/bin/python bench/bench_ledger.py [--appends 5000] [--verify-events 100000]

The 100,000-event ledger for the verify figure is built by sealing the chain in memory
and bulk-inserting it (appending it one by one would only re-measure the first figure).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import GENESIS_HASH, Ledger, seal
from audit.checkpoint_store import MemoryCheckpoints
from audit.checkpointer import Checkpointer
from audit.engine import write_transaction
from audit.schema import events_table, to_row
from models.audit import EventDraft
from vault.signing import Ed25519Signer


def draft(n: int) -> EventDraft:
    return EventDraft(
        key=f"bench:{n}",
        actor="bench",
        action="document.redacted",
        object_type="document",
        object_id=f"doc-{n:020d}",
        matter="bench",
        details={"entities": {"PERSON": 3, "DATE": 2}, "sha256": "ab" * 32, "pages": 2},
    )


def bench_appends(folder: Path, count: int, checkpoint_every: int) -> float:
    with Ledger(f"sqlite:///{folder / 'append.db'}") as ledger:
        cps = Checkpointer(
            ledger, Ed25519Signer.generate(), [MemoryCheckpoints()], every_events=checkpoint_every
        )
        started = time.perf_counter()
        for n in range(count):
            cps.maybe(ledger.append(draft(n)).seq)
        return count / (time.perf_counter() - started)


def build_chain(folder: Path, count: int) -> Ledger:
    ledger = Ledger(f"sqlite:///{folder / 'verify.db'}")
    prev, rows = GENESIS_HASH, []
    for n in range(1, count + 1):
        event = seal(draft(n), draft(n).details, seq=n, time="2024-01-01T00:00:00.000000Z",
                     prev_hash=prev)  # fmt: skip
        rows.append(to_row(event))
        prev = event.hash
    with write_transaction(ledger._engine) as conn:  # bench only: bulk load
        conn.execute(events_table.insert(), rows)
    return ledger


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appends", type=int, default=5000)
    parser.add_argument("--verify-events", type=int, default=100_000)
    parser.add_argument("--checkpoint-every", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rate = bench_appends(folder, args.appends, args.checkpoint_every)
        print(f"append: {args.appends} events, {rate:,.0f} events/s (SQLite file, WAL, "
              f"checkpoint every {args.checkpoint_every})")  # fmt: skip
        with build_chain(folder, args.verify_events) as ledger:
            started = time.perf_counter()
            result = ledger.verify()
            elapsed = time.perf_counter() - started
        assert result.ok and result.count == args.verify_events
        print(f"verify: {args.verify_events:,} events in {elapsed:.2f} s "
              f"({args.verify_events / elapsed:,.0f} events/s)")  # fmt: skip


if __name__ == "__main__":
    main()
