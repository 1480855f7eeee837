"""Documents are known by opaque ids; their names and text live only in the vault."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum


class DocKind(StrEnum):
    MEDICAL = "medical"
    LEGAL = "legal"


class MediaType(StrEnum):
    """Sniffed from content (``formats.sniff``), never from the file name."""

    TEXT = "text/plain"
    PDF = "application/pdf"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    EML = "message/rfc822"
    MSG = "application/vnd.ms-outlook"
    TIFF = "image/tiff"
    PNG = "image/png"
    JPEG = "image/jpeg"

    @property
    def suffix(self) -> str:
        return SUFFIXES[self]


SUFFIXES = {
    MediaType.TEXT: ".txt",
    MediaType.PDF: ".pdf",
    MediaType.DOCX: ".docx",
    MediaType.EML: ".eml",
    MediaType.MSG: ".msg",
    MediaType.TIFF: ".tif",
    MediaType.PNG: ".png",
    MediaType.JPEG: ".jpg",
}


class DocState(StrEnum):
    INGESTED = "ingested"
    REDACTED = "redacted"
    QUARANTINED = "quarantined"
    DISPATCHED = "dispatched"
    REVIEWED = "reviewed"
    DELIVERED = "delivered"

    @property
    def terminal(self) -> bool:
        return self in (DocState.QUARANTINED, DocState.DELIVERED)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(matter: str, data: bytes) -> str:
    """Deterministic id from matter and content: re-ingesting the same file is a no-op."""
    digest = hashlib.sha256(matter.encode() + b"\x00" + data).hexdigest()
    return f"doc-{digest[:20]}"


@dataclass(frozen=True)
class Document:
    doc_id: str
    tenant: str
    matter: str
    kind: DocKind
    media_type: MediaType
    content_hash: str
    size: int
