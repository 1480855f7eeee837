"""Scaling redaction from one work-pool worker to two, with chunks spread across workers.

    .venv/bin/python bench/bench_pool_scaling.py [--docs 200] [--chunk 25] [--workers 1 2]

For each worker count: a fresh cluster (bench/pool_harness.py: Prefect server and ledger
on PostgreSQL, queues, vault and outbox on S3 via moto's server), W ``sealroom worker``
processes with two slots each, and one pipeline run over ``--docs`` documents with
``SEALROOM_REDACT_SPREAD=true`` (one ``sealroom-redact-chunk`` run per ``--chunk``
documents). Prints, per W: the run's wall time (ingest, redaction, dispatch), documents
per minute, chunk runs per worker, and how busy the machine was meanwhile (CPU busy share
of all cores from /proc/stat, and the load average), so a figure from a shared machine
can be read for what it is. Exit 1 when a run does not complete or a document is not
redacted (or quarantined) exactly once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import Ledger
from bench.bench_ledger import postgres_server
from bench.make_corpus import write_corpus
from bench.pool_harness import Cluster, cluster, runs_of, start_runs, wait_runs, worker_of
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME
from models.audit import Action

MATTER = "matter-scaling"  # one per worker count: moto's state outlives its server in
# this process, and the same documents under the same matter would meet the previous
# cluster's sealed objects (sealed under that cluster's keys)


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies over all cores since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def one_run(box: Cluster, inbox: Path, docs: int, chunk: int, matter: str) -> dict[str, object]:
    spread = {"SEALROOM_REDACT_SPREAD": "true", "SEALROOM_REDACT_CHUNK_SIZE": str(chunk)}
    busy0, total0 = cpu_times()
    began = time.perf_counter()
    (run_id,) = start_runs(box, inbox, 1, matter, settings=spread)
    state = wait_runs(box, [run_id], timeout_s=3600)[run_id]
    wall = time.perf_counter() - began
    busy1, total1 = cpu_times()
    chunks = runs_of(box, CHUNK_DEPLOYMENT_NAME, matter)
    with Ledger(box.ledger_url) as ledger:
        done = Counter(
            e.object_id
            for action in (Action.DOC_REDACTED, Action.DOC_QUARANTINED)
            for e in ledger.events(matter=matter, action=action)
        )
    return {
        "state": state,
        "wall_s": round(wall, 1),
        "docs_per_min": round(docs / wall * 60, 1),
        "chunk_runs": dict(Counter(str(worker_of(box, r)) for r in chunks)),
        "chunks_completed": sum(1 for s in chunks.values() if s == "COMPLETED"),
        "cpu_busy": f"{(busy1 - busy0) / max(1, total1 - total0):.0%} of {os.cpu_count()} cores",
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "clean": state == "COMPLETED" and len(done) == docs and max(done.values()) == 1,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--chunk", type=int, default=25)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--postgres-url", default=os.environ.get("SEALROOM_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    ok = True
    with postgres_server(args.postgres_url) as server:
        for workers in args.workers:
            root = Path(tempfile.mkdtemp(prefix="sealroom-scaling-"))
            write_corpus(root / "inbox", args.docs, seed=11)
            print(f"load average before {workers} worker(s): {os.getloadavg()[0]:.1f}")
            with cluster(root, server, workers=workers, limit=2) as box:
                result = one_run(box, root / "inbox", args.docs, args.chunk, f"{MATTER}-w{workers}")
            print(f"{workers} worker(s), {args.docs} docs, chunks of {args.chunk}: {result}")
            ok = ok and bool(result["clean"])
            if result["clean"]:
                shutil.rmtree(root, ignore_errors=True)
            else:
                print(f"kept for inspection (worker and server logs): {root}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
