"""Review queue errors (``SR-QUE-*``): claims, leases, submissions, batches and the
reviewer's work file. Re-exported by ``models.errors``.
"""

from __future__ import annotations

from models.errors_base import SealroomError


class QueueError(SealroomError):
    code = "SR-QUE-000"
    summary = "review queue error"


class ClaimConflict(QueueError):
    code = "SR-QUE-001"
    summary = "batch already claimed"


class StaleClaim(QueueError):
    code = "SR-QUE-002"
    summary = "claim lease lost or epoch superseded"


class SubmissionRejected(QueueError):
    code = "SR-QUE-003"
    summary = "submission rejected"


class BatchNotFound(QueueError):
    code = "SR-QUE-004"
    summary = "batch not found"


class WorkFileError(QueueError):
    """A reviewer's work file that cannot be read as one JSON object."""

    code = "SR-QUE-005"
    summary = "unreadable work file"
