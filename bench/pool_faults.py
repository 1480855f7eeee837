"""Deterministic worker deaths for the work-pool cluster (bench/pool_harness.py).

With ``cluster(..., faults=True)`` every process of the cluster starts with the
test-only fault points of tests/faults/site (a ``sitecustomize`` on a test-only
``PYTHONPATH``; off unless armed; see that module for the points). ``arm`` makes the
next process to reach a point SIGKILL its worker and its flow run there;
``wait_fired`` says which worker died.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.pool_harness import Cluster

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "faults" / "site"
FAULT_DIR = "faults"


def fault_environment(root: Path) -> dict[str, str]:
    """The settings that give a cluster's processes the fault points."""
    (root / FAULT_DIR).mkdir(exist_ok=True)
    return {
        "FAULT_POINTS_DIR": str(root / FAULT_DIR),
        "PYTHONPATH": f"{SITE}{os.pathsep}{REPO}",
    }


def arm(box: Cluster, point: str, k: int) -> None:
    """The next process to reach ``point`` for the ``k``-th time dies there, with its
    worker (once: the arming is consumed)."""
    faults = Path(box.env["FAULT_POINTS_DIR"])
    (faults / f"{point}.fired").unlink(missing_ok=True)
    tmp = faults / f".{point}.tmp"
    tmp.write_text(str(k))
    tmp.rename(faults / point)  # never seen half written


def wait_fired(box: Cluster, point: str, timeout_s: float = 600) -> str:
    """Block until ``point`` has fired and its worker is dead; return the worker's name."""
    fired = Path(box.env["FAULT_POINTS_DIR"]) / f"{point}.fired"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        words = fired.read_text().split() if fired.exists() else []
        if len(words) == 2:
            box.workers[words[0]].wait(timeout=60)
            return words[0]
        time.sleep(0.2)
    raise TimeoutError(f"fault point {point} never fired")


def queue_batches(box: Cluster) -> dict[str, tuple[int, bool]]:
    """Batch id -> how many of its files are in a reviewer queue, and whether its
    manifest is (a batch without one is half published)."""
    from bench.pool_harness import QUEUE_BUCKET, s3_client

    pages = s3_client(box.env["SEALROOM_S3_ENDPOINT_URL"]).get_paginator("list_objects_v2")
    files: dict[str, int] = {}
    manifests: set[str] = set()
    for page in pages.paginate(Bucket=QUEUE_BUCKET, Prefix="queues/"):
        for item in page.get("Contents", []):
            parts = item["Key"].split("/")
            if len(parts) >= 5 and parts[2] == "batches":
                files.setdefault(parts[3], 0)
                files[parts[3]] += parts[4] == "docs"
                if parts[4] == "manifest.json":
                    manifests.add(parts[3])
    return {batch: (n, batch in manifests) for batch, n in files.items()}
