"""End-to-end benchmark: N synthetic documents through the Prefect flows.

    .venv/bin/python bench/bench_e2e.py [--docs 1000] [--workers 0] [--chunk 50] [--pdf-share 0.05]

Generates the corpus (``bench/make_corpus.py``), starts a local S3 (moto's server) and
Prefect's ephemeral server (warmed up with a no-op flow, so its start-up is not
counted), runs ``intake`` (ingest, redact on the process pool, dispatch), plays a
reviewer (outside the timed flows), then ``collect`` and ``reassemble``. Prints:
documents/s over the timed flows, Prefect overhead share = (flow wall time - time inside
stage functions) / flow wall time, and peak RSS of the main process and of the largest
redaction worker. Figures depend on the machine: note its load when you quote them.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_corpus import write_corpus


def configure(root: Path, endpoint: str, args: argparse.Namespace) -> None:
    os.environ.update(
        SEALROOM_HOME=str(root / "home"),
        SEALROOM_MATTER="matter-bench",
        SEALROOM_S3_ENDPOINT_URL=endpoint,
        SEALROOM_REDACT_WORKERS=str(args.workers),
        SEALROOM_REDACT_CHUNK_SIZE=str(args.chunk),
        PREFECT_HOME=str(root / "prefect"),
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )


def timed_flow(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall seconds, seconds inside stage functions) of one flow call."""
    from flows.stage_timer import busy_seconds

    start = time.perf_counter()
    result = work()
    wall = time.perf_counter() - start
    return result, wall, busy_seconds(since=start)


def review(root: Path) -> int:
    from cli.demo_reviewer import review_open_batches
    from composition.wiring import s3_client
    from config import get_settings
    from review import ReviewerClient, S3ObjectStore

    settings = get_settings()
    client = ReviewerClient(
        S3ObjectStore(s3_client(settings), settings.s3_bucket), settings.queue, "bench"
    )
    return len(review_open_batches(client, root / "reviewer", 3600))


def peak_rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run(root: Path, args: argparse.Namespace) -> dict[str, Any]:
    from prefect import flow

    from flows import redact_pool
    from flows.pipeline_flow import collect, intake, reassemble

    @flow(name="warm-up", persist_result=False)
    def warm_up() -> int:
        return 0

    warm_up()  # ephemeral server start-up, not counted
    walls, busy, results = 0.0, 0.0, {}
    flows: list[tuple[str, Callable[[], Any]]] = [
        ("intake", lambda: intake(str(root / "inbox"))),
        ("review", lambda: review(root)),  # the reviewer: outside the timed flows
        ("collect", lambda: collect()),
        ("reassemble", lambda: reassemble()),
    ]
    for name, work in flows:
        results[name], wall, inside = timed_flow(work)
        if name != "review":
            walls, busy = walls + wall, busy + inside
            print(f"  {name}: wall {wall:.1f} s, inside stages {inside:.1f} s")
    redact_pool.shutdown()
    return {"results": results, "flow_wall_s": walls, "stage_s": busy}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=0, help="0 = CPU count")
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--pdf-share", type=float, default=0.05)
    args = parser.parse_args()
    from cli.local_s3 import local_s3

    with tempfile.TemporaryDirectory(prefix="sealroom-bench-") as tmp, local_s3() as endpoint:
        root = Path(tmp)
        write_corpus(root / "inbox", args.docs, seed=7, pdf_share=args.pdf_share)
        configure(root, endpoint, args)
        from composition.wiring import s3_client
        from config import get_settings

        s3_client(get_settings()).create_bucket(Bucket=get_settings().s3_bucket)
        out = run(root, args)
    own, child = peak_rss_mib()
    wall, inside = out["flow_wall_s"], out["stage_s"]
    print(f"results: {out['results']}")
    print(
        f"documents: {args.docs}  workers: {get_settings().redact_processes}  chunk: {args.chunk}"
    )
    print(f"flow wall time: {wall:.1f} s   time inside stages: {inside:.1f} s")
    print(f"throughput: {args.docs / wall:.2f} documents/s")
    print(f"Prefect overhead share: {100 * (wall - inside) / wall:.1f} %")
    print(f"peak RSS: main process {own:.0f} MiB, largest redaction worker {child:.0f} MiB")


if __name__ == "__main__":
    main()
