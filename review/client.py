"""The reviewer side of a queue: see what is free, claim, pull, submit, release.

Works across processes: the epoch to submit with is the one this client claimed
with, or else the one of the current claim if this reviewer holds it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.errors import QueueError, StaleClaim
from models.review import Annotation, Claim, Manifest, Submission, Verdict
from review import layout
from review.ports import ObjectStore
from review.queue import ReviewQueue
from review.rejection import Rejection
from review.validate import schema_rejection

MANIFEST_FILE = "manifest.json"
Progress = Callable[[int, int], None]


class ReviewerClient:
    def __init__(self, store: ObjectStore, queue: str, reviewer: str) -> None:
        self.reviewer = layout.check_id("reviewer", reviewer)
        self._queue = ReviewQueue(store, queue)
        self._held: dict[str, Claim] = {}

    def available(self) -> list[str]:
        """Published batches nobody holds a live claim on."""
        claimed = self._queue.claimed_batches()
        return [b for b in self._queue.list_batches() if b not in claimed]

    def manifest(self, batch_id: str) -> Manifest:
        """A published batch's manifest (documents, pages, due time, priority)."""
        return self._queue.manifest(batch_id)

    def claim_problems(self) -> list[str]:
        """Claim objects of the queue that were ignored as malformed (one line each)."""
        return self._queue.claim_scan().problems

    def claim(self, batch_id: str, lease_seconds: int) -> Claim:
        claim = self._queue.claim(batch_id, self.reviewer, lease_seconds)
        self._held[batch_id] = claim
        return claim

    def renew(self, batch_id: str, lease_seconds: int) -> Claim:
        claim = self._queue.renew(batch_id, self.reviewer, self._epoch(batch_id), lease_seconds)
        self._held[batch_id] = claim
        return claim

    def pull(self, batch_id: str, dest: Path, progress: Progress | None = None) -> list[Path]:
        """Write the manifest and each rendition into ``dest`` (named by doc id); check hashes.

        Renditions are read from this reviewer's granted copies, which the operator writes
        for the claim holder only (``review.access``); ``QueueError`` until it has.

        ``progress(done, total)`` is called after each file (the CLI draws a bar with it).
        """
        manifest = self._queue.manifest(batch_id)
        dest.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        files = _files(manifest)
        for done, (rel_path, digest, doc_id) in enumerate(files, start=1):
            body = self._queue.read_granted(self.reviewer, batch_id, rel_path)
            if hashlib.sha256(body).hexdigest() != digest:
                raise QueueError(batch_id, f"hash mismatch for {rel_path}")
            target = dest / (doc_id + Path(rel_path).suffix)
            if target in written:
                raise QueueError(batch_id, f"two files of {doc_id} share a name")
            written.append(_write(target, body))
            if progress is not None:
                progress(done, len(files))
        # the manifest last: a folder with one is a complete pull (``reviewer open`` relies on it)
        body = manifest.model_dump_json(indent=2).encode()
        return [_write(dest / MANIFEST_FILE, body), *written]

    def submit(
        self,
        batch_id: str,
        annotations: Iterable[Annotation | Mapping[str, Any]],
        verdicts: Iterable[Verdict | Mapping[str, Any]] = (),
    ) -> Submission:
        """Validate and upload this reviewer's submission at the held claim's epoch."""
        epoch = self._epoch(batch_id)
        try:
            submission = Submission.model_validate(
                {
                    "batch_id": batch_id,
                    "reviewer": self.reviewer,
                    "epoch": epoch,
                    "annotations": [_plain(a) for a in annotations],
                    "verdicts": [_plain(v) for v in verdicts],
                }
            )
        except ValidationError as exc:
            raise schema_rejection(batch_id, exc) from None
        self._queue.submit(submission)
        return submission

    def release(self, batch_id: str) -> None:
        self._queue.release(batch_id, self.reviewer, self._epoch(batch_id))
        self._held.pop(batch_id, None)

    def current_claim(self, batch_id: str) -> Claim | None:
        return self._queue.current_claim(batch_id)

    def rejection(self, batch_id: str) -> Rejection | None:
        """Why this reviewer's last submission for the batch was rejected, if it was."""
        return self._queue.rejection(batch_id, self.reviewer)

    def _epoch(self, batch_id: str) -> int:
        held = self._held.get(batch_id)
        if held is not None:
            return held.epoch
        current = self._queue.current_claim(batch_id)
        if current is None:
            raise QueueError(batch_id, "nobody has claimed this batch; claim it first")
        if current.reviewer != self.reviewer:
            raise StaleClaim(batch_id)
        return current.epoch


def _plain(item: Annotation | Verdict | Mapping[str, Any]) -> Any:
    """A model as its fields, anything else as given (the schema check reports its shape)."""
    return item.model_dump() if isinstance(item, Annotation | Verdict) else item


def _files(manifest: Manifest) -> list[tuple[str, str, str]]:
    """``(rel_path, sha256, doc_id)`` for each distinct rendition file of the batch."""
    seen: dict[str, tuple[str, str, str]] = {}
    for doc in manifest.docs:
        layout.check_id("document", doc.doc_id)
        seen.setdefault(doc.path, (doc.path, doc.sha256, doc.doc_id))
        seen.setdefault(doc.text_path, (doc.text_path, doc.text_sha256, doc.doc_id))
    return list(seen.values())


def _write(path: Path, body: bytes) -> Path:
    path.write_bytes(body)
    return path
