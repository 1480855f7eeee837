"""Reviewer-queue benchmark against moto's S3 server on 127.0.0.1 (loopback HTTP).

Prints: publish throughput (batches/s) for realistic batches (20 documents, a ~60 KB
rendition and its ~20 KB text each, manifest last), claim latency p50/p95 (one claim =
GET manifest + GET claim + Date probe + conditional PUT), and renew/release latency.

    .venv/bin/python bench/bench_queue.py [--batches 30] [--docs 20] [--claims 200]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import boto3

from cli.local_s3 import local_s3
from models.review import Manifest, ManifestDoc
from review import ReviewQueue, S3ObjectStore
from review.layout import queue_prefix

QUEUE, BUCKET = "bench", "sealroom-bench"


def make_doc(index: int, d: int, files: dict[str, bytes]) -> ManifestDoc:
    """One document's rendition and text into ``files``; its manifest entry."""
    doc_id = f"doc-{index:04d}-{d:03d}"
    text = (f"[PERSON_{d}] reported pain after the procedure on [DATE_1]. " * 330).encode()
    rendition = os.urandom(60_000)
    files[f"docs/{doc_id}.pdf"], files[f"docs/{doc_id}.txt"] = rendition, text
    return ManifestDoc(
        doc_id=doc_id,
        media_type="application/pdf",
        path=f"docs/{doc_id}.pdf",
        text_path=f"docs/{doc_id}.txt",
        sha256=hashlib.sha256(rendition).hexdigest(),
        text_sha256=hashlib.sha256(text).hexdigest(),
        text_length=len(text),
        pages=3,
    )


def make_batch(index: int, docs: int) -> tuple[Manifest, dict[str, bytes]]:
    files: dict[str, bytes] = {}
    entries = [make_doc(index, d, files) for d in range(docs)]
    now = datetime.now(UTC)
    manifest = Manifest(
        batch_id=f"batch-{index:05d}",
        queue=QUEUE,
        matter="bench",
        created=now,
        due=now + timedelta(hours=72),
        policy_version="strict/1",
        instructions="bench",
        docs=tuple(entries),
    )
    return manifest, files


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


Batches = list[tuple[Manifest, dict[str, bytes]]]


def publish_all(queue: ReviewQueue, batches: Batches, timed: int) -> float:
    """Publish every batch; the seconds the first ``timed`` took."""
    started = time.perf_counter()
    for manifest, files in batches[:timed]:
        queue.publish(manifest, files)
    publish_s = time.perf_counter() - started
    for manifest, files in batches[timed:]:
        queue.publish(manifest, dict(files))
    return publish_s


def claim_cycles(queue: ReviewQueue, batches: Batches) -> dict[str, list[float]]:
    """Claim, renew and release each batch once: the seconds each call took."""
    times: dict[str, list[float]] = {"claim": [], "renew": [], "release": []}
    for manifest, _ in batches:
        t0 = time.perf_counter()
        got = queue.claim(manifest.batch_id, "rev-1", 600)
        t1 = time.perf_counter()
        queue.renew(manifest.batch_id, "rev-1", got.epoch, 600)
        t2 = time.perf_counter()
        queue.release(manifest.batch_id, "rev-1", got.epoch)
        t3 = time.perf_counter()
        times["claim"].append(t1 - t0)
        times["renew"].append(t2 - t1)
        times["release"].append(t3 - t2)
    return times


def report(
    args: argparse.Namespace, batches: Batches, publish_s: float, times: dict[str, list[float]]
) -> None:
    mb = sum(len(b) for _, f in batches[: args.batches] for b in f.values()) / 1e6
    print(
        f"publish: {args.batches} batches x {args.docs} docs ({mb:.1f} MB) in {publish_s:.2f} s"
        f" = {args.batches / publish_s:.1f} batches/s, {mb / publish_s:.1f} MB/s"
    )
    for name, values in times.items():
        print(
            f"{name}: n={len(values)} p50={pct(values, 0.5):.1f} ms "
            f"p95={pct(values, 0.95):.1f} ms mean={statistics.mean(values) * 1000:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--claims", type=int, default=200)
    args = parser.parse_args()
    with local_s3() as endpoint:
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        store = S3ObjectStore(client, BUCKET, clock_prefix=queue_prefix(QUEUE))
        queue = ReviewQueue(store, QUEUE)
        batches = [make_batch(i, args.docs) for i in range(max(args.batches, args.claims))]
        publish_s = publish_all(queue, batches[: max(args.batches, args.claims)], args.batches)
        times = claim_cycles(queue, batches[: args.claims])
    print(f"moto S3 server on loopback ({endpoint})")
    report(args, batches, publish_s, times)


if __name__ == "__main__":
    main()
