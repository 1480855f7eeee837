"""One error tree with stable codes.

Messages carry ids (document, batch, object refs) and never document text.
Library errors are translated at the boundary: ``raise VaultIntegrityError(ref) from exc``.

``retryable`` says whether the same call may succeed later without anyone changing
anything (a storage or key-service outage, a lost database connection): the flows retry
exactly those. Integrity failures, shredded or unknown keys, bad input and refusals are
final, whatever family they belong to.
"""

from __future__ import annotations


class SealroomError(Exception):
    """Base of every Sealroom error. ``code`` is stable; ``ref`` is an opaque id."""

    code = "SR-000"
    summary = "sealroom error"
    retryable = False

    def __init__(self, ref: str = "", reason: str = "") -> None:
        self.ref = ref
        self.reason = reason or self.summary
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f" [{self.ref}]" if self.ref else ""
        return f"{self.code} {self.reason}{where}"


class ConfigError(SealroomError):
    code = "SR-CFG-001"
    summary = "invalid configuration"


# --- vault -----------------------------------------------------------------
class VaultError(SealroomError):
    code = "SR-VLT-000"
    summary = "vault error"
    retryable = True  # sealing or key I/O that failed; the subclasses below are final


class VaultIntegrityError(VaultError):
    code = "SR-VLT-001"
    summary = "sealed object failed integrity check"
    retryable = False


class VaultContextMismatch(VaultError):
    code = "SR-VLT-002"
    summary = "sealed object bound to another context"
    retryable = False


class UnknownKeyError(VaultError):
    code = "SR-VLT-003"
    summary = "no key for sealed object"
    retryable = False


class VaultObjectMissing(VaultError):
    code = "SR-VLT-004"
    summary = "sealed object not found"
    retryable = False


class KeyFilePermissionError(VaultError):
    code = "SR-VLT-005"
    summary = "key file readable by group or others"
    retryable = False


class InvalidObjectKey(VaultError):
    code = "SR-VLT-006"
    summary = "invalid object key"
    retryable = False


class LegalHoldActive(VaultError):
    code = "SR-VLT-007"
    summary = "matter is under legal hold"
    retryable = False


class KeyShredded(UnknownKeyError):
    code = "SR-VLT-008"
    summary = "matter keys were shredded"


class KeyInUse(VaultError):
    code = "SR-VLT-009"
    summary = "key version is current or still seals objects"
    retryable = False


class KeyServiceError(VaultError):
    code = "SR-VLT-010"
    summary = "key service call failed"
    retryable = True


# --- documents -------------------------------------------------------------
class DocumentError(SealroomError):
    code = "SR-DOC-000"
    summary = "document cannot be processed"


class UnsupportedDocument(DocumentError):
    code = "SR-DOC-001"
    summary = "unsupported document type"


class CorruptDocument(DocumentError):
    code = "SR-DOC-002"
    summary = "document is corrupt or unreadable"


class EncryptedDocument(DocumentError):
    code = "SR-DOC-003"
    summary = "encrypted, no password"


class ImageOnlyDocument(DocumentError):
    code = "SR-DOC-004"
    summary = "no text layer; OCR not enabled"


class DocumentTooLarge(DocumentError):
    code = "SR-DOC-005"
    summary = "document exceeds configured limits"


class DocumentTimeout(DocumentError):
    code = "SR-DOC-006"
    summary = "document exceeded the per-document time limit"


# --- redaction -------------------------------------------------------------
class RedactionError(SealroomError):
    code = "SR-RED-000"
    summary = "redaction failed"


class LeakDetected(RedactionError):
    code = "SR-RED-001"
    summary = "leak check found identifying text in rendition"


# --- review queues ---------------------------------------------------------
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


class StorageError(SealroomError):
    code = "SR-STO-001"
    summary = "object storage call failed"
    retryable = True


# --- audit -----------------------------------------------------------------
class LedgerError(SealroomError):
    code = "SR-AUD-000"
    summary = "ledger error"
    retryable = True  # the database could not be reached or written


class LedgerIntegrityError(LedgerError):
    code = "SR-AUD-001"
    summary = "ledger chain broken"
    retryable = False


# --- operations --------------------------------------------------------------
class StepFailed(SealroomError):
    """What an orchestration step raises instead of a library error (codes and ids only)."""

    code = "SR-OPS-001"
    summary = "pipeline step failed"

    def __init__(self, ref: str = "", reason: str = "", *, transient: bool = False) -> None:
        super().__init__(ref, reason)
        self.retryable = transient  # carried over from the error the step translated

    @property
    def transient(self) -> bool:
        return self.retryable


def all_error_types() -> list[type[SealroomError]]:
    """Every error class in the tree (used to check codes are unique)."""
    found: list[type[SealroomError]] = []
    stack: list[type[SealroomError]] = [SealroomError]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found
