"""S3 error codes the adapters branch on, defined once for the vault's, the queues' and
the checkpoints' S3 stores (protocol constants: no boto3 here)."""

from __future__ import annotations

from typing import Any

MISSING = frozenset({"NoSuchKey", "404", "NotFound"})
PRECONDITION_FAILED = frozenset({"PreconditionFailed", "412", "ConditionalRequestConflict", "409"})
# an existence check's 403: a missing key to a principal that may not list the prefix
FORBIDDEN = frozenset({"403", "AccessDenied", "Forbidden"})
BUCKET_EXISTS = frozenset({"BucketAlreadyOwnedByYou", "BucketAlreadyExists"})


def error_code(response: dict[str, Any]) -> str:
    """The error code of a botocore ``ClientError.response`` ("" when absent)."""
    return str(response.get("Error", {}).get("Code", ""))
