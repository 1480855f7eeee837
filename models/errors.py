"""One error tree with stable codes.

Messages carry ids (document, batch, object refs) and never document text.
Library errors are translated at the boundary: ``raise VaultIntegrityError(ref) from exc``.

``retryable`` says whether the same call may succeed later without anyone changing
anything (a storage or key-service outage, a lost database connection): the flows retry
exactly those. Integrity failures, shredded or unknown keys, bad input and refusals are
final, whatever family they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass


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


class OutboxNotEmpty(VaultError):
    """Shredding refused: the matter's outbox still holds plaintext deliverables."""

    code = "SR-VLT-011"
    summary = "the matter's outbox still holds deliverables"
    retryable = False  # needs the operator: --purge-outbox or delivering elsewhere first


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


class LowOcrConfidence(DocumentError):
    code = "SR-DOC-040"
    summary = "OCR confidence below threshold on a scanned page"


class AttachmentRefused(DocumentError):
    code = "SR-DOC-041"
    summary = "an e-mail attachment cannot be read (type, nesting or count)"


class OutlookMessageRefused(UnsupportedDocument):
    code = "SR-DOC-042"
    summary = "Outlook item is not a plain message (calendar, contact, task, signed, encrypted)"


# --- inbox entries refused at intake (recorded as ``inbox.refused``; never read) -----
class EntryRefused(SealroomError):
    code = "SR-INB-000"
    summary = "inbox entry refused"


class SymlinkRefused(EntryRefused):
    code = "SR-INB-001"
    summary = "symbolic link: links are never followed"


class DanglingSymlink(EntryRefused):
    code = "SR-INB-002"
    summary = "dangling symbolic link"


class HiddenEntry(EntryRefused):
    code = "SR-INB-003"
    summary = "hidden file or folder (name starts with a dot)"


class EmptyEntry(EntryRefused):
    code = "SR-INB-004"
    summary = "zero-byte file"


class SpecialEntry(EntryRefused):
    code = "SR-INB-005"
    summary = "not a regular file (device, pipe or socket)"


class UnreadableEntry(EntryRefused):
    code = "SR-INB-006"
    summary = "entry cannot be read (permissions)"


class DuplicateEntry(EntryRefused):
    code = "SR-INB-007"
    summary = "same content as an ingested document"


class EntryChanged(SealroomError):
    code = "SR-INB-008"
    summary = "file changed while it was being read; retried by the next run"
    retryable = True  # the same read succeeds once the file stops changing


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


class WorkFileError(QueueError):
    """A reviewer's work file that cannot be read as one JSON object."""

    code = "SR-QUE-005"
    summary = "unreadable work file"


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


class CheckpointKeyError(LedgerError):
    """The checkpoint signing key is missing, unreadable or not the pinned one."""

    code = "SR-AUD-020"
    summary = "checkpoint signing key unavailable"
    retryable = False  # needs an operator (audit init-key, or the pinned key)


class AuditRequestError(LedgerError):
    """A compliance request names an unknown matter, action or a malformed time."""

    code = "SR-AUD-021"
    summary = "invalid audit request"
    retryable = False  # the request itself is wrong


class MalformedEvent(LedgerError):
    """A ledger event whose details do not fit its action's model, or an event read as
    another action's. The message names the event (seq, action) and the fields, never a
    value."""

    code = "SR-AUD-022"
    summary = "ledger event details do not fit its action"
    retryable = False  # the stored event will not change


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


@dataclass(frozen=True)
class Failure:
    """One item a step could not finish: the step, an opaque id, an error code and the
    library's error code or exception type as the cause (never a message)."""

    step: str
    ref: str
    code: str
    cause: str = ""

    def line(self) -> str:
        cause = f" ({self.cause})" if self.cause else ""
        return f"{self.step} {self.ref}: {self.code}{cause}"


class StepIncomplete(StepFailed):
    """A step (or a run) did part of its work: ``result`` is what it did, ``failures``
    what it could not do. Fails the Prefect state; the next run retries the failures."""

    code = "SR-OPS-002"
    summary = "finished with failures"

    def __init__(self, ref: str, failures: list[Failure], result: object = None) -> None:
        self.failures = list(failures)
        self.result = result
        shown = "; ".join(f.line() for f in self.failures[:5])
        more = f"; +{len(self.failures) - 5} more" if len(self.failures) > 5 else ""
        super().__init__(ref, f"{self.summary}: {shown}{more}")


class NotQuarantined(SealroomError):
    code = "SR-OPS-003"
    summary = "document is not in quarantine (or was dismissed)"


def all_error_types() -> list[type[SealroomError]]:
    """Every error class in the tree (used to check codes are unique)."""
    found: list[type[SealroomError]] = []
    stack: list[type[SealroomError]] = [SealroomError]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found
