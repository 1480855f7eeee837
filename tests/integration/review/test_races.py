"""Under moto: 8 reviewer threads racing for 100 batches; every batch is won exactly once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

from models.errors import ClaimConflict
from models.review import Manifest
from review import ReviewerClient, ReviewQueue, S3ObjectStore

QUEUE = "general"
MakeBatch = Callable[..., tuple[Manifest, dict[str, bytes]]]


def test_eight_reviewers_race_for_a_hundred_batches(
    s3_store: S3ObjectStore, make_batch: MakeBatch
) -> None:
    queue = ReviewQueue(s3_store, QUEUE)
    batches = [f"batch-{i:03d}" for i in range(100)]
    for batch_id in batches:
        queue.publish(*make_batch(batch_id, {"doc-a": "t"}))
    wins: list[tuple[str, str]] = []
    conflicts = Counter[str]()
    lock, start = threading.Lock(), threading.Barrier(8)

    def reviewer(index: int) -> None:
        client = ReviewerClient(s3_store, QUEUE, f"rev-{index}")
        order = batches[index * 12 :] + batches[: index * 12]  # overlapping starting points
        start.wait()
        for batch_id in order:
            try:
                client.claim(batch_id, 3600)
            except ClaimConflict:
                with lock:
                    conflicts[batch_id] += 1
                continue
            with lock:
                wins.append((batch_id, client.reviewer))

    threads = [threading.Thread(target=reviewer, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Counter(b for b, _ in wins) == Counter(batches)  # each claimed exactly once
    assert sum(conflicts.values()) == 100 * 7  # every other attempt lost
    for batch_id, name in wins:
        claim = queue.current_claim(batch_id)
        assert claim is not None and (claim.reviewer, claim.epoch) == (name, 1)
    assert ReviewerClient(s3_store, QUEUE, "late").available() == []
