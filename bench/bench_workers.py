"""Several workers on one work pool: N documents, two concurrent pipeline runs (as two
``sealroom run``) on W ``sealroom worker`` processes, ledger on PostgreSQL, queues and
vault on S3, Prefect's own database on the same PostgreSQL server.

    .venv/bin/python bench/bench_workers.py [--docs 500] [--workers 2] [--runs 2]

Pass 1: ``--runs`` concurrent pipeline runs (ingest, redact, dispatch); a reviewer
reviews every batch; pass 2: ``--runs`` concurrent runs again (collect, reassemble).
Prints the run states, wall times and the ledger outcome: every document terminal
exactly once, no document in two batches, one deliverable per delivered document,
``verify`` OK. Exit status 1 when any of that fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_ledger import postgres_server
from bench.make_corpus import write_corpus
from bench.pool_harness import cluster
from bench.pool_outcome import outcome, play_reviewer
from bench.pool_runs import runs_per_worker, start_runs, states_summary, wait_runs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--postgres-url", default=os.environ.get("SEALROOM_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="sealroom-pool-") as tmp,
        postgres_server(args.postgres_url) as server,
    ):
        root = Path(tmp)
        write_corpus(root / "inbox", args.docs, seed=11)
        began = time.perf_counter()
        with cluster(root, server, args.workers) as box:
            print(f"cluster up in {time.perf_counter() - began:.1f} s ({args.workers} workers)")
            for label in ("pass 1 (ingest, redact, dispatch)", "pass 2 (collect, reassemble)"):
                began = time.perf_counter()
                states = wait_runs(box, start_runs(box, root / "inbox", args.runs))
                print(f"{label}: {states_summary(states)} in {time.perf_counter() - began:.1f} s")
                if label.startswith("pass 1"):
                    print(f"reviewer: {play_reviewer(box)} batch(es) reviewed")
            print(f"runs per worker: {runs_per_worker(box)}")
            result = outcome(box)
    print(f"outcome: {result}")
    print("CLEAN" if result.clean else "NOT CLEAN")
    return 0 if result.clean else 1


if __name__ == "__main__":
    sys.exit(main())
