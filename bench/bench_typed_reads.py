"""What reading ledger details through the typed payload models costs per event, next to
probing the raw dict as the readers did before: ``read_payload``, the compliance filter
by reviewer (reads what every event names), the status view and the custody fold, over
the known-answer ledger (one event of every action) repeated to ``--events`` events.

    .venv/bin/python bench/bench_typed_reads.py [--events 50000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.custody import custody
from audit.query import EventFilter
from cli.status_view import status_view
from models.audit import AuditEvent
from models.events import read_payload
from tests.unit.audit.known_ledger import NOW, stored


def ledger_of(size: int) -> list[AuditEvent]:
    """The known ledger's events repeated (seq renumbered) until ``size`` events."""
    base = stored()
    return [replace(base[n % len(base)], seq=n + 1) for n in range(size)]


def per_event(events: list[AuditEvent], work: Callable[[list[AuditEvent]], object]) -> float:
    """CPU microseconds per event for one pass of ``work`` (CPU time: the machine is shared)."""
    start = time.process_time()
    work(events)
    return (time.process_time() - start) / len(events) * 1e6


def raw_reviewer_probe(events: list[AuditEvent]) -> object:
    """The dict probe the reviewer filter did before the typed reads (the baseline)."""
    named = ("zed", None)
    return [e for e in events if e.actor in named or e.details.get("reviewer") in named]


CASES: dict[str, Callable[[list[AuditEvent]], object]] = {
    "raw dict probe (reviewer, before)": raw_reviewer_probe,
    "read_payload": lambda events: [read_payload(e) for e in events],
    "EventFilter(reviewer=...)": lambda events: [
        e for e in events if EventFilter(reviewer="zed").matches(e)
    ],
    "status_view": lambda events: status_view(events, 24, None, NOW),
    "custody fold": lambda events: custody("m-1", events),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    args = parser.parse_args()
    events = ledger_of(args.events)
    print(f"{len(events)} events (the known-answer ledger repeated)")
    for name, work in CASES.items():
        print(f"{name:36s} {per_event(events, work):8.2f} us/event")


if __name__ == "__main__":
    main()
