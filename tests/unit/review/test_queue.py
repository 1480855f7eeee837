"""The reviewer queue over an object store: publishing is files then manifest, idempotent
for the same manifest and refused for another; reads of unpublished or ungranted things
fail with their own errors; a rejection is written where the reviewer reads it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from models.errors import BatchNotFound, QueueError
from models.review import Manifest, ManifestDoc
from review import MemoryObjectStore, ReviewQueue, layout
from review.rejection import MAX_REASON

NOW = datetime(2031, 1, 5, tzinfo=UTC)
TEXT = b"[PERSON_1] was seen."
FILES = {"docs/doc-a.txt": TEXT}


def manifest(queue: str = "general", instructions: str = "review") -> Manifest:
    digest = hashlib.sha256(TEXT).hexdigest()
    doc = ManifestDoc(doc_id="doc-a", media_type="text/plain", path="docs/doc-a.txt",
                      text_path="docs/doc-a.txt", sha256=digest, text_sha256=digest,
                      text_length=len(TEXT))  # fmt: skip
    return Manifest(batch_id="batch-1", queue=queue, matter="m1", created=NOW, due=NOW,
                    policy_version="strict/1", instructions=instructions, docs=(doc,))  # fmt: skip


def test_publish_then_read_back() -> None:
    store = MemoryObjectStore()
    queue = ReviewQueue(store, "general")
    assert queue.list_batches() == []
    queue.publish(manifest(), FILES)
    queue.publish(manifest(), FILES)  # idempotent
    assert queue.list_batches() == ["batch-1"] and queue.manifest("batch-1") == manifest()
    assert queue.read_file("batch-1", "docs/doc-a.txt") == TEXT
    assert store.list(layout.queue_prefix("general"))  # everything under the queue's prefix


def test_publishing_is_refused_for_another_queue_or_manifest() -> None:
    queue = ReviewQueue(MemoryObjectStore(), "general")
    with pytest.raises(QueueError, match="another queue"):
        queue.publish(manifest(queue="qc"), FILES)
    queue.publish(manifest(), FILES)
    with pytest.raises(QueueError, match="another manifest"):
        queue.publish(manifest(instructions="changed"), FILES)


def test_reads_of_what_is_not_there() -> None:
    queue = ReviewQueue(MemoryObjectStore(), "general")
    with pytest.raises(BatchNotFound):
        queue.manifest("batch-1")
    queue.publish(manifest(), FILES)
    with pytest.raises(BatchNotFound):
        queue.read_file("batch-1", "docs/doc-zzz.txt")
    with pytest.raises(QueueError, match="not granted"):
        queue.read_granted("ana", "batch-1", "docs/doc-a.txt")


def test_a_rejection_is_kept_short_for_the_reviewer() -> None:
    queue = ReviewQueue(MemoryObjectStore(lambda: NOW), "general")
    assert queue.rejection("batch-1", "ana") is None
    queue.reject("batch-1", "ana", "x" * (MAX_REASON + 50))
    rejection = queue.rejection("batch-1", "ana")
    assert rejection is not None and len(rejection.reason) == MAX_REASON
    assert (rejection.reviewer, rejection.rejected_at) == ("ana", NOW)
