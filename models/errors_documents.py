"""Errors of one document that cannot be processed safely (``SR-DOC-*``) or whose
redaction failed (``SR-RED-*``): the document is quarantined with the code, never
retried by itself. Re-exported by ``models.errors``.
"""

from __future__ import annotations

from models.errors_base import SealroomError


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


class RedactionError(SealroomError):
    code = "SR-RED-000"
    summary = "redaction failed"


class LeakDetected(RedactionError):
    code = "SR-RED-001"
    summary = "leak check found identifying text in rendition"
