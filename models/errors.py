"""One error tree with stable codes.

Messages carry ids (document, batch, object refs) and never document text.
Library errors are translated at the boundary: ``raise VaultIntegrityError(ref) from exc``.

``retryable`` says whether the same call may succeed later without anyone changing
anything (a storage or key-service outage, a lost database connection): the flows retry
exactly those. Integrity failures, shredded or unknown keys, bad input and refusals are
final, whatever family they belong to.

The classes live in one module per family (``errors_base``: the root, configuration and
object storage; ``errors_vault``, ``errors_documents`` (documents and redaction),
``errors_intake``, ``errors_review``, ``errors_audit``, ``errors_ops``) and are all
re-exported here: import them from ``models.errors``.
"""

from __future__ import annotations

from models.errors_audit import (
    AuditRequestError,
    CheckpointKeyError,
    LedgerError,
    LedgerIntegrityError,
    MalformedEvent,
)
from models.errors_base import (
    ConfigError,
    SealroomError,
    StorageError,
)
from models.errors_documents import (
    AttachmentRefused,
    CorruptDocument,
    DocumentError,
    DocumentTimeout,
    DocumentTooLarge,
    EncryptedDocument,
    ImageOnlyDocument,
    LeakDetected,
    LowOcrConfidence,
    OutlookMessageRefused,
    RedactionError,
    UnsupportedDocument,
)
from models.errors_intake import (
    DanglingSymlink,
    DuplicateEntry,
    EmptyEntry,
    EntryChanged,
    EntryRefused,
    HiddenEntry,
    SpecialEntry,
    SymlinkRefused,
    UnreadableEntry,
)
from models.errors_ops import (
    Failure,
    NotQuarantined,
    StepFailed,
    StepIncomplete,
)
from models.errors_review import (
    BatchNotFound,
    ClaimConflict,
    QueueError,
    StaleClaim,
    SubmissionRejected,
    WorkFileError,
)
from models.errors_vault import (
    InvalidObjectKey,
    KeyFilePermissionError,
    KeyInUse,
    KeyServiceError,
    KeyShredded,
    LegalHoldActive,
    OutboxNotEmpty,
    UnknownKeyError,
    VaultContextMismatch,
    VaultError,
    VaultIntegrityError,
    VaultObjectMissing,
)

__all__ = [
    "AttachmentRefused",
    "AuditRequestError",
    "BatchNotFound",
    "CheckpointKeyError",
    "ClaimConflict",
    "ConfigError",
    "CorruptDocument",
    "DanglingSymlink",
    "DocumentError",
    "DocumentTimeout",
    "DocumentTooLarge",
    "DuplicateEntry",
    "EmptyEntry",
    "EncryptedDocument",
    "EntryChanged",
    "EntryRefused",
    "Failure",
    "HiddenEntry",
    "ImageOnlyDocument",
    "InvalidObjectKey",
    "KeyFilePermissionError",
    "KeyInUse",
    "KeyServiceError",
    "KeyShredded",
    "LeakDetected",
    "LedgerError",
    "LedgerIntegrityError",
    "LegalHoldActive",
    "LowOcrConfidence",
    "MalformedEvent",
    "NotQuarantined",
    "OutboxNotEmpty",
    "OutlookMessageRefused",
    "QueueError",
    "RedactionError",
    "SealroomError",
    "SpecialEntry",
    "StaleClaim",
    "StepFailed",
    "StepIncomplete",
    "StorageError",
    "SubmissionRejected",
    "SymlinkRefused",
    "UnknownKeyError",
    "UnreadableEntry",
    "UnsupportedDocument",
    "VaultContextMismatch",
    "VaultError",
    "VaultIntegrityError",
    "VaultObjectMissing",
    "WorkFileError",
    "all_error_types",
]


def all_error_types() -> list[type[SealroomError]]:
    """Every error class in the tree (used to check codes are unique)."""
    found: list[type[SealroomError]] = []
    stack: list[type[SealroomError]] = [SealroomError]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found
