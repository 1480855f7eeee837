"""The operator side of a reviewer queue: publish batches, hand out claims, take submissions.

Reviewers list batches by manifest, so ``publish`` writes every file first and the
manifest last (with ``If-None-Match``): a crash in between leaves no visible batch,
and re-running it is a no-op once the same manifest is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import ValidationError

from models.errors import BatchNotFound, QueueError
from models.review import Claim, Manifest, Submission
from review import layout
from review.claims import Claims, ClaimState, QueueClaims
from review.ports import ObjectInfo, ObjectStore, PreconditionFailed, StoredObject
from review.publish import check_files
from review.rejection import MAX_REASON, Rejection
from review.texts import text_reader
from review.validate import TextOf, validate_submission


class ReviewQueue:
    def __init__(self, store: ObjectStore, queue: str) -> None:
        self.queue = layout.check_id("queue", queue)
        self._store = store
        self._claims = Claims(store, queue)

    def sibling(self, queue: str) -> ReviewQueue:
        """The queue named ``queue`` on the same store (routing publishes to several)."""
        return self if queue == self.queue else ReviewQueue(self._store, queue)

    # --- batches -----------------------------------------------------------
    def publish(self, manifest: Manifest, files: Mapping[str, bytes]) -> None:
        """Write the batch's files, then its manifest. Idempotent for the same manifest."""
        if manifest.queue != self.queue:
            raise QueueError(manifest.batch_id, "manifest belongs to another queue")
        check_files(manifest, files)
        if self._published(manifest):
            return
        for rel_path, body in sorted(files.items()):
            self._store.put(layout.file_key(self.queue, manifest.batch_id, rel_path), body)
        key = layout.manifest_key(self.queue, manifest.batch_id)
        try:
            self._store.put(key, manifest.model_dump_json().encode(), if_none_match=True)
        except PreconditionFailed:
            if not self._published(manifest):
                raise QueueError(manifest.batch_id, "batch published concurrently") from None

    def _published(self, manifest: Manifest) -> bool:
        """True if this exact manifest is published; ``QueueError`` if another one is."""
        stored = self._store.get(layout.manifest_key(self.queue, manifest.batch_id))
        if stored is None:
            return False
        if self._parse_manifest(manifest.batch_id, stored.body) != manifest:
            raise QueueError(manifest.batch_id, "batch already published with another manifest")
        return True

    def list_batches(self) -> list[str]:
        """Batch ids that have a manifest (i.e. were completely published)."""
        keys = self._store.list(layout.batches_prefix(self.queue))
        found = (layout.batch_of_manifest(self.queue, key) for key in keys)
        return sorted(batch_id for batch_id in found if batch_id)

    def manifest(self, batch_id: str) -> Manifest:
        stored = self._store.get(layout.manifest_key(self.queue, batch_id))
        if stored is None:
            raise BatchNotFound(batch_id)
        return self._parse_manifest(batch_id, stored.body)

    def read_granted(self, reviewer: str, batch_id: str, rel_path: str) -> bytes:
        """A rendition from ``reviewer``'s granted copy (``QueueError`` until the operator
        has granted it: only the claim holder ever gets one)."""
        stored = self._store.get(layout.granted_key(self.queue, reviewer, batch_id, rel_path))
        if stored is None:
            raise QueueError(
                batch_id, "access not granted yet (the operator grants it to the claim holder)"
            )
        return stored.body

    def read_file(self, batch_id: str, rel_path: str) -> bytes:
        stored = self._store.get(layout.file_key(self.queue, batch_id, rel_path))
        if stored is None:
            raise BatchNotFound(f"{batch_id}/{rel_path}")
        return stored.body

    @staticmethod
    def _parse_manifest(batch_id: str, body: bytes) -> Manifest:
        try:
            return Manifest.model_validate_json(body)
        except ValidationError as exc:
            raise QueueError(batch_id, "manifest unreadable") from exc

    # --- claims ------------------------------------------------------------
    def claim(self, batch_id: str, reviewer: str, lease_seconds: int) -> Claim:
        """Claim a published batch (``ClaimConflict`` if someone else holds a live lease)."""
        self.manifest(batch_id)
        return self._claims.acquire(batch_id, reviewer, lease_seconds)

    def renew(self, batch_id: str, reviewer: str, epoch: int, lease_seconds: int) -> Claim:
        return self._claims.renew(batch_id, reviewer, epoch, lease_seconds)

    def release(self, batch_id: str, reviewer: str, epoch: int) -> None:
        self._claims.release(batch_id, reviewer, epoch)

    def close(self, batch_id: str, reviewer: str, epoch: int) -> bool:
        """Operator: the batch's work was accepted; it is never handed out again.

        ``False`` if the claim had already moved past ``epoch`` (left open)."""
        return self._claims.close(batch_id, reviewer, epoch)

    def current_claim(self, batch_id: str) -> Claim | None:
        """The stored claim (its lease may have run out), or ``None``."""
        state = self.claim_state(batch_id)
        return state.claim if state else None

    def claim_state(self, batch_id: str) -> ClaimState | None:
        """The stored claim with its ETag and lease end (store clock)."""
        return self._claims.read(batch_id)

    @property
    def store(self) -> ObjectStore:
        return self._store

    @property
    def settle_seconds(self) -> float:
        return self._store.settle_seconds

    def store_now(self) -> datetime:
        """The store's clock (leases and event times are judged by it)."""
        return self._store.now()

    def claim_scan(self) -> QueueClaims:
        """Every batch's replayed claim and the claim objects that were ignored (per object)."""
        return self._claims.scan()

    def settled_claim_state(self, batch_id: str) -> ClaimState | None:
        """The claim once its newest event has settled (waits up to the settle time)."""
        return self._claims.read_settled(batch_id)

    def claimed_batches(self) -> set[str]:
        """Batch ids with a live (unexpired) claim."""
        return self._claims.live_batches()

    # --- submissions -------------------------------------------------------
    def submit(self, submission: Submission) -> None:
        """Store a submission; ``StaleClaim`` unless its reviewer holds the claim at its epoch.

        The submission is also validated against the manifest (``SubmissionRejected``).
        """
        batch_id = submission.batch_id
        key = layout.submission_key(self.queue, batch_id, submission.reviewer)
        state = self._claims.holder(batch_id, submission.reviewer, submission.epoch)
        raw = submission.model_dump_json().encode()
        manifest = self.manifest(batch_id)
        text_of = self.texts(manifest, reviewer=submission.reviewer)
        validate_submission(raw, manifest, state.claim, text_of=text_of)
        self._store.put(key, raw)

    def texts(self, manifest: Manifest, reviewer: str | None = None) -> TextOf:
        """doc id -> the batch's rendition text (what annotation quotes are checked against):
        from the batch (operator), or from ``reviewer``'s granted copies (a reviewer's
        policy cannot read the batch's renditions)."""
        batch_id = manifest.batch_id
        if reviewer is not None:
            return text_reader(
                manifest, lambda rel_path: self.read_granted(reviewer, batch_id, rel_path)
            )
        return text_reader(manifest, lambda rel_path: self.read_file(batch_id, rel_path))

    def submissions(self, batch_id: str) -> list[tuple[str, bytes]]:
        """``(reviewer, raw JSON)`` for every submission of the batch, by reviewer id."""
        return [(reviewer, stored.body) for reviewer, stored in self.submission_objects(batch_id)]

    def submission_infos(self, batch_id: str) -> list[tuple[str, ObjectInfo]]:
        """``(reviewer, size and write time)`` per submission, from the listing (no reads)."""
        found: list[tuple[str, ObjectInfo]] = []
        for info in self._store.list_info(layout.submissions_prefix(self.queue, batch_id)):
            reviewer = layout.reviewer_of_submission(self.queue, batch_id, info.key)
            if reviewer:
                found.append((reviewer, info))
        return found

    def read_submission(self, batch_id: str, reviewer: str) -> StoredObject | None:
        return self._store.get(layout.submission_key(self.queue, batch_id, reviewer))

    def submission_objects(self, batch_id: str) -> list[tuple[str, StoredObject]]:
        """``(reviewer, stored object)`` per submission: body plus the store's write time."""
        found: list[tuple[str, StoredObject]] = []
        for key in self._store.list(layout.submissions_prefix(self.queue, batch_id)):
            reviewer = layout.reviewer_of_submission(self.queue, batch_id, key)
            stored = self._store.get(key) if reviewer else None
            if reviewer and stored is not None:
                found.append((reviewer, stored))
        return found

    def reject(self, batch_id: str, reviewer: str, reason: str) -> None:
        """Write the reason a submission was rejected where the reviewer can read it."""
        record = Rejection(
            batch_id=batch_id,
            reviewer=reviewer,
            reason=reason[:MAX_REASON],
            rejected_at=self._store.now(),
        )
        key = layout.rejection_key(self.queue, batch_id, reviewer)
        self._store.put(key, record.model_dump_json().encode())

    def rejection(self, batch_id: str, reviewer: str) -> Rejection | None:
        stored = self._store.get(layout.rejection_key(self.queue, batch_id, reviewer))
        if stored is None:
            return None
        try:
            return Rejection.model_validate_json(stored.body)
        except ValidationError as exc:
            raise QueueError(batch_id, "rejection unreadable") from exc
