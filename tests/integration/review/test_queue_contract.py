"""ReviewQueue and ReviewerClient over both stores: publish, list, claim races, submissions."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from models.errors import BatchNotFound, ClaimConflict, QueueError, StaleClaim, SubmissionRejected
from models.review import Annotation, Manifest
from review import ObjectStore, ReviewerClient, ReviewQueue, S3ObjectStore
from review.access import grant_current

QUEUE = "general"  # the queue the s3_store fixture's clock prefix names
MakeBatch = Callable[..., tuple[Manifest, dict[str, bytes]]]


class CrashBeforeManifest:
    """Wraps a store and dies when the manifest is written (a crash mid-publish)."""

    def __init__(self, inner: ObjectStore) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    def put(self, key: str, body: bytes, **kwargs: object) -> str:
        if key.endswith("/manifest.json"):
            raise RuntimeError("crash")
        return self._inner.put(key, body, **kwargs)  # type: ignore[arg-type]


def test_publish_then_list_and_read(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    manifest, files = make_batch("batch-1", {"doc-a": "hello [PERSON_1]", "doc-b": "x"})
    queue.publish(manifest, files)
    assert queue.list_batches() == ["batch-1"]
    assert queue.manifest("batch-1") == manifest
    assert queue.read_file("batch-1", "docs/doc-a.txt") == b"hello [PERSON_1]"


def test_publish_is_idempotent(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    manifest, files = make_batch("batch-1", {"doc-a": "text"})
    queue.publish(manifest, files)
    queue.publish(manifest, files)
    assert queue.list_batches() == ["batch-1"]
    other, other_files = make_batch("batch-1", {"doc-z": "else"})
    with pytest.raises(QueueError, match="another manifest"):
        queue.publish(other, other_files)


def test_crash_before_manifest_leaves_no_batch(store: ObjectStore, make_batch: MakeBatch) -> None:
    manifest, files = make_batch("batch-1", {"doc-a": "text", "doc-b": "more"})
    with pytest.raises(RuntimeError):
        ReviewQueue(CrashBeforeManifest(store), QUEUE).publish(manifest, files)  # type: ignore[arg-type]
    queue = ReviewQueue(store, QUEUE)
    assert store.list(f"queues/{QUEUE}/batches/")  # the docs are there ...
    assert queue.list_batches() == []  # ... but no batch is visible
    queue.publish(manifest, files)  # the re-run completes it
    assert queue.list_batches() == ["batch-1"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda f: {k: v + b"!" for k, v in f.items()},
        lambda f: {},
        lambda f: {**f, "docs/extra.txt": b"x"},
    ],
    ids=["hash-mismatch", "missing-file", "extra-file"],
)
def test_publish_fails_closed_on_bad_files(
    store: ObjectStore, make_batch: MakeBatch, tamper: Callable[[dict[str, bytes]], dict]
) -> None:
    manifest, files = make_batch("batch-1", {"doc-a": "text"})
    with pytest.raises(QueueError):
        ReviewQueue(store, QUEUE).publish(manifest, tamper(files))
    assert store.list("queues/") == []


def test_publish_refuses_other_queue(store: ObjectStore, make_batch: MakeBatch) -> None:
    manifest, files = make_batch("batch-1", {"doc-a": "text"}, queue="other")
    with pytest.raises(QueueError, match="another queue"):
        ReviewQueue(store, QUEUE).publish(manifest, files)


def test_missing_batch_and_file(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    with pytest.raises(BatchNotFound):
        queue.manifest("batch-x")
    with pytest.raises(BatchNotFound):
        queue.claim("batch-x", "alice", 60)
    queue.publish(*make_batch("batch-1", {"doc-a": "t"}))
    with pytest.raises(BatchNotFound):
        queue.read_file("batch-1", "docs/doc-zzz.txt")


def test_claims_are_exclusive_under_a_race(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    batches = [f"batch-{i:02d}" for i in range(20)]
    for batch_id in batches:
        queue.publish(*make_batch(batch_id, {"doc-a": "t"}))
    wins: list[tuple[str, str]] = []
    lock, start = threading.Lock(), threading.Barrier(8)

    def reviewer(name: str) -> None:
        racer = ReviewQueue(store, QUEUE)
        start.wait()
        for batch_id in batches:
            try:
                racer.claim(batch_id, name, 3600)
            except ClaimConflict:
                continue
            with lock:
                wins.append((batch_id, name))

    threads = [threading.Thread(target=reviewer, args=(f"rev-{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Counter(b for b, _ in wins) == Counter(batches)  # each batch won exactly once
    for batch_id, name in wins:
        claim = queue.current_claim(batch_id)
        assert claim is not None and (claim.reviewer, claim.epoch) == (name, 1)


def test_live_claim_conflicts_and_reclaim_is_idempotent(
    store: ObjectStore, make_batch: MakeBatch
) -> None:
    queue = ReviewQueue(store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "t"}))
    first = queue.claim("batch-1", "alice", 3600)
    assert queue.claim("batch-1", "alice", 3600) == first
    with pytest.raises(ClaimConflict):
        queue.claim("batch-1", "bob", 3600)


def test_renew_and_release(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "t"}))
    claim = queue.claim("batch-1", "alice", 60)
    assert queue.renew("batch-1", "alice", claim.epoch, 600).lease_seconds == 600
    for who, epoch in (("bob", claim.epoch), ("alice", claim.epoch + 1)):
        with pytest.raises(StaleClaim):
            queue.renew("batch-1", who, epoch, 600)
        with pytest.raises(StaleClaim):
            queue.release("batch-1", who, epoch)
    queue.release("batch-1", "alice", claim.epoch)
    tomb = queue.current_claim("batch-1")
    assert tomb is not None and (tomb.state, tomb.epoch) == ("released", claim.epoch)
    taken = queue.claim("batch-1", "bob", 60)
    assert (taken.reviewer, taken.epoch) == ("bob", claim.epoch + 1)


def test_expired_lease_is_stolen_and_stale_submit_refused(
    s3_store: S3ObjectStore, make_batch: MakeBatch
) -> None:
    """On S3 (moto): a 1 s lease and one 2 s sleep; the fake's clock is covered in unit tests."""
    queue = ReviewQueue(s3_store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    alice = ReviewerClient(s3_store, QUEUE, "alice")
    bob = ReviewerClient(s3_store, QUEUE, "bob")
    assert alice.claim("batch-1", 1).epoch == 1
    time.sleep(2.05)
    assert bob.claim("batch-1", 3600).epoch == 2
    grant_current(queue, "batch-1")  # quotes are checked against the holder's copies
    note = Annotation(doc_id="doc-a", start=0, end=4, label="NOTE", quote="0123")
    with pytest.raises(StaleClaim):
        alice.submit("batch-1", [note])
    bob.submit("batch-1", [note])
    assert [r for r, _ in queue.submissions("batch-1")] == ["bob"]


def test_reviewer_round_trip(store: ObjectStore, make_batch: MakeBatch, tmp_path: Path) -> None:
    queue = ReviewQueue(store, QUEUE)
    for batch_id in ("batch-1", "batch-2"):
        queue.publish(*make_batch(batch_id, {"doc-a": "0123456789", "doc-b": "abc"}))
    client = ReviewerClient(store, QUEUE, "alice")
    assert client.available() == ["batch-1", "batch-2"]
    client.claim("batch-1", 3600)
    assert client.available() == ["batch-2"]
    with pytest.raises(QueueError, match="access not granted yet"):
        client.pull("batch-1", tmp_path)
    granted = grant_current(queue, "batch-1").granted
    assert {(g.reviewer, g.doc_id) for g in granted} == {("alice", "doc-a"), ("alice", "doc-b")}
    paths = client.pull("batch-1", tmp_path)
    assert sorted(p.name for p in paths) == ["doc-a.txt", "doc-b.txt", "manifest.json"]
    assert (tmp_path / "doc-a.txt").read_bytes() == b"0123456789"
    sent = client.submit(
        "batch-1",
        [{"doc_id": "doc-a", "start": 2, "end": 5, "label": "ISSUE", "quote": "234"}],
        [{"doc_id": "doc-b", "verdict": "responsive"}],
    )
    assert queue.submissions("batch-1") == [("alice", sent.model_dump_json().encode())]
    client.release("batch-1")
    assert client.available() == ["batch-1", "batch-2"]
    assert len(grant_current(queue, "batch-1").revoked) == 2  # released: copies taken back
    with pytest.raises(QueueError, match="access not granted yet"):
        client.pull("batch-1", tmp_path)


def test_submit_in_a_new_process_uses_the_held_epoch(
    store: ObjectStore, make_batch: MakeBatch
) -> None:
    ReviewQueue(store, QUEUE).publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    ReviewerClient(store, QUEUE, "alice").claim("batch-1", 3600)
    later = ReviewerClient(store, QUEUE, "alice")
    assert later.submit("batch-1", []).epoch == 1
    with pytest.raises(StaleClaim):
        ReviewerClient(store, QUEUE, "bob").submit("batch-1", [])


def test_invalid_submission_is_not_stored(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    client = ReviewerClient(store, QUEUE, "alice")
    client.claim("batch-1", 3600)
    bad = [{"doc_id": "doc-a", "start": 2, "end": 50, "label": "ISSUE"}]
    with pytest.raises(SubmissionRejected, match="end 50 beyond text length 10"):
        client.submit("batch-1", bad)
    assert queue.submissions("batch-1") == []


def test_rejection_written_back(store: ObjectStore, make_batch: MakeBatch) -> None:
    queue = ReviewQueue(store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "t"}))
    queue.reject("batch-1", "alice", "annotation 0: unknown document 'doc-q'")
    key = f"queues/{QUEUE}/rejections/batch-1/alice.json"
    got = store.get(key)
    assert got is not None and json.loads(got.body)["reason"].startswith("annotation 0")
    rejection = ReviewerClient(store, QUEUE, "alice").rejection("batch-1")
    assert rejection is not None and rejection.reviewer == "alice"
    assert ReviewerClient(store, QUEUE, "bob").rejection("batch-1") is None


def test_pull_detects_tampered_rendition(
    store: ObjectStore, make_batch: MakeBatch, tmp_path: Path
) -> None:
    queue = ReviewQueue(store, QUEUE)
    queue.publish(*make_batch("batch-1", {"doc-a": "t"}))
    store.put(f"queues/{QUEUE}/batches/batch-1/docs/doc-a.txt", b"swapped")
    client = ReviewerClient(store, QUEUE, "alice")
    client.claim("batch-1", 3600)
    grant_current(queue, "batch-1")
    with pytest.raises(QueueError, match="hash mismatch"):
        client.pull("batch-1", tmp_path)
