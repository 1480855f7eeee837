"""Vault errors (``SR-VLT-*``): sealing, keys, legal hold and crypto-shredding. The family's
base is retryable (sealing or key I/O that failed); integrity, context, unknown or
shredded keys and refusals are final. Re-exported by ``models.errors``.
"""

from __future__ import annotations

from models.errors_base import SealroomError


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


class OutboxNotEmpty(VaultError):
    """Shredding refused: the matter's outbox still holds plaintext deliverables."""

    code = "SR-VLT-011"
    summary = "the matter's outbox still holds deliverables"
    retryable = False  # needs the operator: --purge-outbox or delivering elsewhere first
