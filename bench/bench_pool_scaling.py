"""Scaling redaction from one work-pool worker to two, chunks handed to the pool.

    .venv/bin/python bench/bench_pool_scaling.py [--docs 200] [--chunk 25] [--workers 1 2]

For each worker count: a fresh cluster (bench/pool_harness.py: Prefect server and ledger
on PostgreSQL, queues, vault and outbox on S3 via moto's server), W ``sealroom worker``
processes with ONE slot each (``--limit 1``), and ``SEALROOM_REDACT_SPREAD=true``: one
pipeline run ingests ``--docs`` documents and hands them to the pool as
``sealroom-redact-chunk`` runs of ``--chunk`` documents, returning at once; when every
chunk run is final a second pipeline run dispatches them (as the next scheduled intake
would). Prints, per W: wall time from the first run's start to the second's end,
documents per minute, chunk runs per worker, Prefect's share of the flow runs' time
(1 - time inside stage functions / flow-run time, both logged by every flow run: process
start, API calls, state changes and polling are the rest) and of the workers' slot time
(1 - stage time / (wall x W): idle slots count too), and how busy the machine was
meanwhile (CPU busy share of all cores from /proc/stat, load average), so a figure from
a shared machine can be read for what it is. Exit 1 when a run does not complete or a
document is not redacted (or quarantined) exactly once, or not dispatched.
"""

from __future__ import annotations

import argparse
import os
import re
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
from bench.pool_harness import Cluster, cluster
from bench.pool_runs import runs_of, start_runs, wait_runs, worker_of
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME
from flows.stage_timer import STAGE_LINE
from models.audit import Action

STAGE = re.compile(re.escape(STAGE_LINE).replace(re.escape("%.3f"), r"([0-9.]+)"))

MATTER = "matter-scaling"  # one per worker count: moto's state outlives its server in
# this process, and the same documents under the same matter would meet the previous
# cluster's sealed objects (sealed under that cluster's keys)


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies over all cores since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def stage_seconds(box: Cluster) -> tuple[float, float]:
    """(time inside stage functions, flow-run time) summed over every flow run the
    cluster's workers ran, from the line each flow run logs (flows.stage_timer)."""
    stage = run = 0.0
    for name in box.workers:
        text = (box.root / f"{name}.log").read_text(errors="replace")
        for busy, elapsed in STAGE.findall(text):
            stage, run = stage + float(busy), run + float(elapsed)
    return stage, run


def _settled(box: Cluster, matter: str) -> dict[str, str]:
    return wait_runs(box, list(runs_of(box, CHUNK_DEPLOYMENT_NAME, matter)), timeout_s=3600)


def _once(box: Cluster, matter: str, docs: int) -> bool:
    with Ledger(box.ledger_url) as ledger:
        done = Counter(
            e.object_id
            for action in (Action.DOC_REDACTED, Action.DOC_QUARANTINED)
            for e in ledger.events(matter=matter, action=action)
        )
        sent = Counter(
            e.object_id for e in ledger.events(matter=matter, action=Action.DOC_DISPATCHED)
        )
        redacted = sum(1 for _ in ledger.events(matter=matter, action=Action.DOC_REDACTED))
    once = len(done) == docs and max(done.values()) == 1
    return once and len(sent) == redacted and max(sent.values(), default=1) == 1


def one_run(box: Cluster, inbox: Path, docs: int, chunk: int, matter: str) -> dict[str, object]:
    spread = {"SEALROOM_REDACT_SPREAD": "true", "SEALROOM_REDACT_CHUNK_SIZE": str(chunk)}
    busy0, total0 = cpu_times()
    began = time.perf_counter()
    (first,) = start_runs(box, inbox, 1, matter, settings=spread)
    states = wait_runs(box, [first], timeout_s=3600)
    chunks = _settled(box, matter)
    (second,) = start_runs(box, inbox, 1, matter, settings=spread)  # the next run dispatches
    states.update(wait_runs(box, [second], timeout_s=3600))
    wall = time.perf_counter() - began
    busy1, total1 = cpu_times()
    stage, run = stage_seconds(box)
    workers = len(box.workers)
    return {
        "states": sorted(set(states.values())),
        "wall_s": round(wall, 1),
        "docs_per_min": round(docs / wall * 60, 1),
        "chunk_runs": dict(Counter(str(worker_of(box, r)) for r in chunks)),
        "chunks_completed": sum(1 for s in chunks.values() if s == "COMPLETED"),
        "stage_s": round(stage, 1),
        "flow_run_s": round(run, 1),
        "prefect_share_of_run_time": f"{1 - stage / max(run, 1e-9):.0%}",
        "prefect_share_of_slot_time": f"{1 - stage / (wall * workers):.0%}",
        "cpu_busy": f"{(busy1 - busy0) / max(1, total1 - total0):.0%} of {os.cpu_count()} cores",
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "clean": set(states.values()) == {"COMPLETED"} and _once(box, matter, docs),
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
            with cluster(root, server, workers=workers, limit=1) as box:
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
