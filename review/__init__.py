"""The S3 reviewer-queue protocol: batch manifests, claims/leases, submissions, reviewer client.

Imports only ``models`` (and ``config`` types); boto lives in ``review.s3_store`` alone.
"""

from review.claims import Claims, ClaimState
from review.client import ReviewerClient
from review.memory_store import MemoryObjectStore
from review.policy import iam_policy
from review.ports import ObjectStore, PreconditionFailed, StoredObject
from review.queue import ReviewQueue
from review.rejection import REJECTION_FORMAT, Rejection
from review.s3_store import S3ObjectStore
from review.validate import validate_submission

__all__ = [
    "REJECTION_FORMAT",
    "ClaimState",
    "Claims",
    "MemoryObjectStore",
    "ObjectStore",
    "PreconditionFailed",
    "Rejection",
    "ReviewQueue",
    "ReviewerClient",
    "S3ObjectStore",
    "StoredObject",
    "iam_policy",
    "validate_submission",
]
