"""Reads only while holding the claim: the holder gets its own copies of the batch's files
(once), every other past holder's copies are taken back, each change named as a Grant."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from models.review import Manifest, ManifestDoc
from review import MemoryObjectStore, ReviewQueue, layout
from review.access import grant_current

T0 = datetime(2031, 1, 5, 10, 0, tzinfo=UTC)
TEXT, PDF = b"[PERSON_1] was seen.", b"%PDF-1.7 rendition"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def published() -> tuple[ReviewQueue, Clock]:
    clock = Clock()
    queue = ReviewQueue(MemoryObjectStore(clock), "general")
    sha = hashlib.sha256
    doc = ManifestDoc(doc_id="doc-a", media_type="application/pdf", path="docs/doc-a.pdf",
                      text_path="docs/doc-a.txt", sha256=sha(PDF).hexdigest(),
                      text_sha256=sha(TEXT).hexdigest(), text_length=len(TEXT))  # fmt: skip
    manifest = Manifest(batch_id="batch-1", queue="general", matter="m1", created=T0, due=T0,
                        policy_version="strict/1", instructions="review", docs=(doc,))  # fmt: skip
    queue.publish(manifest, {"docs/doc-a.pdf": PDF, "docs/doc-a.txt": TEXT})
    return queue, clock


def granted(queue: ReviewQueue, reviewer: str) -> list[str]:
    return queue.store.list(layout.granted_prefix("general", reviewer, "batch-1"))


def test_nobody_holds_the_batch_nothing_is_granted() -> None:
    queue, _ = published()
    change = grant_current(queue, "batch-1")
    assert (change.granted, change.revoked) == ([], [])


def test_the_holder_gets_each_file_once() -> None:
    queue, _ = published()
    queue.claim("batch-1", "ana", 60)
    first = grant_current(queue, "batch-1")
    assert [(g.reviewer, g.doc_id, g.rel_path, g.epoch) for g in first.granted] == [
        ("ana", "doc-a", "docs/doc-a.pdf", 1),
        ("ana", "doc-a", "docs/doc-a.txt", 1),
    ]
    assert queue.read_granted("ana", "batch-1", "docs/doc-a.txt") == TEXT
    again = grant_current(queue, "batch-1")
    assert [g.granted_at for g in again.granted] == [g.granted_at for g in first.granted]
    assert len(granted(queue, "ana")) == 2


def test_a_takeover_moves_the_copies() -> None:
    queue, clock = published()
    queue.claim("batch-1", "ana", 60)
    grant_current(queue, "batch-1")
    clock.now += timedelta(seconds=61)  # ana's lease ran out
    queue.claim("batch-1", "bob", 60)
    change = grant_current(queue, "batch-1")
    assert {g.reviewer for g in change.granted} == {"bob"}
    assert sorted((g.reviewer, g.rel_path) for g in change.revoked) == [
        ("ana", "docs/doc-a.pdf"),
        ("ana", "docs/doc-a.txt"),
    ]
    assert granted(queue, "ana") == [] and len(granted(queue, "bob")) == 2


def test_a_release_takes_the_copies_back() -> None:
    queue, _ = published()
    claim = queue.claim("batch-1", "ana", 60)
    grant_current(queue, "batch-1")
    queue.release("batch-1", "ana", claim.epoch)
    change = grant_current(queue, "batch-1")
    assert change.granted == [] and len(change.revoked) == 2 and granted(queue, "ana") == []
