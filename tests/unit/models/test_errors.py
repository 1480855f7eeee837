"""Transience is carried on the error tree: a known-answer table of ``retryable`` per
class, and the flows' retry decision follows it (integrity failures and shredded keys
are never retried, whatever family they belong to)."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import pytest

from flows.pipeline_tasks import is_transient
from models import errors
from models.errors import Failure, SealroomError, StepFailed, StepIncomplete

RETRYABLE = {
    "VaultError": True,  # sealing / key file I/O that failed
    "KeyServiceError": True,  # KMS unreachable or throttled
    "StorageError": True,
    "LedgerError": True,  # the database could not be reached
    "EntryChanged": True,  # an inbox file written while read: the next read may succeed
}
FINAL = [
    "SealroomError",
    "ConfigError",
    "VaultIntegrityError",
    "VaultContextMismatch",
    "UnknownKeyError",
    "KeyShredded",
    "VaultObjectMissing",
    "KeyFilePermissionError",
    "InvalidObjectKey",
    "LegalHoldActive",
    "KeyInUse",
    "OutboxNotEmpty",  # the operator decides: purge the outbox or keep the keys
    "DocumentError",
    "EncryptedDocument",
    "UnsupportedDocument",
    "CorruptDocument",
    "ImageOnlyDocument",
    "DocumentTooLarge",
    "DocumentTimeout",
    "RedactionError",
    "LeakDetected",
    "QueueError",
    "SubmissionRejected",
    "ClaimConflict",
    "StaleClaim",
    "BatchNotFound",
    "LedgerIntegrityError",
    "CheckpointKeyError",  # a LedgerError that needs an operator, not a retry
    "AuditRequestError",
    "MalformedEvent",  # the stored event will not change
    "LowOcrConfidence",
    "AttachmentRefused",
    "OutlookMessageRefused",
    "EntryRefused",
    "SymlinkRefused",
    "DanglingSymlink",
    "HiddenEntry",
    "EmptyEntry",
    "SpecialEntry",
    "UnreadableEntry",
    "DuplicateEntry",
    "WorkFileError",
    "NotQuarantined",
]


@pytest.mark.parametrize(("name", "expected"), [*RETRYABLE.items(), *((n, False) for n in FINAL)])
def test_retryable_per_class(name: str, expected: bool) -> None:
    cls = getattr(errors, name)
    assert cls.retryable is expected
    assert is_transient(cls("ref-1")) is expected


def test_every_class_of_the_tree_is_in_the_table() -> None:
    """A new error class must decide its transience here, not inherit it by accident."""
    listed = set(RETRYABLE) | set(FINAL)
    tree = {c.__name__ for c in errors.all_error_types() if c.__module__ == "models.errors"}
    unlisted = tree - listed - {"StepFailed", "StepIncomplete"}  # tested below
    assert not unlisted, f"add to RETRYABLE or FINAL: {sorted(unlisted)}"


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (OSError("disk"), True),
        (BrokenProcessPool("worker died"), True),
        (ValueError("a bug"), False),
        (StepFailed("doc-1", "x", transient=True), True),
        (StepFailed("doc-1", "x"), False),
        (StepIncomplete("ingest", [Failure("ingest", "inbox", "SR-STO-001")]), False),
    ],
)
def test_errors_outside_the_tree(failure: BaseException, expected: bool) -> None:
    assert is_transient(failure) is expected


def test_a_step_failure_carries_the_transience_it_translated() -> None:
    assert StepFailed("doc-1", transient=True).retryable
    assert StepFailed("doc-1", transient=True).transient
    assert isinstance(StepFailed("doc-1"), SealroomError)
