"""Transience is carried on the error tree: a known-answer table of ``retryable`` per
class, and the flows' retry decision follows it (integrity failures and shredded keys
are never retried, whatever family they belong to)."""

from __future__ import annotations

import pickle
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

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
    tree = {
        c.__name__ for c in errors.all_error_types() if c.__module__.startswith("models.errors")
    }
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


# Every code of the tree, its class and the class's parent, as on main before
# ``models/errors.py`` was split into one module per family: codes are stable (operators'
# runbooks, the ledger's quarantine records and the README's table name them), so a change
# here is deliberate.
CODES = {
    "SR-000": ("SealroomError", "Exception"),
    "SR-CFG-001": ("ConfigError", "SealroomError"),
    "SR-STO-001": ("StorageError", "SealroomError"),
    "SR-VLT-000": ("VaultError", "SealroomError"),
    "SR-VLT-001": ("VaultIntegrityError", "VaultError"),
    "SR-VLT-002": ("VaultContextMismatch", "VaultError"),
    "SR-VLT-003": ("UnknownKeyError", "VaultError"),
    "SR-VLT-004": ("VaultObjectMissing", "VaultError"),
    "SR-VLT-005": ("KeyFilePermissionError", "VaultError"),
    "SR-VLT-006": ("InvalidObjectKey", "VaultError"),
    "SR-VLT-007": ("LegalHoldActive", "VaultError"),
    "SR-VLT-008": ("KeyShredded", "UnknownKeyError"),
    "SR-VLT-009": ("KeyInUse", "VaultError"),
    "SR-VLT-010": ("KeyServiceError", "VaultError"),
    "SR-VLT-011": ("OutboxNotEmpty", "VaultError"),
    "SR-DOC-000": ("DocumentError", "SealroomError"),
    "SR-DOC-001": ("UnsupportedDocument", "DocumentError"),
    "SR-DOC-002": ("CorruptDocument", "DocumentError"),
    "SR-DOC-003": ("EncryptedDocument", "DocumentError"),
    "SR-DOC-004": ("ImageOnlyDocument", "DocumentError"),
    "SR-DOC-005": ("DocumentTooLarge", "DocumentError"),
    "SR-DOC-006": ("DocumentTimeout", "DocumentError"),
    "SR-DOC-040": ("LowOcrConfidence", "DocumentError"),
    "SR-DOC-041": ("AttachmentRefused", "DocumentError"),
    "SR-DOC-042": ("OutlookMessageRefused", "UnsupportedDocument"),
    "SR-INB-000": ("EntryRefused", "SealroomError"),
    "SR-INB-001": ("SymlinkRefused", "EntryRefused"),
    "SR-INB-002": ("DanglingSymlink", "EntryRefused"),
    "SR-INB-003": ("HiddenEntry", "EntryRefused"),
    "SR-INB-004": ("EmptyEntry", "EntryRefused"),
    "SR-INB-005": ("SpecialEntry", "EntryRefused"),
    "SR-INB-006": ("UnreadableEntry", "EntryRefused"),
    "SR-INB-007": ("DuplicateEntry", "EntryRefused"),
    "SR-INB-008": ("EntryChanged", "SealroomError"),
    "SR-RED-000": ("RedactionError", "SealroomError"),
    "SR-RED-001": ("LeakDetected", "RedactionError"),
    "SR-QUE-000": ("QueueError", "SealroomError"),
    "SR-QUE-001": ("ClaimConflict", "QueueError"),
    "SR-QUE-002": ("StaleClaim", "QueueError"),
    "SR-QUE-003": ("SubmissionRejected", "QueueError"),
    "SR-QUE-004": ("BatchNotFound", "QueueError"),
    "SR-QUE-005": ("WorkFileError", "QueueError"),
    "SR-AUD-000": ("LedgerError", "SealroomError"),
    "SR-AUD-001": ("LedgerIntegrityError", "LedgerError"),
    "SR-AUD-020": ("CheckpointKeyError", "LedgerError"),
    "SR-AUD-021": ("AuditRequestError", "LedgerError"),
    "SR-AUD-022": ("MalformedEvent", "LedgerError"),
    "SR-OPS-001": ("StepFailed", "SealroomError"),
    "SR-OPS-002": ("StepIncomplete", "StepFailed"),
    "SR-OPS-003": ("NotQuarantined", "SealroomError"),
}


def tree_classes() -> list[type[SealroomError]]:
    return [c for c in errors.all_error_types() if c.__module__.startswith("models.errors")]


def test_every_code_names_its_class_and_is_unique() -> None:
    codes = [c.code for c in tree_classes()]
    assert len(codes) == len(set(codes)), "two classes share a code"
    assert {c.code: (c.__name__, c.__mro__[1].__name__) for c in tree_classes()} == CODES


@pytest.mark.parametrize(("code", "names"), CODES.items())
def test_each_class_is_importable_from_models_errors_with_its_code(
    code: str, names: tuple[str, str]
) -> None:
    cls = getattr(errors, names[0])
    assert cls.code == code
    assert issubclass(cls, SealroomError)
    assert names[0] in errors.__all__
    error = cls("ref-1", []) if cls is StepIncomplete else cls("ref-1")
    assert error.message == str(error)
    assert error.message.startswith(f"{code} ") and error.message.endswith(" [ref-1]")
    back = pickle.loads(pickle.dumps(error))  # errors cross the redaction process pool
    assert (type(back), back.message, back.retryable) == (cls, error.message, error.retryable)


def test_families_are_imported_only_through_models_errors() -> None:
    """One tree, one import path: product code never names a family module."""
    repo = Path(__file__).resolve().parents[3]
    offenders = []
    for package in ("models", "config", "intake", "redaction", "formats", "vault", "review",
                    "audit", "stages", "composition", "flows", "cli", "workbench"):  # fmt: skip
        for path in (repo / package).rglob("*.py"):
            if path.parent.name == "models" and path.stem.startswith("errors"):
                continue
            if "from models.errors_" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(repo)))
    assert not offenders, f"import from models.errors instead: {offenders}"
